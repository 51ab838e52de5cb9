import { z } from 'zod';
import { Role } from './roles.ts';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  provinceCode: z.string(),
  centerId: z.uuid().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: UserSummary,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
