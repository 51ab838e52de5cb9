import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, PublicTicket, QueueEvent } from '@motcua/contracts';
import { applyEvent, callSentence, fromSnapshot } from '../src/features/queue/board-state.ts';
import { clipNames } from '../src/features/queue/announcer.ts';
import { chimeWav } from '../src/features/queue/chime.ts';
import { renderApp, stubApi } from './helpers.tsx';

const centerId = '0196d2f4-3c1e-7a10-8000-000000000002';
const snapshot: BoardSnapshot = {
  seq: 10,
  centerId,
  centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
  groups: [
    { id: '0196d2f4-3c1e-7a10-8000-0000000000a1', code: 'A', name: 'Hộ tịch', waiting: 2 },
    { id: '0196d2f4-3c1e-7a10-8000-0000000000b1', code: 'B', name: 'Đất đai', waiting: 0 },
  ],
  counters: [
    { number: 1, name: 'Tư pháp – Hộ tịch', current: null },
    { number: 3, name: 'Chứng thực', current: null },
  ],
  recentCalls: [],
  notice: '',
};
const call = (seq: number, number: string, counterNumber: number): QueueEvent => ({
  seq,
  type: 'called',
  at: `2026-11-23T02:0${seq % 10}:00.000Z`,
  call: { ticketId: `0196d2f4-3c1e-7a10-8000-0000000000${String(seq).padStart(2, '0')}`, number, counterNumber, at: `2026-11-23T02:0${seq % 10}:00.000Z` },
  counterNumber,
  waiting: { A: 1, B: 0 },
  notice: null,
});

describe('display board state', () => {
  it('a call shows the number at its counter, at the top of recent calls, with the new waiting counts', () => {
    const s = applyEvent(fromSnapshot(snapshot), call(11, 'A001', 3));
    expect(s.counters.find((c) => c.number === 3)?.current?.number).toBe('A001');
    expect(s.recentCalls.map((c) => c.number)).toEqual(['A001']);
    expect(s.groups.map((g) => g.waiting)).toEqual([1, 0]);
  });

  it('ignores an event it has already applied, so a replay never doubles a call', () => {
    const once = applyEvent(fromSnapshot(snapshot), call(11, 'A001', 3));
    expect(applyEvent(once, call(11, 'A001', 3))).toBe(once);
    expect(applyEvent(once, call(9, 'A000', 1))).toBe(once);
  });

  it('finishing clears the counter line; the director’s notice replaces the old one', () => {
    let s = applyEvent(fromSnapshot(snapshot), call(11, 'A001', 3));
    s = applyEvent(s, { seq: 12, type: 'finished', at: '2026-11-23T02:10:00.000Z', call: null, counterNumber: 3, waiting: { A: 1, B: 0 }, notice: null });
    expect(s.counters.find((c) => c.number === 3)?.current).toBeNull();
    s = applyEvent(s, { seq: 13, type: 'notice', at: '2026-11-23T02:11:00.000Z', call: null, counterNumber: null, waiting: { A: 1, B: 0 }, notice: 'Nghỉ trưa từ 11 giờ 30' });
    expect(s.notice).toBe('Nghỉ trưa từ 11 giờ 30');
  });

  it('spells the number digit by digit for the voice', () => {
    expect(callSentence(call(11, 'B023', 3).call!, (n, c) => `Mời số ${n} đến quầy số ${c}`)).toBe('Mời số B 0 2 3 đến quầy số 3');
  });

  it('without a Vietnamese voice, plays the shipped clips in the order of the sentence', () => {
    expect(clipNames('B023', 12)).toEqual(['moi-so', 'letter-B', 'digit-0', 'digit-2', 'digit-3', 'den-quay-so', 'digit-1', 'digit-2']);
  });

  it('builds a playable WAV chime in code', () => {
    const wav = chimeWav();
    const text = (from: number, to: number) => String.fromCharCode(...wav.slice(from, to));
    expect([text(0, 4), text(8, 12), text(36, 40)]).toEqual(['RIFF', 'WAVE', 'data']);
    expect(new DataView(wav.buffer).getUint32(40, true)).toBe(wav.length - 44);
  });
});

describe('kiosk', () => {
  it('a citizen chooses a priority and a group and gets a ticket with its place in line', async () => {
    const ticket: PublicTicket = {
      id: '0196d2f4-3c1e-7a10-8000-0000000000f1',
      centerId,
      centerName: snapshot.centerName,
      number: 'A003',
      serviceGroupCode: 'A',
      serviceGroupName: 'Hộ tịch',
      priority: 'elderly',
      status: 'waiting',
      issuedAt: '2026-11-23T02:00:00.000Z',
      ahead: 2,
      estimatedWaitMinutes: 16,
      counterNumber: null,
      statusUrl: `http://localhost/queue/tickets/0196d2f4-3c1e-7a10-8000-0000000000f1`,
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      rating: null,
    };
    const calls = stubApi({
      [`GET /api/v1/centers/${centerId}/service-groups`]: { status: 200, body: snapshot.groups.map((g, i) => ({ id: g.id, centerId, code: g.code, name: g.name, sortOrder: i })) },
      'GET /api/v1/queue/centers': { status: 200, body: [{ id: centerId, agencyCode: 'H46.01', name: snapshot.centerName }] },
      [`POST /api/v1/queue/centers/${centerId}/tickets`]: { status: 201, body: ticket },
    });
    const { user } = renderApp(`/kiosk/${centerId}`);
    await user.click(await screen.findByRole('radio', { name: 'Người cao tuổi' }));
    await user.click(await screen.findByRole('button', { name: /Hộ tịch/ }));
    expect(await screen.findByRole('heading', { name: 'Số thứ tự của bạn' })).toBeTruthy();
    expect(screen.getByText('A003')).toBeTruthy();
    expect(screen.getByText('16 phút')).toBeTruthy();
    const post = calls.find((c) => c.key.startsWith('POST'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ serviceGroupId: snapshot.groups[0]!.id, priority: 'elderly', phone: null, source: 'kiosk' });
    await user.click(screen.getByRole('button', { name: 'Xong' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Lấy số thứ tự' })).toBeTruthy());
  }, 20_000);
});
