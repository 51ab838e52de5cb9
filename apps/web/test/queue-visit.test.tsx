import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicTicket } from '@motcua/contracts';
import { slotTimes } from '../src/features/queue/slots-form.tsx';
import { localToday } from '../src/features/queue/queue-api.ts';
import { demoMe, problem, renderApp, stubApi } from './helpers.tsx';

const centerId = '0196d2f4-3c1e-7a10-8000-000000000002';
const centerName = 'Trung tâm Phục vụ hành chính công phường Phú Xuân';
const groupA = '0196d2f4-3c1e-7a10-8000-0000000000a1';
const groupB = '0196d2f4-3c1e-7a10-8000-0000000000b1';
const ticketId = '0196d2f4-3c1e-7a10-8000-0000000000f1';
const groups = [
  { id: groupA, centerId, code: 'A', name: 'Hộ tịch', sortOrder: 0 },
  { id: groupB, centerId, code: 'B', name: 'Đất đai', sortOrder: 1 },
];
const kioskBasics = {
  [`GET /api/v1/centers/${centerId}/service-groups`]: { status: 200, body: groups },
  'GET /api/v1/queue/centers': { status: 200, body: [{ id: centerId, agencyCode: 'H46.01', name: centerName }] },
};
const ticket = (over: Partial<PublicTicket> = {}): PublicTicket => ({
  id: ticketId,
  centerId,
  centerName,
  number: 'A002',
  serviceGroupCode: 'A',
  serviceGroupName: 'Hộ tịch',
  priority: null,
  status: 'waiting',
  issuedAt: '2026-11-23T02:50:00.000Z',
  ahead: 0,
  estimatedWaitMinutes: 0,
  counterNumber: null,
  statusUrl: `http://localhost/queue/tickets/${ticketId}`,
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  rating: null,
  ...over,
});
const bodyOf = (calls: { key: string; init: RequestInit | undefined }[], key: string) => JSON.parse(String(calls.find((c) => c.key === key)!.init!.body));

describe('booking an appointment on the phone', () => {
  it('offers only the chosen group’s times with a free place, and gives a booking code with its QR code', async () => {
    const day = '2030-01-15';
    const calls = stubApi({
      ...kioskBasics,
      [`GET /api/v1/queue/centers/${centerId}/slots?day=${localToday()}`]: { status: 200, body: [] },
      [`GET /api/v1/queue/centers/${centerId}/slots?day=${day}`]: {
        status: 200,
        body: [
          { serviceGroupId: groupA, startsAt: '2030-01-15T02:00:00.000Z', capacity: 2, booked: 1 },
          { serviceGroupId: groupA, startsAt: '2030-01-15T02:30:00.000Z', capacity: 1, booked: 1 },
          { serviceGroupId: groupB, startsAt: '2030-01-15T03:00:00.000Z', capacity: 3, booked: 0 },
        ],
      },
      [`POST /api/v1/queue/centers/${centerId}/appointments`]: {
        status: 201,
        body: { id: '0196d2f4-3c1e-7a10-8000-0000000000c1', centerId, serviceGroupId: groupA, startsAt: '2030-01-15T02:00:00.000Z', code: '3F9A1C', status: 'booked', ticketId: null, centerName, serviceGroupName: 'Hộ tịch', qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      },
    });
    const { user } = renderApp('/citizen/appointments');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đặt lịch hẹn đến trung tâm' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Trung tâm'), centerName);
    await user.selectOptions(await screen.findByLabelText('Lĩnh vực'), await screen.findByRole('option', { name: 'A – Hộ tịch' }));
    fireEvent.change(screen.getByLabelText('Ngày đến'), { target: { value: day } });
    const times = await screen.findByRole('group', { name: 'Giờ còn chỗ' });
    // 09:30 is full and 10:00 belongs to land (B): only 09:00 is offered.
    expect(within(times).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['09:00 (còn 1 chỗ)']);
    await user.click(within(times).getByRole('radio', { name: '09:00 (còn 1 chỗ)' }));
    await user.type(screen.getByLabelText('Họ và tên'), 'Lê Thị Hồng');
    await user.type(screen.getByLabelText('Số điện thoại'), '0905123456');
    await user.click(screen.getByRole('button', { name: 'Đặt lịch' }));
    expect(await screen.findByRole('heading', { name: 'Đã đặt lịch hẹn' })).toBeTruthy();
    expect(screen.getByTestId('appointment-code').textContent).toBe('3F9A1C');
    expect(screen.getByRole('img', { name: 'Mã QR của mã đặt lịch' })).toBeTruthy();
    expect(bodyOf(calls, `POST /api/v1/queue/centers/${centerId}/appointments`)).toEqual({ serviceGroupId: groupA, startsAt: '2030-01-15T02:00:00.000Z', fullName: 'Lê Thị Hồng', phone: '0905123456' });
  }, 20_000);
});

