import type { Role } from '@motcua/contracts';

/** Who is acting: set by the HTTP layer from the session, passed to every use case and policy. */
export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  provinceCode: string;
  centerId: string | null;
  sessionId: string;
};
