import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Item = { code: string; name: string; sector: string; level: string; onlineLevel: string };
const search = async (query: string) => {
  const res = await t.app.inject({ url: `/api/v1/procedures?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};
const q = (text: string, rest = '') => search(`q=${encodeURIComponent(text)}${rest}`);

describe('searching the catalog as a citizen types', () => {
  it.each(['dang ky khai sinh', 'khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh', 'dang ki khai sinh', 'khai sihn', 'dang ky khia sinh'])(
    '"%s" finds Đăng ký khai sinh (1.001193) first',
    async (text) => {
      const { items, total } = await q(text);
      expect(items[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', sector: 'Hộ tịch', level: 'commune' });
      expect(total).toBeGreaterThanOrEqual(items.length);
    },
  );

  // The exact order, asserted identically on PGlite and PostgreSQL (CI runs this file on both).
  it.each([
    ['dang ky khai sinh', ['1.001193', '1.003583', '2.000528', '1.000689', '1.004772']],
    ['ĐĂNG KÝ KHAI SINH', ['1.001193', '1.003583', '2.000528', '1.000689', '1.004772']],
    ['khai sinh', ['1.001193', '1.004884', '1.003583', '2.000528', '2.000522']],
    ['dang ki khai sinh', ['1.001193', '1.004884', '1.003583', '2.000528', '2.000522']],
    ['khai sihn', ['1.001193', '1.004884', '1.003583', '2.000528', '2.000522']],
  ])('"%s" ranks the same five procedures in the same order on every database', async (text, codes) => {
    expect((await q(text, '&limit=5')).items.map((i) => i.code)).toEqual(codes);
  });

  it('ranks the closest names first and keeps related procedures in the list', async () => {
    const { items } = await q('khai sinh', '&limit=10');
    const codes = items.map((i) => i.code);
    expect(codes.slice(0, 1)).toEqual(['1.001193']);
    // "Đăng ký lại khai sinh" and the foreign-element variants follow, all about birth registration.
    expect(codes).toEqual(expect.arrayContaining(['1.004884', '2.000528']));
    expect(items.every((i) => /khai sinh/i.test(i.name))).toBe(true);
  });

  it('finds other real procedures without diacritics', async () => {
    expect((await q('dang ky ket hon')).items[0]!.name).toMatch(/^Thủ tục đăng ký kết hôn$/);
    expect((await q('chung thuc ban sao')).items[0]!.sector).toBe('Chứng thực');
    expect((await q('cap doi the can cuoc')).items[0]!.name).toBe('Cấp đổi thẻ căn cước');
    expect((await q('1.004222')).items[0]!.name).toBe('Đăng ký thường trú');
  });

  it('filters by sector, level and online level, and says how many match in all', async () => {
    const civil = await q('dang ky', '&sector=H%E1%BB%99%20t%E1%BB%8Bch&limit=100');
    expect(civil.total).toBeGreaterThan(10);
    expect(civil.items.every((i) => i.sector === 'Hộ tịch')).toBe(true);
    const offline = await search('onlineLevel=none&limit=100');
    expect(offline.total).toBeGreaterThan(0);
    expect(offline.items.every((i) => i.onlineLevel === 'none')).toBe(true);
    const all = await search('limit=1');
    expect(all.total).toBe(344);
    const page = await search('limit=5&offset=340');
    expect(page.items).toHaveLength(4);
    expect(page.total).toBe(344);
  });

  it('pages through a query: later pages continue the ranking, and a page past the end is empty, not typo matches', async () => {
    const first = await q('khai sinh', '&limit=3');
    const second = await q('khai sinh', '&limit=3&offset=3');
    expect(second.total).toBe(first.total);
    expect((await q('khai sinh', '&limit=6')).items.map((i) => i.code)).toEqual([...first.items, ...second.items].map((i) => i.code));
    const beyond = await q('khai sinh', `&limit=3&offset=${first.total + 5}`);
    expect(beyond).toEqual({ items: [], total: first.total });
  });

  it('restricts to what a center offers', async () => {
    const token = await t.login('phuxuan.motcua');
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${token}` } })).json();
    const offered = await q('khai sinh', `&centerId=${center.id}`);
    expect(offered.items[0]!.code).toBe('1.001193');
    const hue = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${await t.login('hue.motcua')}` } })).json()[0];
    expect((await q('khai sinh', `&centerId=${hue.id}`)).total).toBe(0);
  });

  it('answers nonsense with an empty list and a bad filter with a 400 naming the field', async () => {
    expect(await q('zzqqxx')).toEqual({ items: [], total: 0 });
    const bad = await t.app.inject({ url: '/api/v1/procedures?level=village' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.level');
  });
});
