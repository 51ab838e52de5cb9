import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

const realCsv = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/tthc-catalog-2026-07.csv'), 'utf8');
const HEADER = 'ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc,kenh_thoi_han_phi';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  admin = { authorization: `Bearer ${await t.login('admin')}` };
});
afterAll(() => t.close());

type Change = { code: string; name: string; fields: string[] };
type Preview = { id: string; status: string; rows: number; added: Change[]; changed: Change[]; retired: Change[]; unchanged: number; flags: number };

const upload = (body: Record<string, unknown>, headers = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/catalog/imports', headers, payload: { fileName: 'catalog.csv', format: 'csv', ...body } });
const apply = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/catalog/imports/${id}/apply`, headers: admin });
const versionCount = async () => rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select count(*) as n from procedure_versions`))[0]!.n;

// Parsing and writing 2,642 procedures twice: a few seconds alone, far more on a shared 2-core CI
// machine. A limit, not a measurement (the timing is in bench/catalog.bench.ts).
describe('importing the national catalog file (2,642 procedures)', { timeout: 180_000 }, () => {
  it('previews the difference, applies it in one go, and a second import of the same file changes nothing', async () => {
    const before = await versionCount();
    const res = await upload({ content: realCsv, mode: 'full', fileName: 'tthc-catalog-2026-07.csv' });
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json() as Preview;
    expect(preview).toMatchObject({ status: 'previewed', rows: 2642, retired: [] });
    expect(preview.added).toHaveLength(2642 - 344);
    expect(preview.added.find((a) => a.code === '1.000005')?.name).toBe('Thủ tục hải quan đối với khí, nguyên liệu xuất khẩu, nhập khẩu bằng đường ống chuyên dụng');
    // The 344 seeded procedures are in the file with the same names, levels, times and fees.
    expect(preview.changed.map((c) => `${c.code}: ${c.fields.join(',')}`)).toEqual([]);
    expect(preview.unchanged).toBe(344);
    expect(await versionCount()).toBe(before);

    const applied = await apply(preview.id);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().status).toBe('applied');
    expect(await versionCount()).toBe(before + 2298);
    const all = (await t.app.inject({ url: '/api/v1/procedures?limit=1' })).json();
    expect(all.total).toBe(2642);
    const customs = (await t.app.inject({ url: '/api/v1/procedures/1.000005' })).json();
    expect(customs.channels).toEqual([
      { channel: 'online', timeLimit: null, timeLimitText: '', fees: [{ label: 'Phí, lệ phí', amount: 120000 }], feeText: '120,000 VNĐ', note: '', cases: [] },
    ]);
    expect((await t.app.inject({ url: '/api/v1/procedures?q=dang%20ky%20khai%20sinh' })).json().items[0].code).toBe('1.001193');

    const again = (await upload({ content: realCsv, mode: 'full' })).json() as Preview;
    expect({ added: again.added.length, changed: again.changed.length, retired: again.retired.length, unchanged: again.unchanged }).toEqual({
      added: 0,
      changed: 0,
      retired: 0,
      unchanged: 2642,
    });
    expect((await apply(again.id)).statusCode).toBe(200);
    expect(await versionCount()).toBe(before + 2298);
  });
});

