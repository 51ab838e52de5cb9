import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('administrative units (public)', () => {
  it('lists the 34 provinces with their official names', async () => {
    const res = await t.app.inject({ url: '/api/v1/provinces' });
    const list = res.json() as { code: string; fullName: string }[];
    expect(list).toHaveLength(34);
    expect(list.find((p) => p.code === '46')?.fullName).toBe('Thành phố Huế');
    expect(list.find((p) => p.code === '52')?.fullName).toBe('Tỉnh Gia Lai');
  });

  it('lists a province’s communes with GSO codes; all 3,321 add up', async () => {
    const hue = (await t.app.inject({ url: '/api/v1/provinces/46/communes' })).json() as { code: string; fullName: string }[];
    expect(hue.find((c) => c.code === '19753')?.fullName).toBe('Phường Phú Xuân');
    let total = 0;
    for (const p of (await t.app.inject({ url: '/api/v1/provinces' })).json() as { code: string }[]) {
      total += ((await t.app.inject({ url: `/api/v1/provinces/${p.code}/communes` })).json() as unknown[]).length;
    }
    expect(total).toBe(3321);
  });

  it('an unknown province is a 404 problem, a malformed code a 400 with the field', async () => {
    const missing = await t.app.inject({ url: '/api/v1/provinces/99/communes' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('units.province_not_found');
    const bad = await t.app.inject({ url: '/api/v1/provinces/abc/communes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.code');
  });
});

describe('service groups (public, for kiosks)', () => {
  it('lists a center’s groups with their ticket letters, in kiosk order', async () => {
    const token = await t.login('phuxuan.motcua');
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${token}` } })).json();
    const res = await t.app.inject({ url: `/api/v1/centers/${center.id}/service-groups` });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((g: { code: string; name: string }) => `${g.code} ${g.name}`)).toEqual(['A Hộ tịch', 'B Đất đai', 'C Kinh doanh', 'D Chứng thực', 'E Khác']);
  });

  it('an unknown center is a 404 problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/centers/01890000-0000-7000-8000-000000000000/service-groups' });
    expect(res.statusCode).toBe(404);
  });
});
