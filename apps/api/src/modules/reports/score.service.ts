import { eq } from 'drizzle-orm';
import type { ActivityFigures, Leaderboard, ScoreConfig, ScoreResponse, Trend } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { offeringsByCenter, procedureCounts, procedureFacts, publications, transparencyCounts, type ProcedureFacts } from './catalog-facts.ts';
import { withDefaults } from './config.ts';
import { dailySums, dailySumsByUnit, procedureUse, procedureUseByUnit, type DailySums, type Period, type ProcedureUse } from './counts.repo.ts';
import { reportConfig } from './reports.tables.ts';
import { score, type ScoreCounts } from './score.ts';
import { unitsOfProvince, type ReportUnit } from './units.repo.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

export async function loadScoreConfig(db: Db, provinceCode: string): Promise<ScoreConfig> {
  const row = (await db.select().from(reportConfig).where(eq(reportConfig.provinceCode, provinceCode)))[0];
  return withDefaults(row?.config);
}

const catalogCache = new WeakMap<Db, { at: number; facts: ProcedureFacts[] }>();
/** The catalog changes rarely; a minute-old reading is good enough for a score. */
async function cachedProcedureFacts(deps: Deps): Promise<ProcedureFacts[]> {
  const now = deps.clock.now().getTime();
  const hit = catalogCache.get(deps.db);
  if (hit && now - hit.at < 60_000 && now >= hit.at) return hit.facts;
  const facts = await procedureFacts(deps.db);
  catalogCache.set(deps.db, { at: now, facts });
  return facts;
}

/** What a unit offers: its center's offerings, or (no center, or none chosen) every commune procedure. */
function offeredBy(all: ProcedureFacts[], offerings: Set<string> | undefined): ProcedureFacts[] {
  return offerings && offerings.size > 0 ? all.filter((p) => offerings.has(p.code)) : all.filter((p) => p.commune);
}

function countsOf(s: DailySums, procedures: ReturnType<typeof procedureCounts>, transparency: Awaited<ReturnType<typeof transparencyCounts>>): ScoreCounts {
  return {
    ...transparency,
    ...procedures,
    received: s.received,
    synced: s.synced,
    online: s.online,
    withFee: s.withFee,
    paidOnline: s.paidOnline,
    returnsDocument: s.returnsDocument,
    eResult: s.eResult,
    digitizedEResult: s.digitizedEResult,
    reused: s.reused,
    citizenStore: s.citizenStore,
    population: s.population,
    certification: s.certification,
    eCertifiedCopy: s.eCertifiedCopy,
    handled: s.handled,
    handledOnTime: s.handledOnTime,
    openAtEnd: s.openAtEnd,
    openLateAtEnd: s.openLateAtEnd,
    handledBad: s.handledBad,
    petitions: s.petitions,
    petitionsOnTime: s.petitionsOnTime,
    petitionsBad: s.petitionsBad,
  };
}

export function activityOf(s: DailySums): ActivityFigures {
  return {
    received: s.received,
    handled: s.handled,
    returned: s.returned,
    inProgress: s.openAtEnd,
    early: s.early,
    onTime: s.onTime,
    late: s.late,
    avgProcessingDays: s.processingCounted > 0 ? Math.round((s.processingDays / s.processingCounted) * 100) / 100 : null,
    online: s.online,
    paidOnline: s.paidOnline,
    eResult: s.eResult,
    digitized: s.digitized,
    reused: s.reused,
    rated: s.rated,
    dissatisfied: s.dissatisfied,
    petitions: s.petitions,
    petitionsOnTime: s.petitionsOnTime,
    noAppointmentSameDay: s.noAppointmentSameDay,
    outreach: s.outreach,
    outreachOnSpot: s.outreachOnSpot,
  };
}

export type UnitScore = { score: ScoreResponse; counts: ScoreCounts; sums: DailySums; config: ScoreConfig };