describe('a province file with mistakes', () => {
  it('reports every bad row and writes nothing', async () => {
    const before = await versionCount();
    const csv = [
      HEADER,
      '1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch,Trực tiếp: 1 / Miễn phí',
      '1.00119,Thiếu một chữ số,Cấp xã,Hộ tịch,Trực tiếp: 1 / Miễn phí',
      '9.999001,,Cấp thôn,Hộ tịch,Tại nhà: 2 Ngày làm việc',
      '1.001193,Trùng mã,Cấp xã,Hộ tịch,',
    ].join('\n');
    const res = await upload({ content: csv });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('catalog.import_invalid');
    expect(body.errors).toEqual([
      { path: 'row 3.ma_thu_tuc', message: '"1.00119" is not a procedure code such as 1.001193' },
      { path: 'row 4.ten_thu_tuc', message: 'the name is empty' },
      { path: 'row 4.cap_thuc_hien', message: 'unknown level Cấp thôn (use Cấp xã, Cấp tỉnh, Cấp bộ, Cơ quan khác)' },
      { path: 'row 4.kenh_thoi_han_phi', message: 'unknown channel Tại nhà (use Trực tiếp, Trực tuyến, Dịch vụ bưu chính)' },
    ]);
    const dup = await upload({ content: [HEADER, csv.split('\n')[1], csv.split('\n')[4]].join('\n') });
    expect(dup.json().errors).toEqual([{ path: 'row 3', message: 'code 1.001193 already appears in row 2' }]);
    expect(await versionCount()).toBe(before);
  });

  it('refuses an unknown column and a JSON row with a wrong field, naming them', async () => {
    const csv = await upload({ content: 'ma_thu_tuc,ten_thu_tuc,linh_vuc,gia\n1.001193,X,Hộ tịch,1' });
    expect(csv.json().errors).toEqual([{ path: 'header', message: 'unknown column gia' }]);
    const json = await upload({ format: 'json', content: JSON.stringify({ procedures: [{ code: '1.001193', onlineLevel: 'mostly' }] }) });
    expect(json.statusCode).toBe(422);
    expect(json.json().errors[0].path).toBe('procedures[0].onlineLevel');
    const fresh = await upload({ format: 'json', content: JSON.stringify({ procedures: [{ code: '9.999002', name: 'Thủ tục mới' }] }) });
    expect(fresh.json().errors).toEqual([{ path: 'row 1', message: '9.999002: a new procedure needs a name, a sector and its levels' }]);
  });
});

describe('a province correcting one procedure with a JSON file', () => {
  it('changes only what the file says, keeps the rest, and shows it as a new version', async () => {
    const current = (await t.app.inject({ url: '/api/v1/procedures/1.004222' })).json();
    const channels = current.channels.map((c: { channel: string; fees: unknown }) => (c.channel === 'counter' ? { ...c, fees: [{ label: 'Lệ phí đăng ký cư trú', amount: 15000 }] } : c));
    const file = JSON.stringify({ procedures: [{ code: '1.004222', channels }] });
    const preview = (await upload({ format: 'json', fileName: 'cu-tru.json', content: file })).json() as Preview;
    expect(preview.changed).toEqual([{ code: '1.004222', name: 'Đăng ký thường trú', fields: ['channels'] }]);
    expect(preview.added).toEqual([]);
    expect((await apply(preview.id)).statusCode).toBe(200);

    const after = (await t.app.inject({ url: '/api/v1/procedures/1.004222' })).json();
    expect(after.version).toBe(current.version + 1);
    expect(after.documents).toEqual(current.documents);
    expect(after.channels.find((c: { channel: string }) => c.channel === 'counter').fees).toEqual([{ label: 'Lệ phí đăng ký cư trú', amount: 15000 }]);
  });

  it('a full file retires what it leaves out, only after the preview is applied', async () => {
    const csv = [HEADER, '1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch,Trực tuyến: 1 / Miễn phí; Dịch vụ bưu chính: 1 / Miễn phí; Trực tiếp: 1 / Miễn phí'].join('\n');
    const preview = (await upload({ content: csv, mode: 'full' })).json() as Preview;
    expect(preview.retired.length).toBe(2641);
    expect(preview.changed).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/procedures?limit=1' })).json().total).toBe(2642);
    // Not applied: an abandoned preview changes nothing.
  });

  it('refuses to apply a preview once the catalog has moved on', async () => {
    const file = JSON.stringify({ procedures: [{ code: '1.001193', conditions: 'Trẻ em sinh ra trên lãnh thổ Việt Nam.' }] });
    const first = (await upload({ format: 'json', content: file })).json() as Preview;
    const second = (await upload({ format: 'json', content: JSON.stringify({ procedures: [{ code: '1.000080', conditions: 'x' }] }) })).json() as Preview;
    expect((await apply(second.id)).statusCode).toBe(200);
    const stale = await apply(first.id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('catalog.import_stale');
    expect((await t.app.inject({ url: `/api/v1/catalog/imports/${first.id}`, headers: admin })).json().status).toBe('stale');
    expect((await apply(second.id)).json().code).toBe('catalog.import_not_pending');
  });

  it('is for province administrators only', async () => {
    const content = [HEADER, '1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch,'].join('\n');
    expect((await upload({ content }, {})).statusCode).toBe(401);
    const officer = { authorization: `Bearer ${await t.login('phuxuan.motcua')}` };
    const res = await upload({ content }, officer);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('catalog.forbidden');
  });
});
