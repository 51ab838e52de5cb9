import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { SyncDashboard, SyncDeadLetter } from '@motcua/contracts';
import { demoMe, renderApp, stubApi } from './helpers.tsx';

const admin = { ...demoMe, user: { ...demoMe.user, username: 'admin', role: 'province_admin' as const }, center: null };
const centerId = '0196d2f4-3c1e-7a10-8000-000000000002';
const failing: SyncDashboard = {
  target: 'portal',
  generatedAt: '2026-11-23T02:00:00.000Z',
  centers: [
    { centerId, name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân', agencyCode: 'H46.01', backlog: 3, retrying: 0, dead: 1, oldestWaitingSince: '2026-11-23T01:50:00.000Z', lastError: 'portal rejected the record: MaDonVi H46.01: đơn vị chưa được cấp quyền đồng bộ', acked24h: 12, lagP50Ms: 850, lagP99Ms: 12_000 },
  ],
};
const clean: SyncDashboard = { ...failing, centers: [{ ...failing.centers[0]!, backlog: 0, dead: 0, lastError: null, acked24h: 16 }] };
const messageId = '0196d2f4-3c1e-7a10-8000-0000000000aa';
const setAside: SyncDeadLetter = {
  messageId,
  target: 'portal',
  dossierId: '0196d2f4-3c1e-7a10-8000-0000000000bb',
  dossierCode: 'H46.01-261123-0007',
  centerId,
  centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
  error: 'portal rejected the record: MaDonVi H46.01: đơn vị chưa được cấp quyền đồng bộ',
  attempts: 1,
  deadAt: '2026-11-23T02:05:00.000Z',
};

describe('province sync dashboard', () => {
  it('shows the failing center with the portal error and lag, and a retry puts its changes back in line', async () => {
    let current = failing;
    const calls = stubApi({
      'GET /api/v1/me': { status: 200, body: admin },
      'GET /api/v1/sync/dashboard?target=portal': { status: 200, get body() { return current; } } as never,
      'GET /api/v1/sync/dead-letters': { status: 200, body: { items: [] } },
      [`POST /api/v1/sync/centers/${centerId}/retry?target=portal`]: { status: 200, body: { requeued: 1 } },
    });
    const { user } = renderApp('/province/sync');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đồng bộ Cổng Dịch vụ công quốc gia' })).toBeTruthy();
    const row = (await screen.findByRole('rowheader', { name: /H46\.01/ })).closest('tr')!;
    expect(within(row).getByText('Đang lỗi')).toBeTruthy();
    expect(within(row).getByText(/đơn vị chưa được cấp quyền đồng bộ/)).toBeTruthy();
    expect(within(row).getByText('850 ms')).toBeTruthy();
    expect(within(row).getByText('12 s')).toBeTruthy();
    current = clean;
    await user.click(within(row).getByRole('button', { name: 'Gửi lại các thay đổi lỗi của Trung tâm Phục vụ hành chính công phường Phú Xuân' }));
    expect((await screen.findByText(/Đã đưa 1 thay đổi/)).textContent).toContain('vào hàng gửi lại');
    expect(calls.some((c) => c.key === `POST /api/v1/sync/centers/${centerId}/retry?target=portal`)).toBe(true);
    expect(screen.queryByText('Đang lỗi')).toBeNull();
  });

  it('lists a set-aside change nobody has acknowledged, and "Seen" takes it off the list', async () => {
    let waiting = [setAside];
    const calls = stubApi({
      'GET /api/v1/me': { status: 200, body: admin },
      'GET /api/v1/sync/dashboard?target=portal': { status: 200, body: failing },
      'GET /api/v1/sync/dead-letters': { status: 200, get body() { return { items: waiting }; } } as never,
      [`POST /api/v1/sync/dead-letters/${messageId}/ack`]: { status: 204 },
    });
    const { user } = renderApp('/province/sync');
    const table = await screen.findByRole('table', { name: 'Thay đổi bị gác lại, mới nhất trước' });
    expect(screen.getByRole('heading', { level: 2, name: 'Thay đổi bị gác lại chưa xác nhận (1)' })).toBeTruthy();
    const row = within(table).getByRole('rowheader', { name: 'H46.01-261123-0007' }).closest('tr')!;
    expect(within(row).getByText('Cổng Dịch vụ công quốc gia')).toBeTruthy();
    expect(within(row).getByText(/đơn vị chưa được cấp quyền đồng bộ/)).toBeTruthy();
    expect(within(row).getByText('09:05 23/11/2026')).toBeTruthy();
    waiting = [];
    await user.click(within(row).getByRole('button', { name: 'Đã xem thay đổi bị gác lại của hồ sơ H46.01-261123-0007' }));
    expect(await screen.findByText('Không có thay đổi bị gác lại nào chưa xác nhận.')).toBeTruthy();
    expect(calls.filter((c) => c.key === `POST /api/v1/sync/dead-letters/${messageId}/ack`)).toHaveLength(1);
  });

  it('tells the province admin on the province page how many set-aside changes wait', async () => {
    const known: Record<string, unknown> = {
      'GET /api/v1/me': { status: 200, body: admin },
      'GET /api/v1/sync/dead-letters': { status: 200, body: { items: [setAside, { ...setAside, messageId: '0196d2f4-3c1e-7a10-8000-0000000000cc' }] } },
    };
    // The page's other panels (queue figures) are not under test here: an empty answer will do.
    stubApi(new Proxy(known, { get: (routes, key: string) => routes[key] ?? { status: 404, body: { code: 'not_found', status: 404, title: 'Not Found' } } }) as never);
    renderApp('/province');
    expect(await screen.findByText('2 thay đổi bị gác lại chưa xác nhận')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Đồng bộ Cổng Dịch vụ công quốc gia/ })).toBeTruthy();
  });

  it('tells other staff the page is not theirs', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: demoMe } });
    renderApp('/province/sync');
    expect((await screen.findByRole('alert')).textContent).toBe('Chỉ quản trị viên cấp tỉnh mới xem được trang này.');
  });
});
