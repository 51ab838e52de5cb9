// Catalog search over the 2,642 procedures of the national file, measured through the HTTP API
// (app.inject: routing, validation, SQL on embedded PGlite, serialisation) with a mix of real
// citizen queries: without diacritics, upper case, with typos and filtered; browsing without a
// query is measured apart.
import fs from 'node:fs';
import path from 'node:path';
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
import { catalogModule } from '../apps/api/src/modules/catalog/index.ts';
import { unitsModule } from '../apps/api/src/modules/units/index.ts';
import { runSeeds } from '../apps/api/seed/index.ts';
import { percentile, round, timeCalls, type BenchResult } from './lib.ts';

const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../apps/api/test/fixtures/tthc-catalog-2026-07.csv'), 'utf8');

const queries = [
  'q=dang%20ky%20khai%20sinh',
  'q=khai%20sinh',
  `q=${encodeURIComponent('ĐĂNG KÝ KHAI SINH')}`,
  'q=dang%20ki%20khai%20sinh',
  'q=khai%20sihn',
  'q=cap%20doi%20the%20can%20cuoc',
  'q=dang%20ky%20thuong%20tru',
  'q=chung%20thuc%20ban%20sao',
  'q=giay%20phep%20xay%20dung',
  'q=ho%20kinh%20doanh',
  `q=${encodeURIComponent('thủ tục hải quan')}`,
  'q=ket%20hon&level=commune',
  `q=dang%20ky&sector=${encodeURIComponent('Hộ tịch')}`,
  'q=ngoai%20hoi&limit=50',
];
/** Browsing without a query (the search page before typing), measured apart. */
const listings = ['limit=20', 'onlineLevel=none&limit=20', `sector=${encodeURIComponent('Hộ tịch')}&limit=20`];

export default async function run(): Promise<BenchResult[]> {
  const database = await openPglite(undefined);
  const clock = fixedClock('2026-11-23T02:00:00Z');
  await migrate(database.db);
  await runSeeds(database.db, { clock, ids: uuidv7Ids, demo: true, demoPassword: 'bench-password' });
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    clock,
    ids: uuidv7Ids,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MOTCUA_LOGIN_RATE_LIMIT: '1000' }),
    log: pino({ level: 'silent' }),
    storage: localStorage(path.join(process.cwd(), 'data', 'bench-files')),
    wakeOutbox: () => {},
  };
  const app = await buildApp(ctx, [authModule, unitsModule, catalogModule], { webDist: null, defaultMetrics: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'bench-password' } });
    const headers = { authorization: `Bearer ${login.json().token}` };
    const t0 = performance.now();
    const preview = await app.inject({ method: 'POST', url: '/api/v1/catalog/imports', headers, payload: { fileName: 'tthc.csv', format: 'csv', content: csv, mode: 'full' } });
    const t1 = performance.now();
    const applied = await app.inject({ method: 'POST', url: `/api/v1/catalog/imports/${preview.json().id}/apply`, headers });
    const t2 = performance.now();
    if (applied.statusCode !== 200) throw new Error(`import failed: ${applied.body}`);
    const total = (await app.inject({ url: '/api/v1/procedures?limit=1' })).json().total as number;
    if (total !== 2642) throw new Error(`expected 2,642 procedures, found ${total}`);

    const times = await timeCalls(2000, async (i) => {
      const res = await app.inject({ url: `/api/v1/procedures?${queries[i % queries.length]}` });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    const typo = await timeCalls(300, () => app.inject({ url: '/api/v1/procedures?q=khai%20sihn' }));
    const browse = await timeCalls(300, (i) => app.inject({ url: `/api/v1/procedures?${listings[i % listings.length]}` }));
    const detail = await timeCalls(300, () => app.inject({ url: '/api/v1/procedures/1.001193' }));
    const note = `${total} procedures, ${queries.length} query shapes, embedded PGlite, app.inject`;
    return [
      { name: 'catalog search p50 (HTTP, mixed queries)', value: round(percentile(times, 50)), unit: 'ms', note },
      { name: 'catalog search p95 (HTTP, mixed queries)', value: round(percentile(times, 95)), unit: 'ms', goal: '< 10 ms', note },
      { name: 'catalog search p99 (HTTP, mixed queries)', value: round(percentile(times, 99)), unit: 'ms' },
      { name: 'catalog search p95, typo "khai sihn"', value: round(percentile(typo, 95)), unit: 'ms' },
      { name: 'catalog browse p95 (no query, 20 of 2,642 in name order)', value: round(percentile(browse, 95)), unit: 'ms' },
      { name: 'procedure page p95 (GET /procedures/{code})', value: round(percentile(detail, 95)), unit: 'ms' },
      { name: 'import preview of the 2,642-row CSV', value: round((t1 - t0) / 1000), unit: 's' },
      { name: 'import apply (2,298 new procedures)', value: round((t2 - t1) / 1000), unit: 's' },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}
