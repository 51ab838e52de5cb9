import { describe, expect, it } from 'vitest';
import type { IndicatorId, ScoreResponse } from '@motcua/contracts';
import { defaultScoreConfig as cfg } from '../../src/modules/reports/config.ts';
import { toFact, type DossierSnapshot } from '../../src/modules/reports/facts.ts';
import { emptyCounts, pointsAtStake, score, type ScoreCounts } from '../../src/modules/reports/score.ts';

const points = (s: ScoreResponse, id: IndicatorId) => s.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!.points;
const group = (s: ScoreResponse, id: string) => s.groups.find((g) => g.id === id)!.points;
const withCounts = (c: Partial<ScoreCounts>) => score({ ...emptyCounts(), ...c }, cfg);

describe('the 766 configuration', () => {
  it('has the portal maxima: groups 18/20/12/10/22/18, 100 in all', () => {
    const s = withCounts({});
    expect(Object.fromEntries(s.groups.map((g) => [g.id, g.max]))).toEqual({ transparency: 18, progress: 20, online: 12, payment: 10, digitisation: 22, satisfaction: 18 });
    expect(s.groups.reduce((t, g) => t + g.max, 0)).toBe(100);
  });

  it('published 2025 province scores (dichvucong.gov.vn, Oct 2025) fit within these maxima and add up to their totals', () => {
    // Bắc Ninh, Đồng Nai, Thái Nguyên (year): transparency, progress, online, payment, satisfaction, digitisation, total.
    const published = [
      [15.64, 19.05, 8.36, 10, 17.86, 20.79, 91.7],
      [16.09, 18.79, 8.33, 10, 17.39, 19.93, 90.53],
      [15.3, 19.1, 8.31, 10, 17.86, 19.73, 90.3],
    ];
    const maxima = [18, 20, 12, 10, 18, 22];
    for (const row of published) {
      row.slice(0, 6).forEach((v, i) => expect(v).toBeLessThanOrEqual(maxima[i]!));
      expect(row.slice(0, 6).reduce((a, b) => a + b, 0)).toBeCloseTo(row[6]!, 2);
    }
  });
});

