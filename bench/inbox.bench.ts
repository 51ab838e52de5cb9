// Staff inbox and dossier look-up at 10 million dossiers, through the HTTP API on PostgreSQL.
//
// The kept 10M-dossier database (support/dossiers.ts; generated once, reused while current) is
// served by the real API process. Measured one request at a time after a warm-up, as the staff web
// app asks: the center's open dossiers (`?assignee=all&limit=500`, the counter officer's view), the
// specialist's own (`?assignee=me&limit=500`), a dossier found by its receipt code, and a dossier
// page by id; codes and ids are drawn at random from the whole history of the center.
// The API has no free-text dossier search: look-up by receipt code is the search staff have.
import pg from 'pg';
import { percentile, round, timeCalls, type BenchResult } from './lib.ts';
import { DEMO_PASSWORD, dossierDataset } from './support/dossiers.ts';
import { provenance } from './support/kept.ts';
import { bearer, client, startApi } from './support/server.ts';

const ROWS = Number(process.env.BENCH_INBOX_DOSSIERS ?? 10_000_000);
const CALLS = Number(process.env.BENCH_INBOX_CALLS ?? 200);

export default async function run(): Promise<BenchResult[]> {
  const data = await dossierDataset(ROWS);
  const db = new pg.Client({ connectionString: data.url });
  await db.connect();
  const facts = await (async () => {
    try {
      const center = (await db.query<{ id: string }>(`select id from centers where agency_code = 'H46.01'`)).rows[0]!.id;
      const open = `status not in ('not_accepted', 'withdrawn', 'stopped', 'returned')`;
      const n = (await db.query<{ all: number; open: number; mine: number }>(
        `select (select count(*) from dossiers where center_id = $1 or competent_center_id = $1)::int as all,
                (select count(*) from dossiers where (center_id = $1 or competent_center_id = $1) and ${open})::int as open,
                (select count(*) from dossiers d join users u on u.id = d.assignee_id where u.username = 'phuxuan.chuyenvien' and ${open})::int as mine`,
        [center],
      )).rows[0]!;
      const sample = (await db.query<{ id: string; code: string }>(`select id, code from dossiers tablesample system (1) where center_id = $1 order by random() limit $2`, [center, CALLS])).rows;
      return { ...n, sample };
    } finally {
      await db.end();
    }
  })();
  if (facts.sample.length < 20) throw new Error('too few dossiers of H46.01 sampled');
  process.stdout.write(`  H46.01 (Phú Xuân): ${facts.all.toLocaleString('en')} dossiers, ${facts.open.toLocaleString('en')} open; ${facts.mine.toLocaleString('en')} open on its specialist\n`);

  const api = await startApi(data.url, 18_191);
  const http = client(api.url, 1);
  try {
    const officer = await bearer(http, 'phuxuan.motcua', DEMO_PASSWORD);
    const specialist = await bearer(http, 'phuxuan.chuyenvien', DEMO_PASSWORD);
    const expectOk = async (url: string, headers: Record<string, string>) => {
      const res = await http.get(url, headers);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body.slice(0, 300)}`);
      return res;
    };
    const listed = (await expectOk('/api/v1/dossiers?assignee=all&limit=500', officer)).json<{ items: unknown[] }>().items.length;
    const mine = (await expectOk('/api/v1/dossiers?assignee=me&limit=500', specialist)).json<{ items: unknown[] }>().items.length;
    const inboxAll = await timeCalls(CALLS, () => expectOk('/api/v1/dossiers?assignee=all&limit=500', officer), 20);
    const inboxMine = await timeCalls(CALLS, () => expectOk('/api/v1/dossiers?assignee=me&limit=500', specialist), 20);
    const inboxShort = await timeCalls(CALLS, () => expectOk('/api/v1/dossiers?assignee=me&limit=50', specialist), 20);
    const s = facts.sample;
    const byCode = await timeCalls(CALLS, (i) => expectOk(`/api/v1/dossiers/by-code/${encodeURIComponent(s[i % s.length]!.code)}`, officer), 20);
    const byId = await timeCalls(CALLS, (i) => expectOk(`/api/v1/dossiers/${s[(i + 7) % s.length]!.id}`, officer), 20);
    const note = `${ROWS.toLocaleString('en')} dossiers; H46.01 has ${facts.all.toLocaleString('en')} (${facts.open.toLocaleString('en')} open); PostgreSQL, API process, one request at a time, ${CALLS} calls`;
    const rows = (label: string, times: number[], extra = note): BenchResult[] => [
      { name: `${label} p50`, value: round(percentile(times, 50), 1), unit: 'ms' },
      { name: `${label} p95`, value: round(percentile(times, 95), 1), unit: 'ms', goal: '< 50 ms', note: extra },
      { name: `${label} p99`, value: round(percentile(times, 99), 1), unit: 'ms' },
    ];
    return [
      ...rows(`center inbox, ${listed} open dossiers listed (?assignee=all&limit=500)`, inboxAll),
      ...rows(`my inbox, ${mine} listed (?assignee=me&limit=500)`, inboxMine, `${facts.mine.toLocaleString('en')} open dossiers on the specialist; ${note}`),
      ...rows(`my inbox, first 50 (?assignee=me&limit=50)`, inboxShort),
      ...rows('dossier search by receipt code (GET /dossiers/by-code/{code})', byCode),
      ...rows('dossier page (GET /dossiers/{id})', byId),
      { name: `generate ${ROWS.toLocaleString('en')} dossiers (once; kept and reused)`, value: data.generationSeconds, unit: 's', note: provenance(data) },
    ];
  } finally {
    http.close();
    await api.stop();
  }
}
