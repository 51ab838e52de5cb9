import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/modules/calendar/index.ts';
import { fontFace } from '../../src/modules/forms/pdf/fonts.ts';
import { DEFAULT_SPLIT, judgeSteps, plan } from '../../src/modules/forms/step-budget.ts';
import { vnMoney, vnWorkingDuration } from '../../src/modules/forms/vn-format.ts';
import { ascii } from '../../src/modules/results/pdf-signature.ts';
import { readCalendarData } from '../../seed/calendar.ts';

const data = readCalendarData();
const cal = buildCalendar({ entries: data.days.map((d) => ({ ...d, status: 'confirmed' as const })), years: { 2025: 'confirmed', 2026: 'confirmed' } });
const at = (local: string) => new Date(`${local}+07:00`);
const HOUR = 3_600_000;

describe('per-step time budgets (Form 06)', () => {
  // Mon 23 Nov 2026 09:00 → Thu 26 Nov 09:00: three working days of 8 hours.
  const start = at('2026-11-23T09:00:00');
  const due = at('2026-11-26T09:00:00');

  it('splits the working time 10/60/20/10 by default', () => {
    const p = plan(cal, start, due);
    expect(p.totalMs).toBe(24 * HOUR);
    expect(p.budgets).toEqual({ intake: 2.4 * HOUR, processing: 14.4 * HOUR, approval: 4.8 * HOUR, return: 2.4 * HOUR });
    expect(Object.values(DEFAULT_SPLIT).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('judges each step from when the dossier entered it; early means a day before the step deadline', () => {
    const events = [
      { at: start, action: 'receive' },
      { at: at('2026-11-23T10:00:00'), action: 'assign' }, // intake 1 h of 2.4 h, same day → on time
      { at: at('2026-11-23T11:00:00'), action: 'start_review' },
      { at: at('2026-11-24T10:00:00'), action: 'submit_for_approval' }, // processing 8 h of 14.4 h, step due Wed → early
      { at: at('2026-11-24T16:30:00'), action: 'approve' }, // approval 5.5 h of 4.8 h → late
      { at: at('2026-11-24T17:00:00'), action: 'finish' }, // return 0 h (17:00 is closing time), step due Wed → early
    ];
    const v = judgeSteps(cal, events, start, due);
    expect([...v.keys()]).toEqual([1, 3, 4, 5]);
    expect(v.get(1)).toMatchObject({ phase: 'intake', usedMs: HOUR, outcome: 'on_time' });
    expect(v.get(3)).toMatchObject({ phase: 'processing', usedMs: 8 * HOUR, outcome: 'early' });
    expect(v.get(4)).toMatchObject({ phase: 'approval', outcome: 'late' });
    expect(v.get(5)).toMatchObject({ phase: 'return', outcome: 'early' });
  });

  it('does not count a supplement wait against the step it happened in', () => {
    const events = [
      { at: start, action: 'receive' },
      { at: start, action: 'assign' },
      { at: at('2026-11-23T10:00:00'), action: 'request_supplement' },
      { at: at('2026-11-27T10:00:00'), action: 'receive_supplement' }, // four working days waiting for the citizen
      { at: at('2026-11-27T15:00:00'), action: 'submit_for_approval' },
    ];
    const v = judgeSteps(cal, events, start, due).get(4)!;
    expect(v.usedMs).toBe(1 * HOUR + 4 * HOUR); // 09–10 before the request; 10–12 and 13–15 after the receipt
    expect(v.outcome).toBe('early'); // its deadline moved by the wait, to the next week
  });

  it('has no verdicts before the clock runs (a dossier not yet accepted)', () => {
    expect(judgeSteps(cal, [{ at: start, action: 'request_supplement' }], null, null).size).toBe(0);
  });
});

describe('how forms write things', () => {
  it('writes money and working durations the Vietnamese way', () => {
    expect(vnMoney(1_250_000)).toBe('1.250.000 đồng');
    expect(vnMoney(0)).toBe('0 đồng');
    expect(vnWorkingDuration(0)).toBe('0 phút');
    expect(vnWorkingDuration(42 * 60_000)).toBe('42 phút');
    expect(vnWorkingDuration(9.5 * HOUR)).toBe('1 ngày 1 giờ 30 phút');
  });

  it('keeps the signature dictionary ASCII without losing the letters', () => {
    expect(ascii('Tôn Nữ Thanh Hương — Đắk Lắk')).toBe('Ton Nu Thanh Huong ? Dak Lak');
  });

  it('embeds fonts with a glyph for every Vietnamese letter, in every face', () => {
    const base = 'aăâeêioôơuưy';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...base].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));
    const all = [...letters, ...letters.map((l) => l.toLocaleUpperCase('vi-VN')), 'đ', 'Đ', '—', '…'];
    expect(all.every((l) => l.length === 1)).toBe(true); // precomposed: drawn without shaping
    for (const family of ['serif', 'sans'] as const) {
      for (const [face, bytes] of Object.entries(fontFace(family))) {
        const font = fontkit.create(Buffer.from(bytes)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
        const missing = all.filter((l) => !font.hasGlyphForCodePoint(l.codePointAt(0)!));
        expect(missing, `${family} ${face}`).toEqual([]);
      }
    }
  });
});
