import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
const centerIds = new Map<string, string>();
beforeAll(async () => {
  t = await startTestApp();
  for (const admin of ['admin', 'gialai.admin', 'bacninh.admin']) {
    const token = await t.login(admin);
    const res = await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${token}` } });
    for (const c of res.json() as { id: string; agencyCode: string }[]) centerIds.set(c.agencyCode, c.id);
  }
});
afterAll(() => t.close());

const get = async (username: string, url: string) => {
  const token = await t.login(username);
  return t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
};

describe('unit scoping', () => {
  it('province admins see exactly their own province’s centers', () => {
    expect([...centerIds.keys()].sort()).toEqual(['H24', 'H24.01', 'H46', 'H46.01', 'H52', 'H52.01']);
  });

  it('the Phường Phú Xuân officer sees only their own center', async () => {
    const res = await get('phuxuan.motcua', '/api/v1/centers');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((c: { agencyCode: string }) => c.agencyCode)).toEqual(['H46.01']);
    const own = await get('phuxuan.motcua', `/api/v1/centers/${centerIds.get('H46.01')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().communeName).toBe('Phường Phú Xuân');
  });

  it('the Phường Phú Xuân officer gets 404 for the Xã Ayun center, like for a missing one', async () => {
    for (const username of ['phuxuan.motcua', 'phuxuan.chuyenvien', 'phuxuan.lanhdao', 'phuxuan.giamdoc']) {
      const res = await get(username, `/api/v1/centers/${centerIds.get('H52.01')}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('units.center_not_found');
      expect(res.body).not.toContain('Ayun');
    }
  });

  it('a commune officer cannot read the provincial center either', async () => {
    const res = await get('phuxuan.motcua', `/api/v1/centers/${centerIds.get('H46')}`);
    expect(res.statusCode).toBe(404);
  });

  it('the Huế province admin cannot read Gia Lai’s centers; Gia Lai’s admin can', async () => {
    expect((await get('admin', `/api/v1/centers/${centerIds.get('H52.01')}`)).statusCode).toBe(404);
    const ok = await get('gialai.admin', `/api/v1/centers/${centerIds.get('H52.01')}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().communeName).toBe('Xã Ayun');
  });

  it('center data needs a signed-in user', async () => {
    const res = await t.app.inject({ url: `/api/v1/centers/${centerIds.get('H46.01')}` });
    expect(res.statusCode).toBe(401);
  });
});
