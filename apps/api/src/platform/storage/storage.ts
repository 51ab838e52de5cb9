import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../errors.ts';

/** Where uploaded and generated files live. Keys are our own (never user-supplied paths). */
export type FileStorage = {
  put(key: string, data: Uint8Array, contentType: string): Promise<{ key: string; size: number; sha256: string }>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
};

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,300}$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//')) {
    throw new Error(`storage: unsafe key ${JSON.stringify(key)}`);
  }
}

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * A write the store could not complete (disk full, read-only or broken volume, object store down) as
 * a 503 problem the user can act on; the caller has recorded nothing yet, so nothing points at the file.
 */
export function storageFailure(err: unknown): DomainError {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FULL.has(code)
    ? new DomainError('unavailable', 'storage.full', 'The file store is full, so the file was not saved and nothing was recorded. Please tell the administrator; try again later.')
    : new DomainError('unavailable', 'storage.unavailable', 'The file store is not available, so the file was not saved and nothing was recorded. Please try again later.');
}

/** Files under a local directory; writes go to a temp file and are renamed so a crash leaves no half file. */
export function localStorage(dir: string): FileStorage {
  const full = (key: string) => {
    assertSafeKey(key);
    return path.join(dir, key);
  };
  return {
    async put(key, data) {
      const target = full(key);
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(tmp, data);
        await fs.rename(tmp, target);
      } catch (err) {
        // A half-written temp file would only take more of a full disk.
        await fs.rm(tmp, { force: true }).catch(() => {});
        throw Object.assign(storageFailure(err), { cause: err });
      }
      return { key, size: data.byteLength, sha256: sha256Hex(data) };
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(full(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}
