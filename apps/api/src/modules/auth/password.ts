import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) at OWASP's baseline (19 MiB, 2 passes): strong, and fast enough for an old PC.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check when the user does not exist, so timing does not reveal usernames. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('motcua-timing-equaliser');
  await verifyPassword(await dummy, password);
}
