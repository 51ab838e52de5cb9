import { afterAll, expect, it } from 'vitest';
import { startPortalSimulator } from '../apps/api/src/simulators/portal.ts';
import { startSmsSimulator } from '../apps/api/src/simulators/sms.ts';
import { codeGaps, intakeBody, post } from './support/client.ts';
import { freshDatabase, startApi, startWorker, waitUntil, type Proc } from './support/processes.ts';
import { startProxy } from './support/proxy.ts';
import { openStream } from './support/sse.ts';

const [PORT_A, PORT_B, PORT_PROXY] = [18412, 18413, 18414];
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

it('two API processes and a separate worker behind a proxy: sign-in, intake and queue calls work through either, and a call on one reaches a display on the other', async () => {
  const db = await freshDatabase();
  cleanup.push(() => db.drop());
  // The national portal and the SMS gateway the worker delivers to.
  const portal = await startPortalSimulator();
  const sms = await startSmsSimulator({ echo: false });
  cleanup.push(() => portal.close(), () => sms.close());
  const external = { MOTCUA_SIMULATORS: 'off', MOTCUA_PORTAL_URL: portal.url, MOTCUA_SMS_URL: sms.url };

  // The API processes run without the in-process worker; the worker runs on its own.
  const [a, b] = await Promise.all([PORT_A, PORT_B].map((port) => startApi({ port, databaseUrl: db.url, env: { ...external, MOTCUA_WORKER: 'off' } })));
  cleanup.push(() => a!.kill('SIGTERM'), () => b!.kill('SIGTERM'));
  const worker: Proc = startWorker({ databaseUrl: db.url, env: { ...external, MOTCUA_OUTBOX_POLL_MS: '200' } });
  cleanup.push(() => worker.kill('SIGTERM'));
  const proxy = await startProxy(PORT_PROXY, [a!.url, b!.url]);
  cleanup.push(() => proxy.close());

  // Sign-in through the proxy lands on both processes; a session made on one is honoured by the other.
  const signIns = await Promise.all([0, 1].map(() => fetch(`${proxy.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'phuxuan.motcua', password: 'motcua' }) })));
  expect(signIns.map((r) => r.status)).toEqual([200, 200]);
  expect(new Set(signIns.map((r) => r.headers.get('x-motcua-backend')))).toEqual(new Set([a!.url, b!.url]));
  const officer = ((await signIns[0]!.json()) as { token: string }).token;
  const body = await intakeBody(proxy.url);
  const backends = new Set<string>();
  for (let n = 0; n < 10; n++) {
    const res = await post(proxy.url, '/api/v1/dossiers', officer, body(n));
    expect(res.status).toBe(201);
    backends.add(res.headers.get('x-motcua-backend')!);
  }
  expect(backends).toEqual(new Set([a!.url, b!.url]));
  const codes = (await db.cluster.query(`select code from dossiers`, db.name)).rows.map((r) => r.code as string);
  expect(codeGaps(codes)).toEqual({ duplicates: [], missing: [] });

  // The hall: a display board connected to process B, the officer's counter driven through process A.
  const auth = { authorization: `Bearer ${officer}` };
  const [center] = (await (await fetch(`${a!.url}/api/v1/centers`, { headers: auth })).json()) as { id: string; counters: { id: string; number: number }[] }[];
  const groups = (await (await fetch(`${a!.url}/api/v1/centers/${center!.id}/service-groups`)).json()) as { id: string; code: string }[];
  const groupB = groups.find((g) => g.code === 'B')!.id;
  const counter = center!.counters[1]!;
  expect((await post(a!.url, `/api/v1/queue/counters/${counter.id}/open`, officer, { serviceGroupIds: [groupB] })).status).toBe(200);

  const display = await openStream(`${b!.url}/api/v1/queue/centers/${center!.id}/events`);
  cleanup.push(() => display.close());
  await waitUntil(async () => display.messages.some((m) => m.event === 'snapshot'), 10_000);
  const ticket = (await (await fetch(`${a!.url}/api/v1/queue/centers/${center!.id}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceGroupId: groupB }) })).json()) as { number: string };
  const called = await post(a!.url, `/api/v1/queue/counters/${counter.id}/call-next`, officer);
  expect(called.status).toBe(200);
  await waitUntil(async () => display.messages.some((m) => m.data?.type === 'called'), 15_000, () => JSON.stringify(display.messages));
  expect(display.messages.find((m) => m.data?.type === 'called')!.data.call).toMatchObject({ number: ticket.number, counterNumber: counter.number });

  // The separate worker delivers what the API processes wrote to the outbox.
  let pending: unknown[] = [];
  await waitUntil(
    async () => (pending = (await db.cluster.query(`select topic, status, last_error from outbox_messages where status <> 'done' and payload->>'dossierId' in (select id::text from dossiers)`, db.name)).rows).length === 0,
    60_000,
    () => `${JSON.stringify(pending.slice(0, 5))}\n${worker.output()}`,
  );
  expect(portal.stats().changesApplied).toBeGreaterThanOrEqual(10);
});