/** The 766 index of one unit (or the whole province) over a period, from the rollups. */
export async function unitScore(deps: Deps, unit: ReportUnit, period: Period): Promise<UnitScore> {
  const [config, sums, used, all, pubs] = await Promise.all([
    loadScoreConfig(deps.db, unit.provinceCode),
    dailySums(deps.db, { provinceCode: unit.provinceCode, unitCodes: unit.kind === 'province' ? null : [unit.unitCode] }, period),
    procedureUse(deps.db, unit.unitCode, period),
    cachedProcedureFacts(deps),
    publications(deps.db, period.from, period.to),
  ]);
  let offered: ProcedureFacts[];
  if (unit.kind === 'province') {
    const byCenter = await offeringsByCenter(deps.db, unit.provinceCode);
    const codes = new Set([...byCenter.values()].flatMap((s) => [...s]));
    offered = all.filter((p) => p.commune || codes.has(p.code));
  } else {
    offered = offeredBy(all, unit.centerId ? (await offeringsByCenter(deps.db, unit.provinceCode)).get(unit.centerId) : undefined);
  }
  const counts = countsOf(sums, procedureCounts(offered, used), await transparencyCounts(deps, pubs));
  return { score: score(counts, config), counts, sums, config };
}

/** Every unit of the province with dossiers in the period, best first. */
export async function leaderboard(deps: Deps, provinceCode: string, period: Period): Promise<Leaderboard> {
  const [config, byUnit, useByUnit, all, pubs, units, byCenter] = await Promise.all([
    loadScoreConfig(deps.db, provinceCode),
    dailySumsByUnit(deps.db, provinceCode, period),
    procedureUseByUnit(deps.db, provinceCode, period),
    cachedProcedureFacts(deps),
    publications(deps.db, period.from, period.to),
    unitsOfProvince(deps.db, provinceCode),
    offeringsByCenter(deps.db, provinceCode),
  ]);
  const transparency = await transparencyCounts(deps, pubs);
  const rows = units
    .map((u) => ({ u, s: byUnit.get(u.unitCode) }))
    .filter((x): x is { u: (typeof units)[number]; s: DailySums } => x.s !== undefined && x.s.received + x.s.openAtEnd + x.s.handled > 0)
    .map(({ u, s }) => {
      const used: ProcedureUse[] = useByUnit.get(u.unitCode) ?? [];
      const sc = score(countsOf(s, procedureCounts(offeredBy(all, u.centerId ? byCenter.get(u.centerId) : undefined), used), transparency), config);
      const progressDen = s.handled + s.openAtEnd;
      return {
        rank: 0,
        unitCode: u.unitCode,
        unitName: u.name,
        total: sc.total,
        band: sc.band,
        stars: sc.stars,
        groups: Object.fromEntries(sc.groups.map((g) => [g.id, g.points])) as Record<(typeof sc.groups)[number]['id'], number>,
        received: s.received,
        onTimeRate: s.handled > 0 ? Math.round((s.handledOnTime / s.handled) * 10_000) / 10_000 : null,
        onlineRate: s.received > 0 ? Math.round((s.online / s.received) * 10_000) / 10_000 : progressDen > 0 ? 0 : null,
      };
    })
    .sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'vi'));
  rows.forEach((r, i) => {
    r.rank = i > 0 && rows[i - 1]!.total === r.total ? rows[i - 1]!.rank : i + 1;
  });
  return { provinceCode, from: period.from, to: period.to, rows };
}

/** Calendar months ending with the one that holds `to`, each scored on its own. */
export function monthsBack(to: string, count: number): Period[] {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(y, m - 1 - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const lastIso = last.toISOString().slice(0, 10);
    out.push({ from: first.toISOString().slice(0, 10), to: lastIso < to ? lastIso : to });
  }
  return out;
}

export async function trend(deps: Deps, unit: ReportUnit, to: string, months: number): Promise<Trend> {
  const points = [];
  for (const p of monthsBack(to, months)) {
    const s = await unitScore(deps, unit, p);
    points.push({ month: p.from.slice(0, 7), total: s.score.total, groups: Object.fromEntries(s.score.groups.map((g) => [g.id, g.points])), received: s.sums.received });
  }
  return { unitCode: unit.unitCode, points } as Trend;
}
