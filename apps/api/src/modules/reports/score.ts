import type { Band, GroupScore, IndicatorConfig, IndicatorId, IndicatorScore, ScoreConfig, ScoreGroupId, ScoreResponse } from '@motcua/contracts';

/**
 * The 766 index (Decision 766/QĐ-TTg) as pure functions over counts: no database, no clock.
 * Formulas as the national portal implements them (domain-rules.md §4.2, issue 9); weights, caps and
 * "no data" rules come from the province's configuration (`ScoreConfig`), never from constants here.
 */
export type ScoreCounts = {
  // Transparency: from the catalog's version dates and contents.
  published: number;
  publishedOnTime: number;
  updated: number;
  updatedOnTime: number;
  offered: number;
  offeredComplete: number;
  // Dossiers received in the period.
  received: number;
  synced: number;
  online: number;
  withFee: number;
  paidOnline: number;
  returnsDocument: number;
  eResult: number;
  digitizedEResult: number;
  reused: number;
  citizenStore: number;
  population: number;
  certification: number;
  eCertifiedCopy: number;
  // Progress: handled in the period, plus those still open at its end.
  handled: number;
  handledOnTime: number;
  openAtEnd: number;
  openLateAtEnd: number;
  /** Handled in the period and late, rated dissatisfied or petitioned (counted once each). */
  handledBad: number;
  // Procedures (distinct) offered by the unit and what happened to them in the period.
  offeredOnline: number;
  onlineServicesUsed: number;
  feeProcedures: number;
  feeProceduresPayableOnline: number;
  feeProceduresPaidOnline: number;
  citizenProcedures: number;
  populationProcedures: number;
  // Petitions (PAKN) received in the period.
  petitions: number;
  petitionsOnTime: number;
  /** Petitions dissatisfied, late or repeated (counted once each). */
  petitionsBad: number;
};

export const emptyCounts = (): ScoreCounts => ({
  published: 0, publishedOnTime: 0, updated: 0, updatedOnTime: 0, offered: 0, offeredComplete: 0,
  received: 0, synced: 0, online: 0, withFee: 0, paidOnline: 0, returnsDocument: 0, eResult: 0, digitizedEResult: 0, reused: 0,
  citizenStore: 0, population: 0, certification: 0, eCertifiedCopy: 0,
  handled: 0, handledOnTime: 0, openAtEnd: 0, openLateAtEnd: 0, handledBad: 0,
  offeredOnline: 0, onlineServicesUsed: 0, feeProcedures: 0, feeProceduresPayableOnline: 0, feeProceduresPaidOnline: 0, citizenProcedures: 0, populationProcedures: 0,
  petitions: 0, petitionsOnTime: 0, petitionsBad: 0,
});

/** Numerator and denominator of each indicator, read off the counts. */
export function ratios(c: ScoreCounts): Record<IndicatorId, [number, number]> {
  const progressDen = c.handled + c.openAtEnd;
  const progressNum = c.handledOnTime + (c.openAtEnd - c.openLateAtEnd);
  // 5.4: every dossier in the progress set that is late, rated dissatisfied or petitioned loses it.
  const bad = c.handledBad + c.openLateAtEnd;
  return {
    '1.1': [c.publishedOnTime, c.published],
    '1.2': [c.updatedOnTime, c.updated],
    '1.3': [c.offeredComplete, c.offered],
    '1.4': [c.synced, c.received],
    '2.1': [progressNum, progressDen],
    '3.1': [c.offeredOnline, c.offered],
    '3.2': [c.onlineServicesUsed, c.offeredOnline],
    '3.3': [c.online, c.received],
    '3.5a': [c.feeProceduresPayableOnline, c.feeProcedures],
    '3.5b': [c.feeProceduresPaidOnline, c.feeProcedures],
    '3.6': [c.paidOnline, c.withFee],
    '4.1': [c.eResult, c.returnsDocument],
    '4.2': [c.digitizedEResult, c.received],
    '4.3': [c.reused, c.received],
    '4.4': [c.citizenStore, c.received],
    '4.5a': [c.populationProcedures, c.citizenProcedures],
    '4.5b': [c.population, c.received],
    '4.6': [c.eCertifiedCopy, c.certification],
    '5.2': [c.petitionsOnTime, c.petitions],
    '5.3': [c.petitions - c.petitionsBad, c.petitions],
    '5.4': [progressDen - bad, progressDen],
  };
}

export const groupsOf: Record<ScoreGroupId, IndicatorId[]> = {
  transparency: ['1.1', '1.2', '1.3', '1.4'],
  progress: ['2.1'],
  online: ['3.1', '3.2', '3.3'],
  payment: ['3.5a', '3.5b', '3.6'],
  digitisation: ['4.1', '4.2', '4.3', '4.4', '4.5a', '4.5b', '4.6'],
  satisfaction: ['5.2', '5.3', '5.4'],
};

export const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;

/** One indicator: `max × rate / cap`, at most `max`; a zero denominator earns `whenEmpty`. */
export function indicatorPoints(numerator: number, denominator: number, cfg: IndicatorConfig): number {
  if (denominator <= 0) return cfg.whenEmpty === 'full' ? cfg.max : 0;
  const rate = Math.max(0, numerator) / denominator;
  return Math.min(cfg.max, (cfg.max * rate) / (cfg.cap ?? 1));
}

export function bandOf(total: number, cfg: ScoreConfig): Band {
  if (total >= cfg.bands.excellent) return 'excellent';
  if (total >= cfg.bands.good) return 'good';
  if (total >= cfg.bands.average) return 'average';
  return 'weak';
}

export function starsOf(total: number, cfg: ScoreConfig): number {
  return 1 + cfg.stars.filter((t) => total >= t).length;
}

/** The whole index: indicators rounded to 2 decimals, groups and total as sums of what is shown. */
export function score(c: ScoreCounts, cfg: ScoreConfig): ScoreResponse {
  const r = ratios(c);
  const groups: GroupScore[] = (Object.keys(groupsOf) as ScoreGroupId[]).map((id) => {
    const indicators: IndicatorScore[] = groupsOf[id].map((ind) => {
      const ic = cfg.indicators[ind];
      if (!ic) throw new Error(`indicator ${ind} missing from the score configuration`);
      const [numerator, denominator] = r[ind];
      return { id: ind, numerator, denominator, points: round2(indicatorPoints(numerator, denominator, ic)), max: ic.max };
    });
    return { id, points: round2(indicators.reduce((s, i) => s + i.points, 0)), max: round2(indicators.reduce((s, i) => s + i.max, 0)), indicators };
  });
  const total = round2(groups.reduce((s, g) => s + g.points, 0));
  return { total, band: bandOf(total, cfg), stars: starsOf(total, cfg), groups };
}

/**
 * What the unit would gain if every dossier behind the indicator's shortfall had gone right:
 * "the 12 late dossiers that cost 0.4 points".
 */
export function pointsAtStake(numerator: number, denominator: number, cfg: IndicatorConfig): number {
  return round2(indicatorPoints(denominator, denominator, cfg) - indicatorPoints(numerator, denominator, cfg));
}
