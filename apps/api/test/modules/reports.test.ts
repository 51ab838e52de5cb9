import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import { refreshReports } from '../../src/modules/reports/index.ts';
import { rebuildProvince } from '../../src/modules/reports/rollup.ts';
import { dossierRatings } from '../../src/modules/feedback/feedback.tables.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
let admin: string;
// Monday 23 November 2026, 09:00 in Huế; the imported history is of November, scored 1–23 November.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const period = 'from=2026-11-01&to=2026-11-23';
// Phường Kim Long (19774), a commune of Huế without a center in the demo: only imported history.
const UNIT = '19774';

function dossier(n: number, over: Record<string, unknown> = {}) {
  return {
    code: `OLD-${UNIT}-${String(n).padStart(4, '0')}`,
    procedureCode: '1.001193',
    unitCode: UNIT,
    channel: n % 2 === 0 ? 2 : 1,
    receivedAt: '2026-11-02T08:00:00+07:00',
    dueAt: '2026-11-05T17:00:00+07:00',
    finishedAt: '2026-11-04T10:00:00+07:00',
    returnedAt: null,
    status: 'finished',
    supplements: [],
    feeAmount: 0,
    paidOnline: false,
    hasEResult: true,
    digitized: true,
    reusedComponent: false,
    usedPopulationData: false,
    syncedToPortal: true,
    rating: null,
    ...over,
  };
}