describe('kiosk: I have an appointment', () => {
  it('checks in by phone number and shows the ticket issued for the appointment', async () => {
    const calls = stubApi({ ...kioskBasics, [`POST /api/v1/queue/centers/${centerId}/appointments/check-in`]: { status: 200, body: ticket() } });
    const { user } = renderApp(`/kiosk/${centerId}`);
    await user.click(await screen.findByRole('button', { name: 'Tôi đã đặt lịch hẹn' }));
    expect(screen.getByRole('link', { name: 'Đặt lịch hẹn đến trung tâm' }).getAttribute('href')).toBe(`/citizen/appointments?center=${centerId}`);
    await user.type(screen.getByLabelText('Số điện thoại đã đặt lịch'), '0905 123 456');
    await user.click(screen.getByRole('button', { name: 'Nhận số' }));
    expect(await screen.findByRole('heading', { name: 'Số thứ tự của bạn' })).toBeTruthy();
    expect(screen.getByText('A002')).toBeTruthy();
    expect(bodyOf(calls, `POST /api/v1/queue/centers/${centerId}/appointments/check-in`)).toEqual({ phone: '0905 123 456' });
  });

  it('says plainly when no appointment today matches the code', async () => {
    stubApi({ ...kioskBasics, [`POST /api/v1/queue/centers/${centerId}/appointments/check-in`]: problem(404, 'queue.appointment_not_found', 'No appointment.') });
    const { user } = renderApp(`/kiosk/${centerId}`);
    await user.click(await screen.findByRole('button', { name: 'Tôi đã đặt lịch hẹn' }));
    await user.type(screen.getByLabelText('Mã đặt lịch'), 'ZZZZZZ{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Không tìm thấy lịch hẹn hôm nay với mã hoặc số điện thoại này.');
  });
});

