// Legal clock: pure deadline computations per second on one core (mixed limits, the shipped
// 2025–2026 calendar plus a proposed 2027), and POST /api/v1/calendar/deadline latency in process.
import pino from 'pino';
import { fixedClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import type { AppContext } from '../apps/api/src/platform/context.ts';
import { openPglite } from '../apps/api/src/platform/db/client.ts';
import { migrate } from '../apps/api/src/platform/db/migrate.ts';
import { buildApp } from '../apps/api/src/platform/http/app.ts';
import { uuidv7Ids } from '../apps/api/src/platform/ids.ts';
import { localStorage } from '../apps/api/src/platform/storage/storage.ts';
import { authModule } from '../apps/api/src/modules/auth/index.ts';
import { buildCalendar, calendarModule, computeDeadline, proposeYear, type TimeLimitInput } from '../apps/api/src/modules/calendar/index.ts';
import { readCalendarData } from '../apps/api/seed/calendar.ts';
import { runSeeds } from '../apps/api/seed/index.ts';
import { percentile, round, timeCalls, type BenchResult } from './lib.ts';

const limits: TimeLimitInput[] = [
  { workingDays: 0.5 },
  { workingDays: 3 },
  { workingDays: 5 },
  { workingDays: 15 },
  { workingDays: 30 },
  { workingHours: 4 },
  { sameDay: true, cutoff: '15:00' },
];

/** Receipt instants spread over 2025–2026, minute-aligned and not (seeded, so runs compare). */
function receipts(n: number): Date[] {
  let x = 42;
  const start = Date.parse('2025-01-01T00:00:00+07:00');
  const span = Date.parse('2026-12-01T00:00:00+07:00') - start;
  return Array.from({ length: n }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return new Date(start + Math.floor((x / 2_147_483_648) * span));
  });
}

function pure(): BenchResult[] {
  const data = readCalendarData();
  const cal = buildCalendar({
    entries: [...data.days.map((d) => ({ ...d, status: 'confirmed' as const })), ...proposeYear(2027)],
    years: { 2025: 'confirmed', 2026: 'confirmed', 2027: 'proposed' },
  });
  const inputs = receipts(10_000);
  const run = (n: number) => {
    let sink = 0;
    for (let i = 0; i < n; i++) sink += computeDeadline(cal, { receivedAt: inputs[i % inputs.length]!, limit: limits[i % limits.length]! }).dueAt.getTime();
    return sink;
  };
  run(50_000);
  const n = 300_000;
  const t = performance.now();
  run(n);
  const perSecond = n / ((performance.now() - t) / 1000);
  const pause = { from: new Date(Date.parse('2026-03-10T10:00:00+07:00')), to: new Date(Date.parse('2026-03-12T14:00:00+07:00')) };
  const t2 = performance.now();
  for (let i = 0; i < 100_000; i++) computeDeadline(cal, { receivedAt: new Date(Date.parse('2026-03-09T09:00:00+07:00')), limit: { workingDays: 5 }, pauses: [pause] }, { explain: true });
  const explainedPerSecond = 100_000 / ((performance.now() - t2) / 1000);
  return [
    { name: 'deadline computations per second (pure, one core, mixed limits ½–30 days)', value: Math.round(perSecond), unit: 'ops/s', goal: '> 100,000' },
    { name: 'deadline computations per second with a pause and ?explain', value: Math.round(explainedPerSecond), unit: 'ops/s' },
  ];
}

async function http(): Promise<BenchResult[]> {
  const database = await openPglite(undefined);
  await migrate(database.db);
  const clock = fixedClock('2026-11-23T02:00:00Z');
  await runSeeds(database.db, { clock, ids: uuidv7Ids, demo: false, demoPassword: 'x' });
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    clock,
    ids: uuidv7Ids,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    log: pino({ level: 'silent' }),
    storage: localStorage('/tmp/motcua-bench-calendar'),
    wakeOutbox: () => {},
  };
  const app = await buildApp(ctx, [authModule, calendarModule], { webDist: null, defaultMetrics: false });
  await app.ready();
  const inputs = receipts(2_000);
  try {
    const ms = await timeCalls(2_000, async (i) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/calendar/deadline',
        payload: { receivedAt: inputs[i]!.toISOString(), limit: limits[i % limits.length] },
        // One address per request: the public route is rate-limited per client address.
        remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      });
      if (res.statusCode !== 200) throw new Error(`deadline: ${res.statusCode} ${res.body}`);
    });
    return [
      { name: 'POST /api/v1/calendar/deadline p50 (in-process inject, embedded PGlite)', value: round(percentile(ms, 50), 3), unit: 'ms' },
      { name: 'POST /api/v1/calendar/deadline p99', value: round(percentile(ms, 99), 3), unit: 'ms', note: 'machine shared with other test runs' },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}

export default async function run(): Promise<BenchResult[]> {
  return [...pure(), ...(await http())];
}
