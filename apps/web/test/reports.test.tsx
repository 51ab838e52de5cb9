import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScoreResponse } from '@motcua/contracts';
import { renderApp, stubApi } from './helpers.tsx';

const me = {
  user: { id: '01900000-0000-7000-8000-000000000001', username: 'admin', fullName: 'Nguyễn Văn Quản', role: 'province_admin' },
  province: { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue', unitType: 'Thành phố trực thuộc trung ương' },
  center: null,
};
const score: ScoreResponse = {
  total: 86.5,
  band: 'good',
  stars: 4,
  groups: [
    { id: 'progress', points: 18, max: 20, indicators: [{ id: '2.1', numerator: 9, denominator: 10, points: 18, max: 20 }] },
    { id: 'online', points: 6, max: 12, indicators: [{ id: '3.1', numerator: 0, denominator: 0, points: 0, max: 2 }, { id: '3.3', numerator: 5, denominator: 10, points: 6, max: 6 }] },
  ],
};
const activity = { received: 10, handled: 8, returned: 8, inProgress: 2, early: 3, onTime: 4, late: 1, avgProcessingDays: 1.5, online: 5, paidOnline: 0, eResult: 8, digitized: 8, reused: 0, rated: 2, dissatisfied: 1, petitions: 0, petitionsOnTime: 0, noAppointmentSameDay: 0, outreach: 0, outreachOnSpot: 0 };
const P = 'from=2026-10-01&to=2026-10-31';

afterEach(() => vi.unstubAllGlobals());

describe('a commune dashboard', () => {
  it('shows the 766 breakdown and links only the points lost on dossiers to their list', async () => {
    stubApi({
      'GET /api/v1/me': { status: 200, body: me },
      [`GET /api/v1/reports/summary?${P}&unitCode=19774`]: { status: 200, body: { unit: { kind: 'unit', unitCode: '19774', name: 'Phường Kim Long', provinceCode: '46' }, from: '2026-10-01', to: '2026-10-31', score, activity } },
      [`GET /api/v1/reports/breakdown?${P}&unitCode=19774&by=procedure`]: { status: 200, body: { by: 'procedure', rows: [{ key: '1.001193', label: 'Thủ tục đăng ký khai sinh', received: 10, handled: 8, onTime: 7, late: 1, online: 5, avgProcessingDays: 1.5 }] } },
      'GET /api/v1/reports/trend?unitCode=19774&to=2026-10-31&months=6': { status: 200, body: { unitCode: '19774', points: [{ month: '2026-10', total: 86.5, groups: {}, received: 10 }] } },
    });
    renderApp(`/province/reports/units/19774?${P}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Chỉ số 766 của Phường Kim Long' })).toBeTruthy();
    const card = screen.getByRole('region', { name: 'Điểm Chỉ số 766' });
    expect(within(card).getByText(/Tốt/)).toBeTruthy();
    const lost = within(card).getByRole('link', { name: 'Chỉ số 2.1: xem các hồ sơ làm mất 2 điểm' });
    expect(lost.getAttribute('href')).toBe('/reports/drill?unitCode=19774&indicator=2.1&from=2026-10-01&to=2026-10-31&set=missing');
    // Full points (3.3) and procedure-counted indicators (3.1) have no dossier list behind them.
    expect(within(card).getAllByRole('link')).toHaveLength(1);
    expect(await screen.findByRole('rowheader', { name: 'Thủ tục đăng ký khai sinh' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Tải Excel (XLSX)' })[0]!.getAttribute('href')).toBe(`/api/v1/reports/export?table=score&unitCode=19774&from=2026-10-01&to=2026-10-31&format=xlsx`);
  }, 20_000);
});
