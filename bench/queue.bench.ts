// Live board fan-out: 1,000 display connections (SSE) on one started API process; for each
// call-next, the time from sending the request until each display has received the `called` event.
// Client and server run on this machine (2 cores), in separate processes, over real HTTP.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { percentile, round, type BenchResult } from './lib.ts';

const root = path.resolve(import.meta.dirname, '..');
const PORT = 18_183;
const CLIENTS = 1000;
// Under the public issue rate limit (30 a minute per address): every round takes one ticket.
const ROUNDS = 25;
const base = `http://127.0.0.1:${PORT}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

async function json<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Display = { ready: Promise<void>; close(): void };

/** One display: records when each `called` event (by seq) arrives. */
function connect(centerId: string, arrivals: Map<number, number[]>): Display {
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const req = http.get(`${base}/api/v1/queue/centers/${centerId}/events`, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (block.includes('event: snapshot')) markReady();
        if (block.includes('"type":"called"')) {
          const seq = Number(/^id: (\d+)/m.exec(block)?.[1]);
          const list = arrivals.get(seq) ?? [];
          list.push(at);
          arrivals.set(seq, list);
        }
      }
    });
  });
  req.on('error', () => {});
  return { ready, close: () => req.destroy() };
}

export default async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-queue-'));
  const env: NodeJS.ProcessEnv = { ...process.env, MOTCUA_DATA_DIR: dir, PORT: String(PORT), LOG_LEVEL: 'warn', MOTCUA_WORKER: 'off' };
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], { env, cwd: root, stdio: 'ignore' });
  const displays: Display[] = [];
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const { token } = await json<{ token: string }>('POST', '/api/v1/auth/login', { username: 'phuxuan.motcua', password: process.env.MOTCUA_DEMO_PASSWORD ?? 'motcua' });
    const [center] = await json<{ id: string; counters: { id: string }[] }[]>('GET', '/api/v1/centers', undefined, token);
    const groups = await json<{ id: string }[]>('GET', `/api/v1/centers/${center!.id}/service-groups`);
    const counterId = center!.counters[0]!.id;
    await json('POST', `/api/v1/queue/counters/${counterId}/open`, { serviceGroupIds: groups.map((g) => g.id) }, token);

    const arrivals = new Map<number, number[]>();
    const connectStarted = performance.now();
    for (let i = 0; i < CLIENTS; i += 50) {
      const batch = Array.from({ length: Math.min(50, CLIENTS - i) }, () => connect(center!.id, arrivals));
      displays.push(...batch);
      await Promise.all(batch.map((d) => d.ready));
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;

    const latencies: number[] = [];
    const lastDisplay: number[] = [];
    const responses: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await json('POST', `/api/v1/queue/centers/${center!.id}/tickets`, { serviceGroupId: groups[0]!.id });
      await new Promise((res) => setTimeout(res, 100)); // let the `issued` event reach every display first
      const sent = performance.now();
      const { ticket } = await json<{ ticket: { id: string } }>('POST', `/api/v1/queue/counters/${counterId}/call-next`, undefined, token);
      responses.push(performance.now() - sent);
      const until = performance.now() + 10_000;
      let seq = -1;
      while (performance.now() < until) {
        seq = [...arrivals.keys()].find((k) => (arrivals.get(k)?.length ?? 0) >= CLIENTS) ?? -1;
        if (seq >= 0) break;
        await new Promise((res) => setTimeout(res, 5));
      }
      if (seq < 0) throw new Error(`round ${r}: not every display received the call`);
      const times = arrivals.get(seq)!.map((at) => at - sent);
      arrivals.clear();
      latencies.push(...times);
      lastDisplay.push(Math.max(...times));
      await json('POST', `/api/v1/queue/tickets/${ticket.id}/finish`, undefined, token);
      await new Promise((res) => setTimeout(res, 100));
      arrivals.clear();
    }
    latencies.sort((a, b) => a - b);
    lastDisplay.sort((a, b) => a - b);
    responses.sort((a, b) => a - b);
    const note = `${CLIENTS} SSE clients in one process, server in another; ${ROUNDS} calls; ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`;
    return [
      { name: `connect ${CLIENTS} displays (snapshot each)`, value: round(connectSeconds), unit: 's', note },
      { name: 'call-next → event received by a display, p50', value: round(percentile(latencies, 50)), unit: 'ms', note },
      { name: 'call-next → event received by a display, p99', value: round(percentile(latencies, 99)), unit: 'ms', goal: '< 100 ms', note },
      { name: 'call-next → last of 1,000 displays received, median call', value: round(percentile(lastDisplay, 50)), unit: 'ms', note },
      { name: 'call-next HTTP response, p50', value: round(percentile(responses, 50)), unit: 'ms', note },
    ];
  } finally {
    for (const d of displays) d.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
