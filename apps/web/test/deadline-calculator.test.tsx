import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { problem, renderApp, stubApi } from './helpers.tsx';

describe('public appointment date calculator', () => {
  it('sends the receipt in Vietnam time and shows the due date with the working periods used', async () => {
    const calls = stubApi({
      'POST /api/v1/calendar/deadline?explain=1': {
        status: 200,
        body: {
          clockStartsAt: '2026-02-13T15:00:00+07:00',
          dueAt: '2026-02-23T15:00:00+07:00',
          workingMinutes: 480,
          provisional: false,
          consumed: [
            { from: '2026-02-13T15:00:00+07:00', to: '2026-02-13T17:00:00+07:00', minutes: 120 },
            { from: '2026-02-23T08:00:00+07:00', to: '2026-02-23T12:00:00+07:00', minutes: 240 },
            { from: '2026-02-23T13:00:00+07:00', to: '2026-02-23T15:00:00+07:00', minutes: 120 },
          ],
        },
      },
    });
    const { user } = renderApp('/deadline');
    expect(screen.getByRole('heading', { level: 1, name: 'Tính ngày hẹn trả kết quả' })).toBeTruthy();
    await user.type(screen.getByLabelText('Thời điểm tiếp nhận hồ sơ'), '2026-02-13T15:00');
    await user.clear(screen.getByLabelText('Số ngày làm việc (bước 0,5)'));
    await user.type(screen.getByLabelText('Số ngày làm việc (bước 0,5)'), '1');
    await user.click(screen.getByRole('button', { name: 'Tính ngày hẹn' }));

    expect(await screen.findByText('Thứ Hai, 23/2/2026, 15:00')).toBeTruthy();
    const periods = screen.getByText('Thứ Sáu, 13/2/2026: 15:00–17:00').closest('ol')!;
    expect([...periods.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Thứ Sáu, 13/2/2026: 15:00–17:00',
      'Thứ Hai, 23/2/2026: 08:00–12:00',
      'Thứ Hai, 23/2/2026: 13:00–15:00',
    ]);
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ receivedAt: '2026-02-13T15:00:00+07:00', limit: { workingDays: 1 } });
  });

  it('sends a same-day limit with its cut-off and shows a rejected input as an error', async () => {
    const calls = stubApi({ 'POST /api/v1/calendar/deadline?explain=1': problem(400, 'validation_failed', 'bad') });
    const { user } = renderApp('/deadline');
    await user.type(screen.getByLabelText('Thời điểm tiếp nhận hồ sơ'), '2026-03-10T15:01');
    await user.selectOptions(screen.getByLabelText('Loại thời hạn'), 'sameDay');
    await user.click(screen.getByRole('button', { name: 'Tính ngày hẹn' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ receivedAt: '2026-03-10T15:01:00+07:00', limit: { sameDay: true, cutoff: '15:00' } });
  });
});
