import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Fault modes every simulator understands, set per target through its admin endpoint. */
export type Fault = 'none' | 'down' | 'http500' | 'slow' | 'timeout';

export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/**
 * Applies a fault before the real handler runs. Returns true when the request was consumed by it:
 * down = connection reset, http500 = server error, timeout = never answers; slow = 3 s delay, then normal.
 */
export async function applyFault(fault: Fault, res: http.ServerResponse): Promise<boolean> {
  if (fault === 'down') {
    res.socket?.destroy();
    return true;
  }
  if (fault === 'http500') {
    sendJson(res, 500, { error: 'simulated failure' });
    return true;
  }
  if (fault === 'timeout') return true;
  if (fault === 'slow') await new Promise((r) => setTimeout(r, 3000));
  return false;
}

export async function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((r) => server.listen(port, host, r));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

export async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}