describe('with 0 dossiers', () => {
  const s = withCounts({});
  it('dossier ratios earn nothing, 5.4 earns 0, and "none" rules give full points where the portal does', () => {
    for (const id of ['1.4', '2.1', '3.3', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5b', '5.4'] as IndicatorId[]) expect(points(s, id), id).toBe(0);
    expect(points(s, '5.2')).toBe(6);
    expect(points(s, '5.3')).toBe(6);
    expect(points(s, '4.6')).toBe(2);
    expect(points(s, '1.1')).toBe(6);
    expect(group(s, 'progress')).toBe(0);
  });
  it('totals what it shows and bands it weak with one star', () => {
    expect(s.total).toBe(s.groups.reduce((t, g) => t + g.points, 0));
    expect(s.band).toBe('weak');
    expect(s.stars).toBe(1);
  });
});

describe('all late', () => {
  it('10 handled late and 5 open past due: progress 0 and 5.4 0', () => {
    const s = withCounts({ received: 15, handled: 10, handledOnTime: 0, handledBad: 10, openAtEnd: 5, openLateAtEnd: 5 });
    expect(points(s, '2.1')).toBe(0);
    expect(points(s, '5.4')).toBe(0);
  });
  it('open dossiers still within time count as on time', () => {
    const s = withCounts({ received: 10, handled: 5, handledOnTime: 5, openAtEnd: 5, openLateAtEnd: 1 });
    expect(s.groups.find((g) => g.id === 'progress')!.indicators[0]).toEqual({ id: '2.1', numerator: 9, denominator: 10, points: 18, max: 20 });
  });
  it('pointsAtStake says what the late ones cost', () => {
    expect(pointsAtStake(9, 10, cfg.indicators['2.1']!)).toBe(2);
  });
});

describe('thresholds', () => {
  it('exactly 80% earns the full capped points (3.1, 3.5a, 3.5b, 4.2, 4.3); just under earns less', () => {
    const at = withCounts({ offered: 100, offeredOnline: 80, feeProcedures: 10, feeProceduresPayableOnline: 8, feeProceduresPaidOnline: 8, received: 100, digitizedEResult: 80, reused: 80 });
    for (const id of ['3.1', '3.5a', '3.5b', '4.3'] as IndicatorId[]) expect(points(at, id), id).toBe(2);
    expect(points(at, '4.2')).toBe(4);
    const under = withCounts({ offered: 100, offeredOnline: 79, received: 100, digitizedEResult: 79 });
    expect(points(under, '3.1')).toBe(1.98); // 2 × 0.79 / 0.8 = 1.975
    expect(points(under, '4.2')).toBe(3.95);
    const over = withCounts({ offered: 100, offeredOnline: 100 });
    expect(points(over, '3.1')).toBe(2);
  });

  it('exactly 50% online dossiers earn the full 6 of 3.3; 25% earns 3', () => {
    expect(points(withCounts({ received: 200, online: 100 }), '3.3')).toBe(6);
    expect(points(withCounts({ received: 200, online: 50 }), '3.3')).toBe(3);
    expect(points(withCounts({ received: 200, online: 200 }), '3.3')).toBe(6);
  });

  it('exactly 90% satisfaction earns the full 6 of 5.4; 45% earns 3', () => {
    expect(points(withCounts({ handled: 100, handledOnTime: 100, handledBad: 10 }), '5.4')).toBe(6);
    expect(points(withCounts({ handled: 100, handledOnTime: 100, handledBad: 55 }), '5.4')).toBe(3);
  });

  it('the online group: min(2, 2A/0.8) + 4B + min(6, 6C/0.5)', () => {
    const s = withCounts({ offered: 10, offeredOnline: 4, onlineServicesUsed: 2, received: 10, online: 3 });
    // A = 0.4 → 1; B = 2/4 → 2; C = 0.3 → 3.6
    expect(group(s, 'online')).toBe(6.6);
  });

  it('the payment group: 6 × paid/fee + min(2, 2D/0.8) + min(2, 2E/0.8)', () => {
    const s = withCounts({ withFee: 20, paidOnline: 5, feeProcedures: 10, feeProceduresPayableOnline: 4, feeProceduresPaidOnline: 2 });
    expect(group(s, 'payment')).toBe(1.5 + 1 + 0.5);
  });

  it('satisfaction with petitions: on time and (petitions − bad) / petitions', () => {
    const s = withCounts({ petitions: 4, petitionsOnTime: 3, petitionsBad: 2 });
    expect(points(s, '5.2')).toBe(4.5);
    expect(points(s, '5.3')).toBe(3);
  });

  it('bands: 90 is excellent, 89.99 good, 50 average, 49.99 weak; stars from the configured thresholds', async () => {
    const { bandOf, starsOf } = await import('../../src/modules/reports/score.ts');
    expect([90, 89.99, 70, 50, 49.99].map((t) => bandOf(t, cfg))).toEqual(['excellent', 'good', 'good', 'average', 'weak']);
    expect([100, 90, 89.99, 80, 65, 50, 49.99, 0].map((t) => starsOf(t, cfg))).toEqual([5, 5, 4, 4, 3, 2, 1, 1]);
  });

  it('a perfect unit scores 100, excellent, 5 stars', () => {
    const s = withCounts({
      published: 2, publishedOnTime: 2, updated: 1, updatedOnTime: 1, offered: 10, offeredComplete: 10, received: 10, synced: 10, online: 10, withFee: 2, paidOnline: 2,
      returnsDocument: 10, eResult: 10, digitizedEResult: 10, reused: 10, citizenStore: 10, population: 10, handled: 10, handledOnTime: 10,
      offeredOnline: 10, onlineServicesUsed: 10, feeProcedures: 2, feeProceduresPayableOnline: 2, feeProceduresPaidOnline: 2, citizenProcedures: 5, populationProcedures: 5,
    });
    expect(s).toMatchObject({ total: 100, band: 'excellent', stars: 5 });
  });
});

describe('a dossier as a fact', () => {
  const base: DossierSnapshot = {
    code: 'H46.01-260105-0001', dossierId: null, source: 'import', provinceCode: '46', unitCode: '19753', centerId: null, officerId: null,
    procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', sector: 'Hộ tịch', channel: 2, status: 'finished',
    receivedAt: new Date('2026-01-05T02:00:00Z'), dueAt: new Date('2026-01-08T10:00:00Z'), finishedAt: new Date('2026-01-07T03:00:00Z'), returnedAt: null,
    closedAt: null, pausedAt: null, supplementCount: 0, outcome: null, processingDays: 2, feeTotal: 0, paidOnline: false, returnsDocument: true,
    hasEResult: true, digitized: true, reusedComponent: false, citizenStore: false, populationData: false, certification: false, eCertifiedCopy: false,
    syncedToPortal: true, rating: null, hasPetition: false, noAppointment: false,
  };
  const now = new Date('2026-11-23T02:00:00Z');

  it('finished before its due day is early and on time, on local days', () => {
    const f = toFact(base, now);
    expect(f).toMatchObject({ outcome: 'early', onTime: true, lateFrom: null, receivedDay: '2026-01-05', handledDay: '2026-01-07', endDay: '2026-01-07', inStock: true });
  });
  it('two supplement requests make it late although finished in time', () => {
    const f = toFact({ ...base, supplementCount: 2 }, now);
    expect(f.onTime).toBe(false);
    expect(f.lateDay).toBe('2026-01-07');
  });
  it('finished after the due date is late from the due date', () => {
    const f = toFact({ ...base, finishedAt: new Date('2026-01-09T03:00:00Z') }, now);
    expect(f).toMatchObject({ outcome: 'late', onTime: false, lateDay: '2026-01-08' });
  });
  it('an open dossier is late from its due date; one waiting for a supplement is judged at the request', () => {
    expect(toFact({ ...base, status: 'processing', finishedAt: null }, now)).toMatchObject({ endDay: null, lateDay: '2026-01-08', onTime: null });
    expect(toFact({ ...base, status: 'supplement_requested', finishedAt: null, pausedAt: new Date('2026-01-06T02:00:00Z') }, now).lateFrom).toBeNull();
  });
  it('a refused dossier never enters processing', () => {
    expect(toFact({ ...base, status: 'not_accepted', finishedAt: null, dueAt: null }, now)).toMatchObject({ inStock: false, lateFrom: null, handledDay: null });
  });
});
