import type { Config } from '../config.ts';
import { s3Storage } from './s3.ts';
import { localStorage, type FileStorage } from './storage.ts';

export type { FileStorage } from './storage.ts';

export function createStorage(storage: Config['storage']): FileStorage {
  return storage.kind === 's3' ? s3Storage(storage) : localStorage(storage.dir);
}
