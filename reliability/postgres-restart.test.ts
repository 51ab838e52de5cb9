import { afterAll, expect, it } from 'vitest';
import { intakeBody, login, post } from './support/client.ts';
import { freshDatabase, startApi, waitUntil, type Proc } from './support/processes.ts';

const PORT = 18411;

let db: Awaited<ReturnType<typeof freshDatabase>>;
let api: Proc | undefined;
afterAll(async () => {
  await api?.kill('SIGTERM');
  try {
    db?.cluster.start();
  } catch {
    // already running
  }
  await db?.drop();
});

type Answer = { phase: 'down'; status: number; type: string; body: { status?: number; code?: string; detail?: string } };

it('PostgreSQL restarting under load: requests fail with 503 problem details, then the same API process serves again', async () => {
  db = await freshDatabase();
  api = await startApi({ port: PORT, databaseUrl: db.url, env: { MOTCUA_WORKER: 'off' } });
  const base = api.url;
  const token = await login(base, 'phuxuan.motcua');
  const body = await intakeBody(base);
  const auth = { authorization: `Bearer ${token}` };

  // Load: counter intakes and inbox reads from a few clients, until told to stop.
  let phase: 'up' | 'down' | 'back' = 'up';
  let stop = false;
  const seen: Answer[] = [];
  const unexpected: string[] = [];
  let n = 0;
  const client = async () => {
    while (!stop) {
      const res = await (n % 2 === 0 ? post(base, '/api/v1/dossiers', token, body(n++)) : (n++, fetch(`${base}/api/v1/dossiers?limit=5`, { headers: auth }))).catch((err: Error) => err);
      if (res instanceof Error) {
        unexpected.push(`${phase} no answer: ${String(res.cause ?? res)}`);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      const type = res.headers.get('content-type') ?? '';
      const json = (await res.json()) as Answer['body'];
      if (res.status < 300) continue;
      if (phase === 'down') seen.push({ phase, status: res.status, type, body: json });
      else if (res.status !== 503) unexpected.push(`${phase} ${res.status} ${JSON.stringify(json)}`);
    }
  };
  const clients = Array.from({ length: 4 }, client);
  await new Promise((r) => setTimeout(r, 1000));

  db.cluster.stop();
  phase = 'down';
  await waitUntil(async () => seen.length >= 20, 30_000, () => `${JSON.stringify(unexpected.slice(0, 5))}\n${api!.output()}`);
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(503);
  expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);

  phase = 'back';
  db.cluster.start();
  // The process was never restarted: its pool reconnects on its own.
  await waitUntil(async () => (await fetch(`${base}/api/health`)).status === 200, 30_000);
  const intake = await post(base, '/api/v1/dossiers', token, body(100_000));
  expect(intake.status).toBe(201);
  stop = true;
  await Promise.all(clients);

  expect(api.child.exitCode).toBe(null);
  expect(unexpected, api.output().split("\n").filter((l) => l.includes("unhandled error")).slice(0, 3).join("\n")).toEqual([]);
  // Every failure while the database was away was a clean 503 in problem details, never a 500 or a hang.
  expect(seen.length).toBeGreaterThanOrEqual(20);
  for (const a of seen) {
    expect(a.status, JSON.stringify(a.body)).toBe(503);
    expect(a.type).toMatch(/^application\/problem\+json/);
    expect(a.body).toMatchObject({ status: 503, code: expect.stringMatching(/unavailable/) });
  }
});
