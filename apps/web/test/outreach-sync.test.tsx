import { describe, expect, it, vi } from 'vitest';
import type { OutreachUpload } from '@motcua/contracts';
import { CHUNK_BYTES, sha256Hex, uploadFile } from '../src/features/outreach/outreach-sync.ts';

const bytes = new Uint8Array(CHUNK_BYTES * 2 + 1000).map((_, i) => (i * 31) % 251);
const blob = new Blob([bytes]);
const hex = async (b: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>))].map((x) => x.toString(16).padStart(2, '0')).join('');
const sha = await hex(bytes);
const upload: OutreachUpload = { id: '0196d2f4-3c1e-7a10-8000-0000000000f1', itemId: 'd04', name: 'a.png', mime: 'image/png', size: bytes.length, received: 0, sha256: sha, status: 'uploading' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that keeps what arrives and answers like the API, with a connection that can drop. */
function server(drops: ('before' | 'after')[]) {
  let received = new Uint8Array(0);
  const view = (): OutreachUpload => ({ ...upload, received: received.length, status: received.length === bytes.length ? 'complete' : 'uploading' });
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (!init?.method || init.method === 'GET') return json(view());
    const offset = Number((init.headers as Record<string, string>)['upload-offset']);
    const drop = drops.shift();
    if (drop === 'before') throw new TypeError('Failed to fetch');
    if (offset !== received.length) return json({ code: 'outreach.upload_offset', received: received.length }, 409);
    const chunk = new Uint8Array(await (init.body as Blob).arrayBuffer());
    const next = new Uint8Array(received.length + chunk.length);
    next.set(received);
    next.set(chunk, received.length);
    received = next;
    // The chunk arrived but the answer is lost on the way back.
    if (drop === 'after') throw new TypeError('Failed to fetch');
    return json(view());
  });
  vi.stubGlobal('fetch', fetch);
  return { bytes: () => received, fetch };
}

describe('photo upload from the device', () => {
  it('hashes the file as the server will check it', async () => {
    expect(await sha256Hex(blob)).toBe(sha);
  });

  it('after a dropped connection resumes where the server’s copy ends, even when the lost answer was for a chunk that arrived', async () => {
    const s = server(['after', 'before']);
    const file = { itemId: 'd04', name: 'a.png', mime: 'image/png' as const, size: bytes.length, sha256: sha, blob };
    await expect(uploadFile(upload, file)).rejects.toMatchObject({ code: 'network' });
    expect(s.bytes().length).toBe(CHUNK_BYTES);
    // Back online: the device starts from what it last knew (0) and is told the server has more.
    await expect(uploadFile(upload, file)).rejects.toMatchObject({ code: 'network' });
    const done = await uploadFile(upload, file);
    expect(done).toMatchObject({ status: 'complete', received: bytes.length });
    expect(await hex(s.bytes())).toBe(sha);
    const offsets = s.fetch.mock.calls.filter(([, init]) => init?.method === 'PATCH').map(([, init]) => (init!.headers as Record<string, string>)['upload-offset']);
    expect(offsets).toEqual(['0', '0', '0', String(CHUNK_BYTES), String(CHUNK_BYTES * 2)]);
  });
});
