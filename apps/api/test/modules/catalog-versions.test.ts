import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '@motcua/contracts';
import { currentVersion, getVersion, isOffered, offeringOf } from '../../src/modules/catalog/index.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  admin = { authorization: `Bearer ${await t.login('admin')}` };
});
afterAll(() => t.close());

const detail = async (code: string, headers: Record<string, string> = {}) => (await t.app.inject({ url: `/api/v1/procedures/${code}`, headers })).json() as ProcedureDetail;
const publish = (code: string, payload: Record<string, unknown>, headers = admin) =>
  t.app.inject({ method: 'POST', url: `/api/v1/procedures/${code}/versions`, headers, payload });
const contentOf = ({ id: _i, code: _c, version: _v, effectiveFrom: _e, publishedAt: _p, source: _s, changeNote: _n, retiredAt: _r, openFlags: _f, ...content }: ProcedureDetail) => content;

describe('the seeded commune procedures', () => {
  it('shows birth registration in full: same-day with the 15:00 cut-off, free, documents to bring, result', async () => {
    const birth = await detail('1.001193');
    expect(birth).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', sector: 'Hộ tịch', version: 1, source: 'seed', onlineLevel: 'partial', boundaryFree: true });
    expect(birth.channels.map((c) => [c.channel, c.timeLimit, c.fees])).toEqual([
      ['counter', { sameDay: true, cutoff: '15:00' }, []],
      ['online', { sameDay: true, cutoff: '15:00' }, []],
      ['postal', { sameDay: true, cutoff: '15:00' }, []],
    ]);
    expect(birth.documents.some((d) => d.name.startsWith('Giấy chứng sinh') && d.kind === 'submit' && d.requirement === 'mandatory')).toBe(true);
    expect(birth.results).toEqual([{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }]);
    // Review notes are for the administrator, not the public page.
    expect(birth.openFlags).toEqual([]);
    expect((await detail('1.001193', admin)).openFlags.map((f) => f.message)).toContain(
      '"1" without a unit read as same day with a 15:00 cut-off (the steps mention 15 giờ)',
    );
  });

  it('reads fees as whole đồng per channel and times with their units', async () => {
    const residence = await detail('1.004222');
    expect(residence.channels.map((c) => [c.channel, c.timeLimit, c.fees?.map((f) => f.amount)])).toEqual([
      ['counter', { workingDays: 7 }, [20000]],
      ['online', { workingDays: 7 }, [10000]],
    ]);
    expect(residence.onlineLevel).toBe('partial');
  });

  it('an unknown code is a 404 problem and a malformed one a 400', async () => {
    expect((await t.app.inject({ url: '/api/v1/procedures/1.999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/procedures/abc' })).statusCode).toBe(400);
  });
});