const factsOf = async (unit: string) => rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from report_dossier_facts where unit_code = ${unit} and code not like 'DEMO-%'`))[0]!.n;
const getScore = async (unit = UNIT) => {
  const res = await t.app.inject({ url: `/api/v1/reports/score?unitCode=${unit}&${period}`, headers: auth(admin) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const indicator = (s: { groups: { indicators: { id: string }[] }[] }, id: string) => s.groups.flatMap((g) => g.indicators).find((i) => i.id === id) as unknown as { numerator: number; denominator: number; points: number; max: number };

describe('historical import', () => {
  it('a file with a bad row changes nothing and names the row', async () => {
    const before = await getScore();
    const rows = [dossier(1), dossier(2), dossier(3, { unitCode: '99999' }), dossier(4)];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: auth(admin), payload: rows });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('reports.import_invalid_row');
    expect(problem.detail).toMatch(/^Row 3 \(OLD-19774-0003\): unitCode/);
    expect(problem.errors).toEqual([{ path: 'rows[3].unitCode', message: 'no commune 99999 in province 46' }]);
    expect(await factsOf(UNIT)).toBe(0);
    expect(await getScore()).toEqual(before);
  });

  it('names every kind of bad row: shape, missing finish time, duplicate code', async () => {
    const rows = [dossier(1), { ...dossier(2), channel: 9 }, dossier(3, { finishedAt: null }), dossier(1)];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: auth(admin), payload: rows });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['rows[2].channel', 'rows[3].finishedAt', 'rows[4].code']);
    expect(await factsOf(UNIT)).toBe(0);
  });

  it('imports good rows all at once, idempotent on code, and they count in every indicator', async () => {
    const rows = [
      dossier(1),
      dossier(2),
      dossier(3, { finishedAt: '2026-11-06T10:00:00+07:00' }), // late
      dossier(4, { status: 'processing', finishedAt: null, dueAt: '2026-11-20T17:00:00+07:00' }), // open, past due on the 23rd
      dossier(5, { status: 'processing', finishedAt: null, dueAt: '2026-11-30T17:00:00+07:00' }), // open, within time
    ];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: auth(admin), payload: rows });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 5, inserted: 5, updated: 0 });
    const s = await getScore();
    expect(indicator(s, '2.1')).toMatchObject({ numerator: 3, denominator: 5, points: 12 });
    expect(indicator(s, '3.3')).toMatchObject({ numerator: 2, denominator: 5, points: 4.8 });
    expect(indicator(s, '1.4')).toMatchObject({ numerator: 5, denominator: 5, points: 6 });
    expect(indicator(s, '4.1')).toMatchObject({ numerator: 5, denominator: 5 });

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: auth(admin), payload: rows });
    expect(again.json()).toEqual({ received: 5, inserted: 0, updated: 5 });
    expect(await getScore()).toEqual(s);
    expect(await factsOf(UNIT)).toBe(5);
  });

  it('accepts the same as CSV', async () => {
    const csv = [
      'code,procedureCode,unitCode,channel,receivedAt,dueAt,finishedAt,returnedAt,status,supplements,feeAmount,paidOnline,hasEResult,digitized,reusedComponent,usedPopulationData,syncedToPortal,rating',
      `CSV-1,1.001193,${UNIT},2,2026-11-10T08:00:00+07:00,2026-11-13T17:00:00+07:00,2026-11-11T09:00:00+07:00,,finished,2026-11-10T09:00:00+07:00>2026-11-10T15:00:00+07:00,50000,có,1,1,0,0,1,dissatisfied`,
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: { ...auth(admin), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 1, inserted: 1, updated: 0 });
    const s = await getScore();
    expect(indicator(s, '3.6')).toMatchObject({ numerator: 1, denominator: 1, points: 6 });
    // 6 in the progress set: 4 on time (one rated dissatisfied), one late, one open past due.
    expect(indicator(s, '5.4')).toMatchObject({ numerator: 3, denominator: 6 });
  });

  it('is for the province admin only', async () => {
    const director = await t.login('phuxuan.giamdoc');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', headers: auth(director), payload: [dossier(9)] });
    expect(res.statusCode).toBe(403);
  });
});

describe('drill-down, leaderboard and exports', () => {
  it('lists the dossiers that cost points, with what they cost', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/drill?unitCode=${UNIT}&${period}&indicator=2.1&set=missing`, headers: auth(admin) });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.rows.map((r: { code: string }) => r.code).sort()).toEqual(['OLD-19774-0003', 'OLD-19774-0004']);
    expect(d.total).toBe(2);
    expect(d.pointsAtStake).toBeCloseTo(20 * (2 / 6), 2);
  });

  it('ranks the communes of the province', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/leaderboard?${period}`, headers: auth(admin) });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: { unitCode: string }) => r.unitCode === UNIT);
    expect(row).toMatchObject({ unitName: 'Phường Kim Long', received: 6, total: (await getScore()).total });
  });

  it('exports the leaderboard as an XLSX that parses, and as CSV', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/export?table=leaderboard&format=xlsx&${period}`, headers: auth(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Đơn vị');
    const names = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(3).value);
    expect(names).toContain('Phường Kim Long');
    const csv = await t.app.inject({ url: `/api/v1/reports/export?table=drill&format=csv&unitCode=${UNIT}&indicator=2.1&${period}`, headers: auth(admin) });
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('breaks the activity down per procedure and per officer', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/breakdown?unitCode=${UNIT}&${period}&by=procedure`, headers: auth(admin) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([{ key: '1.001193', label: 'Thủ tục đăng ký khai sinh', received: 6, handled: 4, onTime: 3, late: 1, online: 3, avgProcessingDays: expect.any(Number) }]);
    const xlsx = await t.app.inject({ url: `/api/v1/reports/export?table=breakdown&by=sector&format=csv&unitCode=${UNIT}&${period}`, headers: auth(admin) });
    expect(xlsx.body).toContain('Lĩnh vực');
  });

  it('renders the monthly report PDF', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/monthly.pdf?unitCode=${UNIT}&month=2026-11`, headers: auth(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('who sees what', () => {
  it("a director sees their own center and gets 404 for another unit's", async () => {
    const director = await t.login('phuxuan.giamdoc');
    expect((await t.app.inject({ url: `/api/v1/reports/score?${period}`, headers: auth(director) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/reports/score?unitCode=${UNIT}&${period}`, headers: auth(director) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/reports/leaderboard?${period}`, headers: auth(director) })).statusCode).toBe(403);
  });
  it("a province admin gets 404 for another province's commune", async () => {
    expect((await t.app.inject({ url: `/api/v1/reports/score?unitCode=23798&${period}`, headers: auth(admin) })).statusCode).toBe(404);
  });
});

describe('live dossiers', () => {
  it('are projected into the facts and counted, with the officer who handled them', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const leader = await asUser(t, 'phuxuan.lanhdao');
    const { checklist } = await completeChecklist(t, '1.001193');
    const created = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    let current = created;
    for (const [who, action] of [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish']] as const) {
      t.clock.advance(10 * 60_000);
      const res = await who.act(created.id, { action, expectedVersion: current.version });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      current = res.json();
    }
    await refreshReports(t.ctx);
    const director = await t.login('phuxuan.giamdoc');
    const res = await t.app.inject({ url: `/api/v1/reports/summary?${period}`, headers: auth(director) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit).toMatchObject({ unitCode: '19753', kind: 'unit' });
    expect(body.activity).toMatchObject({ received: 1, handled: 1, early: 0, onTime: 1, late: 0 });
    expect(indicator(body.score, '2.1')).toMatchObject({ numerator: 1, denominator: 1, points: 20 });
    const mine = await t.app.inject({ url: `/api/v1/reports/officer?${period}`, headers: auth(await t.login('phuxuan.chuyenvien')) });
    expect(mine.json()).toMatchObject({ handled: 1, onTime: 1, late: 0 });

    // The citizen rates it dissatisfied (feedback module): the next refresh takes 5.4's point away.
    await t.ctx.db.insert(dossierRatings).values({ dossierId: created.id, provinceCode: '46', centerId: current.centerId, overall: 'dissatisfied', channel: 'online', ratedAt: t.clock.now() });
    t.clock.advance(60_000);
    await refreshReports(t.ctx);
    const after = (await t.app.inject({ url: `/api/v1/reports/summary?${period}`, headers: auth(director) })).json();
    expect(after.activity).toMatchObject({ rated: 1, dissatisfied: 1 });
    expect(indicator(after.score, '5.4')).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
  });
});

describe('rollups', () => {
  it('kept row by row by the trigger equal a set-based rebuild from the facts', async () => {
    const read = async () =>
      rowsOf<Record<string, unknown>>(await t.ctx.db.execute(sql`select * from report_daily where province_code = '46' and (received + handled + ended + went_late + returned) <> 0 order by unit_code, day`)).map(
        // Adding a value and taking it back again leaves floating-point dust in the sum of working days.
        (r) => ({ ...r, processing_days: Math.round(Number(r.processing_days) * 1e6) / 1e6 }),
      );
    const kept = await read();
    expect(kept.length).toBeGreaterThan(10);
    await rebuildProvince(t.ctx.db, '46');
    expect(await read()).toEqual(kept);
  });
});