describe('kiosk: back to the start', () => {
  it('a screen left untouched for 90 seconds returns to taking a number for the next person', async () => {
    stubApi(kioskBasics);
    renderApp(`/kiosk/${centerId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Tra cứu thủ tục' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục' })).toBeTruthy();
    vi.useFakeTimers();
    try {
      act(() => vi.advanceTimersByTime(60_000));
      fireEvent.keyDown(window, { key: 'k' }); // someone is still typing: the clock starts again
      act(() => vi.advanceTimersByTime(60_000));
      expect(screen.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục' })).toBeTruthy();
      act(() => vi.advanceTimersByTime(31_000));
      expect(screen.getByRole('heading', { level: 1, name: 'Lấy số thứ tự' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('kiosk: finding a procedure', () => {
  it('searches what this center offers and shows the time limit, fees and what to bring, by keyboard too', async () => {
    stubApi({
      ...kioskBasics,
      [`GET /api/v1/procedures?q=khai+sinh&centerId=${centerId}&limit=8`]: {
        status: 200,
        body: { items: [{ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', sector: 'Hộ tịch', level: 'commune', levels: ['commune'], onlineLevel: 'full', boundaryFree: true, versionId: groupA, version: 1 }], total: 1 },
      },
      'GET /api/v1/procedures/1.001193': {
        status: 200,
        body: {
          code: '1.001193',
          name: 'Thủ tục đăng ký khai sinh',
          channels: [{ channel: 'counter', timeLimit: { sameDay: true, cutoff: '15:00' }, timeLimitText: '', fees: [], feeText: 'Miễn phí', note: '', cases: [] }],
          documents: [
            { id: 'd1', name: 'Giấy chứng sinh', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: true, reuse: 'none', form: null },
            { id: 'd2', name: 'Mẫu hộ tịch điện tử tương tác', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: false, reuse: 'none', form: null, channels: ['online'] },
            { id: 'd3', name: 'Thẻ căn cước', group: null, kind: 'present', originals: 1, copies: 0, requirement: 'mandatory', digitise: false, reuse: 'none', form: null },
          ],
        },
      },
    });
    const { user } = renderApp(`/kiosk/${centerId}`);
    await user.click(await screen.findByRole('button', { name: 'Tra cứu thủ tục' }));
    await user.type(screen.getByRole('searchbox', { name: 'Tên thủ tục cần tìm' }), 'khai sinh{Enter}');
    const result = await screen.findByRole('button', { name: /Thủ tục đăng ký khai sinh/ });
    result.focus();
    await user.keyboard('{Enter}');
    const facts = await screen.findByRole('article', { name: 'Thủ tục đăng ký khai sinh' });
    expect(within(facts).getByText(/Trong ngày \(nộp trước 15:00\)/)).toBeTruthy();
    expect(within(facts).getByText(/Miễn phí/)).toBeTruthy();
    const bring = within(facts).getAllByRole('listitem').map((li) => li.textContent);
    expect(bring).toContain('Giấy chứng sinh — 1 bản chính, 0 bản sao');
    expect(bring).toContain('Thẻ căn cước — Mang theo để xuất trình');
    expect(bring.join()).not.toContain('Mẫu hộ tịch điện tử');
    await user.click(screen.getByRole('button', { name: 'Về kết quả tìm kiếm' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Thủ tục đăng ký khai sinh'));
  }, 20_000);
});

describe('rating the visit', () => {
  it('on the phone: a finished ticket asks once, and thanks after the rating', async () => {
    const calls = stubApi({
      [`GET /api/v1/queue/tickets/${ticketId}`]: { status: 200, body: ticket({ status: 'done' }) },
      [`POST /api/v1/queue/tickets/${ticketId}/rating`]: { status: 201, body: { ticketId, rating: 'satisfied', channel: 'phone', ratedAt: '2026-11-23T03:00:00.000Z' } },
    });
    const { user } = renderApp(`/queue/tickets/${ticketId}`);
    const question = await screen.findByRole('group', { name: 'Bạn có hài lòng với việc phục vụ không?' });
    await user.click(within(question).getByRole('button', { name: 'Hài lòng' }));
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá. Bạn đã đánh giá: Hài lòng.')).toBeTruthy();
    expect(bodyOf(calls, `POST /api/v1/queue/tickets/${ticketId}/rating`)).toEqual({ rating: 'satisfied', channel: 'phone' });
    expect(screen.queryByRole('group', { name: 'Bạn có hài lòng với việc phục vụ không?' })).toBeNull();
  });

  it('on the phone: no question while waiting, and the earlier rating once given', async () => {
    stubApi({ [`GET /api/v1/queue/tickets/${ticketId}`]: { status: 200, body: ticket() } });
    const first = renderApp(`/queue/tickets/${ticketId}`);
    expect(await screen.findByText('A002')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hài lòng' })).toBeNull();
    first.unmount();
    stubApi({ [`GET /api/v1/queue/tickets/${ticketId}`]: { status: 200, body: ticket({ status: 'done', rating: 'very_satisfied' }) } });
    renderApp(`/queue/tickets/${ticketId}`);
    expect(await screen.findByText('Bạn đã đánh giá: Rất hài lòng.')).toBeTruthy();
  });

  it('at the kiosk: the scanned ticket QR opens the rating; an unfinished ticket is told to wait', async () => {
    let current = ticket({ status: 'serving', counterNumber: 1 });
    const routes = {
      ...kioskBasics,
      [`POST /api/v1/queue/tickets/${ticketId}/rating`]: { status: 201, body: { ticketId, rating: 'very_satisfied', channel: 'kiosk', ratedAt: '2026-11-23T03:00:00.000Z' } },
    } as Record<string, { status: number; body?: unknown }>;
    const calls = stubApi(
      new Proxy(routes, {
        get: (target, key: string) => (key === `GET /api/v1/queue/tickets/${ticketId}` ? { status: 200, body: current } : target[key]),
      }),
    );
    const { user } = renderApp(`/kiosk/${centerId}`);
    await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
    await user.type(screen.getByLabelText('Mã QR trên phiếu số thứ tự'), `http://localhost/queue/tickets/${ticketId}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Số A002 chưa được phục vụ xong. Hãy đánh giá sau khi hoàn thành.');
    current = ticket({ status: 'done' });
    await user.type(screen.getByLabelText('Mã QR trên phiếu số thứ tự'), `http://localhost/queue/tickets/${ticketId}{Enter}`);
    await user.click(await screen.findByRole('button', { name: 'Rất hài lòng' }));
    expect(await screen.findByText(/Cảm ơn bạn đã đánh giá/)).toBeTruthy();
    expect(bodyOf(calls, `POST /api/v1/queue/tickets/${ticketId}/rating`)).toEqual({ rating: 'very_satisfied', channel: 'kiosk' });
  }, 20_000);
});

describe('director: appointment times and queue charts', () => {
  it('turns a time range into slots', () => {
    expect(slotTimes('08:00', '10:00', 30)).toEqual(['08:00', '08:30', '09:00', '09:30']);
    expect(slotTimes('10:00', '09:00', 30)).toEqual([]);
  });

  it('opens slots for a day and group, and shows the statistics with ratings and a table per chart', async () => {
    const director = { ...demoMe, user: { ...demoMe.user, username: 'phuxuan.giamdoc', role: 'director' as const } };
    const day = localToday();
    const row = (key: string, label: string) => ({ key, label, tickets: 3, served: 2, noShows: 1, avgWaitMinutes: 12.5, avgServiceMinutes: 6, ratings: { verySatisfied: 1, satisfied: 1, dissatisfied: 0 },
      dossiers: { linked: 2, returned: 1, avgIssueToReturnHours: 50.5, ratings: { verySatisfied: 0, satisfied: 1, dissatisfied: 0 } },
    });
    const stats = (by: string, rows: unknown[]) => ({ status: 200, body: { from: day, to: day, by, rows } });
    let slots: unknown[] = [];
    const routes = {
      'GET /api/v1/me': { status: 200, body: director },
      [`GET /api/v1/centers/${centerId}/service-groups`]: { status: 200, body: groups },
      [`GET /api/v1/queue/stats?from=${day}&to=${day}&by=group`]: stats('group', [row('A', 'A – Hộ tịch')]),
      [`GET /api/v1/queue/stats?from=${day}&to=${day}&by=hour`]: stats('hour', [row('09', '09:00')]),
      [`GET /api/v1/queue/stats?from=${day}&to=${day}&by=counter`]: stats('counter', [row('001', 'Tư pháp – Hộ tịch')]),
      [`POST /api/v1/queue/centers/${centerId}/slots`]: { status: 204 },
    } as Record<string, { status: number; body?: unknown }>;
    const calls = stubApi(
      new Proxy(routes, {
        get: (target, key: string) => (key === `GET /api/v1/queue/centers/${centerId}/slots?day=${day}` ? { status: 200, body: slots } : target[key]),
      }),
    );
    const { user } = renderApp('/staff/queue');
    expect(await screen.findByRole('heading', { level: 1, name: 'Điều hành hàng đợi' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Thống kê xếp hàng' });
    const rowA = within(table).getByRole('row', { name: /A – Hộ tịch/ }).textContent;
    expect(rowA).toContain('1 rất hài lòng, 1 hài lòng, 0 không hài lòng');
    expect(rowA).toContain('2 hồ sơ, 1 đã trả; lấy số → trả kết quả trung bình 50.5 giờ; đánh giá hồ sơ: 0 rất hài lòng, 1 hài lòng, 0 không hài lòng');
    expect(await screen.findByRole('table', { name: 'Theo giờ trong ngày' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Theo quầy' })).getByRole('row', { name: /Tư pháp – Hộ tịch/ }).textContent).toContain('12.5');

    await screen.findByRole('option', { name: 'B – Đất đai' });
    await user.selectOptions(screen.getByLabelText('Lĩnh vực'), 'B – Đất đai');
    fireEvent.change(screen.getByLabelText('Từ giờ'), { target: { value: '13:30' } });
    fireEvent.change(screen.getByLabelText('Đến giờ'), { target: { value: '14:30' } });
    slots = [{ serviceGroupId: groupB, startsAt: `${day}T06:30:00.000Z`, capacity: 2, booked: 0 }];
    await user.click(screen.getByRole('button', { name: 'Mở giờ hẹn' }));
    expect(await screen.findByText('Đã mở 2 giờ hẹn.')).toBeTruthy();
    expect(bodyOf(calls, `POST /api/v1/queue/centers/${centerId}/slots`)).toEqual({ serviceGroupId: groupB, capacity: 2, startsAt: [`${day}T13:30:00+07:00`, `${day}T14:00:00+07:00`] });
    expect(await screen.findByText('B 13:30 — 0/2 đã đặt')).toBeTruthy();
  }, 30_000);
});
