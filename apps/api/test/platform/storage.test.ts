import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localStorage } from '../../src/platform/storage/storage.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-storage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('local file storage', () => {
  const storage = localStorage(dir);

  it('stores, reads back and deletes a file, reporting its size and sha256', async () => {
    const data = new TextEncoder().encode('Giấy khai sinh');
    const saved = await storage.put('dossiers/2026/a.pdf', data, 'application/pdf');
    const expected = createHash('sha256').update(data).digest('hex');
    expect(saved).toEqual({ key: 'dossiers/2026/a.pdf', size: data.byteLength, sha256: expected });
    expect(new TextDecoder().decode((await storage.get('dossiers/2026/a.pdf'))!)).toBe('Giấy khai sinh');
    await storage.delete('dossiers/2026/a.pdf');
    expect(await storage.get('dossiers/2026/a.pdf')).toBeNull();
  });

  it('refuses keys that could escape the storage directory', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'A B']) {
      await expect(storage.put(key, new Uint8Array([1]), 'text/plain')).rejects.toThrow(/unsafe key/);
    }
  });
});
