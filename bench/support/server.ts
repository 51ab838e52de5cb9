// The real API process (apps/api/src/main.ts) on a bench database, and a lean keep-alive HTTP client
// for driving it: the client's own cost stays small next to the server's on a 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type ApiServer = { url: string; pid: number; rssMb(): number; stop(): Promise<void> };

/**
 * Starts the API as `npm start` runs it in production, minus the web bundle: migrations and seeds
 * are checked, the outbox worker and the simulators are off (the worker runs as its own process in
 * production on PostgreSQL; here nothing delivers the messages the use cases enqueue).
 */
export async function startApi(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ApiServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MOTCUA_WORKER: 'off',
      MOTCUA_SIMULATORS: 'off',
      MOTCUA_LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('API did not become healthy within 120 s');
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export type Reply = { status: number; body: string; json<T = Record<string, unknown>>(): T };

/** Keep-alive JSON client with up to `sockets` connections. */
export function client(base: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const u = new URL(base);
  const call = (method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        { agent, host: u.hostname, port: u.port, method, path: url, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text, json: <T>() => JSON.parse(text) as T });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) => call('POST', url, headers, body),
    close: () => agent.destroy(),
  };
}

export type Client = ReturnType<typeof client>;

/** Signs a demo user in and returns the bearer header. */
export async function bearer(c: Client, username: string, password: string): Promise<Record<string, string>> {
  const res = await c.post('/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}
