import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { CalendarDay, CalendarYear, Me } from '@motcua/contracts';
import { demoMe, renderApp, stubApi } from './helpers.tsx';

const adminMe: Me = { ...demoMe, user: { ...demoMe.user, username: 'admin', role: 'province_admin' }, center: null };

const periods = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

/** A year as the API answers it, with a few entries. */
function yearDays(year: number, entries: Record<string, Pick<CalendarDay, 'kind' | 'reason' | 'status'> & { working?: boolean }>): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    const entry = entries[date];
    const working = entry ? (entry.working ?? false) : weekday <= 5;
    out.push({
      date,
      weekday,
      working,
      kind: entry?.kind ?? (weekday <= 5 ? 'workday' : 'weekend'),
      reason: entry?.reason ?? (weekday <= 5 ? null : 'Nghỉ cuối tuần'),
      status: entry?.status ?? null,
      source: entry ? 'Thử nghiệm' : null,
      periods: working ? periods : [],
    });
  }
  return out;
}

const year = (y: number, status: CalendarYear['status']): CalendarYear => ({
  year: y,
  status,
  flagged: status !== 'confirmed',
  daysOff: status === 'missing' ? 0 : 13,
  workingSaturdays: status === 'missing' ? 0 : 2,
  proposedDays: 0,
  confirmedBy: status === 'confirmed' ? 'seed' : null,
  confirmedAt: status === 'confirmed' ? '2026-01-01T08:00:00+07:00' : null,
});

const days2026 = yearDays(2026, {
  '2026-02-17': { kind: 'tet', reason: 'Tết Nguyên đán (mùng 1)', status: 'confirmed' },
  '2026-08-22': { kind: 'working_saturday', reason: 'Làm bù cho thứ Hai 31/8/2026', status: 'confirmed', working: true },
});

function stubCalendar(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/v1/me': { status: 200, body: adminMe },
    'GET /api/v1/calendar/years': { status: 200, body: [year(2025, 'confirmed'), year(2026, 'confirmed'), year(2027, 'missing')] },
    'GET /api/v1/calendar/days?from=2026-01-01&to=2026-12-31': { status: 200, body: days2026 },
    'GET /api/v1/calendar/days?from=2027-01-01&to=2027-12-31': { status: 200, body: yearDays(2027, {}) },
    ...extra,
  });
}

// A year of day buttons is slow to query in jsdom on a busy machine: a generous timeout, not a timing check.
describe('official calendar admin page', { timeout: 30_000 }, () => {
  it('flags the year without confirmed data and opens it first', async () => {
    stubCalendar();
    renderApp('/province/calendar');
    const table = await screen.findByRole('table');
    const row2027 = within(table).getByRole('row', { name: /^2027/ });
    expect(row2027.textContent).toContain('Chưa có dữ liệu');
    expect(within(row2027).getByRole('button', { name: 'Đề xuất năm 2027 theo âm lịch' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /^2026/ }).textContent).toContain('Đã xác nhận');
    expect(screen.getByText(/Chưa xác nhận lịch nghỉ của năm 2027/)).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Lịch năm 2027' })).toBeTruthy();
  });

  it('shows a year with Tết and the make-up Saturday marked', async () => {
    stubCalendar();
    const { user } = renderApp('/province/calendar');
    await user.click(await screen.findByRole('button', { name: 'Xem năm 2026' }));
    const february = await screen.findByRole('table', { name: 'Tháng 2' });
    const tet = within(february).getByRole('button', { name: /ngày nghỉ \(Tết Nguyên đán \(mùng 1\)\)/ });
    expect(tet.textContent).toBe('17');
    expect(tet.closest('td')?.className).toContain('cal-tet');
    const saturday = within(screen.getByRole('table', { name: 'Tháng 8' })).getByRole('button', { name: /ngày làm việc \(Làm bù cho thứ Hai 31\/8\/2026\)/ });
    expect(saturday.closest('td')?.className).toContain('cal-working_saturday');
    expect(screen.getAllByRole('table', { name: /tháng/i })).toHaveLength(12);
  });

  it('adds a day off through the editor and reloads the year', async () => {
    const calls = stubCalendar({
      'PUT /api/v1/calendar/days/2026-03-13': {
        status: 200,
        body: { date: '2026-03-13', year: 2026, kind: 'government_off', name: 'Nghỉ đột xuất', status: 'confirmed', source: '', updatedAt: '2026-03-01T08:00:00+07:00', updatedBy: 'admin' },
      },
    });
    const { user } = renderApp('/province/calendar');
    await user.click(await screen.findByRole('button', { name: 'Xem năm 2026' }));
    const march = await screen.findByRole('table', { name: 'Tháng 3' });
    await user.click(within(march).getByRole('button', { name: /13\/3\/2026/ }));
    // Queries stay inside the editor: a year of day buttons makes document-wide role queries slow.
    const editor = (await screen.findByRole('heading', { level: 2, name: /13\/3\/2026/ })).closest('section')!;
    expect(within(editor).getByText('Hiện là ngày làm việc.')).toBeTruthy();
    expect((within(editor).getByLabelText('Loại ngày') as HTMLSelectElement).value).toBe('government_off');
    await user.type(within(editor).getByLabelText('Tên hiển thị'), 'Nghỉ đột xuất');
    await user.click(within(editor).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText(/^Đã lưu/)).toBeTruthy();
    const put = calls.find((c) => c.key === 'PUT /api/v1/calendar/days/2026-03-13');
    expect(JSON.parse(String(put?.init?.body))).toEqual({ kind: 'government_off', name: 'Nghỉ đột xuất', source: '', status: 'confirmed' });
    expect(calls.filter((c) => c.key === 'GET /api/v1/calendar/years')).toHaveLength(2);
  });

  it('proposes an unannounced year from the lunar calendar', async () => {
    const calls = stubCalendar({ 'POST /api/v1/calendar/years/2027/proposal': { status: 200, body: { year: 2027, added: [] } } });
    const { user } = renderApp('/province/calendar');
    await user.click(await screen.findByRole('button', { name: 'Đề xuất năm 2027 theo âm lịch' }));
    expect(await screen.findByText('Đã đề xuất lịch nghỉ năm 2027.')).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain('POST /api/v1/calendar/years/2027/proposal');
  });

  it('tells staff other than province admins that they cannot edit', async () => {
    stubApi({ 'GET /api/v1/me': { status: 200, body: demoMe } });
    renderApp('/province/calendar');
    expect(await screen.findByText('Chỉ quản trị viên cấp tỉnh được chỉnh sửa lịch làm việc.')).toBeTruthy();
  });
});