describe('versions', () => {
  it('a dossier pinned to version 1 keeps version 1’s document list after version 2 is published', async () => {
    const pinned = await currentVersion(t.ctx.db, '1.000080', t.clock.now());
    expect(pinned?.version).toBe(1);
    const v1 = await detail('1.000080');
    const extra = { ...v1.documents[0]!, id: 'd99', name: 'Giấy xác nhận của trưởng thôn', originals: 1, copies: 0 };
    const content = { ...contentOf(v1), documents: [...v1.documents.slice(1), extra] };
    const res = await publish('1.000080', { content, changeNote: 'Quyết định 12/QĐ-UBND: thay giấy tờ', baseVersionId: v1.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, source: 'edit', changeNote: 'Quyết định 12/QĐ-UBND: thay giấy tờ' });

    const still = await getVersion(t.ctx.db, pinned!.id);
    expect(still?.documents).toEqual(v1.documents);
    expect((await t.app.inject({ url: `/api/v1/procedures/1.000080/versions/${pinned!.id}` })).json().documents).toEqual(v1.documents);
    expect((await detail('1.000080')).documents.map((d) => d.id)).toEqual([...v1.documents.slice(1).map((d) => d.id), 'd99']);

    const diff = (await t.app.inject({ url: `/api/v1/procedures/1.000080/diff?from=${v1.id}&to=${res.json().id}` })).json();
    expect(diff.changes).toEqual([
      { path: `documents[${v1.documents[0]!.id}]`, kind: 'removed', before: v1.documents[0], after: null },
      { path: 'documents[d99]', kind: 'added', before: null, after: extra },
    ]);
    const versions = (await t.app.inject({ url: '/api/v1/procedures/1.000080/versions' })).json();
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('a version decided for a later date takes over only on that date', async () => {
    const now = await detail('1.004884');
    const counter = now.channels.find((c) => c.channel === 'counter')!;
    const content = { ...contentOf(now), channels: now.channels.map((c) => (c === counter ? { ...c, timeLimit: { workingDays: 2 } } : c)) };
    const from = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const res = await publish('1.004884', { content, changeNote: 'Rút ngắn thời hạn', baseVersionId: now.id, effectiveFrom: from });
    expect(res.statusCode, res.body).toBe(201);
    expect((await detail('1.004884')).version).toBe(1);
    expect((await currentVersion(t.ctx.db, '1.004884', new Date(from)))?.version).toBe(2);
    const diff = (await t.app.inject({ url: `/api/v1/procedures/1.004884/diff?from=${now.id}&to=${res.json().id}` })).json();
    expect(diff.changes).toEqual([{ path: 'channels[counter].timeLimit', kind: 'changed', before: counter.timeLimit, after: { workingDays: 2 } }]);
    t.clock.set(from);
    expect((await detail('1.004884')).version).toBe(2);
    t.clock.set('2026-11-23T02:00:00Z');
  });

  it('refuses an edit from an outdated version, an edit that changes nothing, and non-admins', async () => {
    const cur = await detail('1.000110');
    const content = { ...contentOf(cur), conditions: 'Cha hoặc mẹ là công dân Việt Nam.' };
    expect((await publish('1.000110', { content, changeNote: 'a', baseVersionId: cur.id })).statusCode).toBe(201);
    const stale = await publish('1.000110', { content: { ...content, conditions: 'khác' }, changeNote: 'b', baseVersionId: cur.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('catalog.version_conflict');
    const latest = await detail('1.000110');
    const same = await publish('1.000110', { content, changeNote: 'c', baseVersionId: latest.id });
    expect(same.json().code).toBe('catalog.no_change');
    const officer = { authorization: `Bearer ${await t.login('phuxuan.lanhdao')}` };
    expect((await publish('1.000110', { content, changeNote: 'd', baseVersionId: latest.id }, officer)).statusCode).toBe(403);
    expect((await publish('1.000110', { content: { ...content, name: '' }, changeNote: 'e', baseVersionId: latest.id })).statusCode).toBe(400);
  });

  it('published versions cannot be altered in the database', async () => {
    const v = await detail('1.001193');
    await expect(t.ctx.db.execute(sql`update procedure_versions set name = 'x' where id = ${v.id}`)).rejects.toThrow();
  });
});

describe('review of doubtful readings', () => {
  it('lists open flags, confirms one, and an edit of the field resolves its flags', async () => {
    const list = async () => (await t.app.inject({ url: '/api/v1/catalog/flags?limit=200', headers: admin })).json() as { items: { id: string; code: string; field: string; message: string }[]; total: number };
    const before = await list();
    expect(before.total).toBeGreaterThan(400);
    const birthFlags = before.items.filter((f) => f.code === '1.001193');
    expect(birthFlags.map((f) => f.field)).toEqual(['channels[counter,online,postal]', 'competentAgency']);

    const confirm = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/flags/${birthFlags[0]!.id}/confirm`, headers: admin, payload: { note: 'Luật Hộ tịch, Điều 16' } });
    expect(confirm.statusCode).toBe(204);
    expect((await detail('1.001193', admin)).openFlags.map((f) => f.field)).toEqual(['competentAgency']);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/catalog/flags/${birthFlags[0]!.id}/confirm`, headers: admin, payload: {} })).statusCode).toBe(404);

    const cur = await detail('1.001193', admin);
    const edited = await publish('1.001193', { content: { ...contentOf(cur), competentAgency: 'Ủy ban nhân dân cấp xã' }, changeNote: 'Cơ quan thực hiện', baseVersionId: cur.id });
    expect(edited.statusCode).toBe(201);
    expect((await detail('1.001193', admin)).openFlags).toEqual([]);
    expect((await list()).total).toBe(before.total - 2);
    expect((await t.app.inject({ url: '/api/v1/catalog/flags' })).statusCode).toBe(401);
  });
});

describe('offerings: which center serves what, at which service group', () => {
  it('the demo commune centers offer every commune procedure, grouped by sector', async () => {
    const token = await t.login('phuxuan.motcua');
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${token}` } })).json();
    const offered = (await t.app.inject({ url: `/api/v1/centers/${center.id}/procedures` })).json() as { code: string; sector: string; serviceGroupCode: string }[];
    expect(offered.length).toBe(344);
    const group = (code: string) => offered.find((o) => o.code === code)?.serviceGroupCode;
    expect(group('1.001193')).toBe('A');
    expect(offered.filter((o) => o.sector === 'Chứng thực').every((o) => o.serviceGroupCode === 'D')).toBe(true);
    expect(offered.filter((o) => o.sector === 'Đất đai').every((o) => o.serviceGroupCode === 'B')).toBe(true);
    expect(await isOffered(t.ctx.db, center.id, '1.001193')).toBe(true);
    expect((await offeringOf(t.ctx.db, center.id, '1.001193'))?.serviceGroupName).toBe('Hộ tịch');
  });

  it('the province admin moves and withdraws offerings at a center of the province, and no other', async () => {
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${await t.login('phuxuan.motcua')}` } })).json();
    const groups = (await t.app.inject({ url: `/api/v1/centers/${center.id}/service-groups` })).json() as { id: string; code: string }[];
    const e = groups.find((g) => g.code === 'E')!.id;
    const put = (payload: Record<string, unknown>, headers = admin) => t.app.inject({ method: 'PUT', url: `/api/v1/centers/${center.id}/procedures`, headers, payload });
    const res = await put({ items: [{ code: '1.004222', serviceGroupId: e }, { code: '1.000080', serviceGroupId: null }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await isOffered(t.ctx.db, center.id, '1.000080')).toBe(false);
    expect((await offeringOf(t.ctx.db, center.id, '1.004222'))?.serviceGroupCode).toBe('E');

    const otherCenterGroup = await put({ items: [{ code: '1.004222', serviceGroupId: '01890000-0000-7000-8000-000000000000' }] });
    expect(otherCenterGroup.statusCode).toBe(400);
    expect(otherCenterGroup.json().errors[0].path).toBe('body.items.0.serviceGroupId');
    const gialai = { authorization: `Bearer ${await t.login('gialai.admin')}` };
    expect((await put({ items: [{ code: '1.004222', serviceGroupId: e }] }, gialai)).statusCode).toBe(404);
  });
});
