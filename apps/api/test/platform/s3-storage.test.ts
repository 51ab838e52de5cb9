import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from '../../src/platform/storage/s3.ts';

// A stand-in for an S3-compatible server (MinIO, Ceph…): stores objects by path and records how
// each request was signed, so the test sees what a real server would receive.
const objects = new Map<string, Buffer>();
const seen: { method: string; url: string; auth: string }[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, auth: String(req.headers.authorization ?? '') });
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) return res.writeHead(403).end();
    if (req.method === 'PUT') objects.set(req.url!, Buffer.concat(chunks));
    if (req.method === 'DELETE') objects.delete(req.url!);
    if (req.method === 'GET') {
      const body = objects.get(req.url!);
      return body ? res.writeHead(200).end(body) : res.writeHead(404).end();
    }
    res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe('S3-compatible storage', () => {
  it('puts, gets and deletes objects with SigV4-signed path-style requests', async () => {
    const storage = s3Storage({ endpoint, region: 'us-east-1', bucket: 'motcua', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
    const data = new TextEncoder().encode('Tờ khai đăng ký khai sinh');
    const saved = await storage.put('dossiers/x/form.pdf', data, 'application/pdf');
    expect(saved.size).toBe(data.byteLength);
    expect(objects.has('/motcua/dossiers/x/form.pdf')).toBe(true);
    expect(seen[0]?.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request/);
    expect(new TextDecoder().decode((await storage.get('dossiers/x/form.pdf'))!)).toBe('Tờ khai đăng ký khai sinh');
    await storage.delete('dossiers/x/form.pdf');
    expect(await storage.get('dossiers/x/form.pdf')).toBeNull();
  });

  it('surfaces a refused request as an error instead of pretending it was stored', async () => {
    const refusing = s3Storage({ endpoint: `${endpoint}/`, region: 'us-east-1', bucket: 'motcua', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
    server.removeAllListeners('request');
    server.on('request', (_req, res) => res.writeHead(500).end());
    const refused = await refusing.put('a.pdf', new Uint8Array([1]), 'application/pdf').catch((err: unknown) => err);
    // The caller gets a 503 problem it can show; the operator's log gets the store's answer.
    expect(refused).toMatchObject({ kind: 'unavailable', code: 'storage.unavailable', cause: { message: expect.stringMatching(/HTTP 500/) } });
  });
});
