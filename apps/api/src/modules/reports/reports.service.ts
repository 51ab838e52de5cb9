import type { DrillResponse, IndicatorId } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import type { Period } from './counts.repo.ts';
import { drill, drillSets } from './drill.repo.ts';
import { localDay } from './facts.ts';
import { pointsAtStake } from './score.ts';
import { unitScore } from './score.service.ts';
import { resolveUnit, unitOfCenter, visibleUnitOr404, type ReportUnit } from './units.repo.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

/** Dates inclusive and local; by default the month so far. */
export function periodOf(deps: Pick<AppContext, 'clock'>, q: { from?: string | undefined; to?: string | undefined }): Period {
  const today = localDay(deps.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw new DomainError('validation', 'reports.bad_period', 'The period ends before it starts.', { errors: [{ path: 'from', message: 'after to' }] });
  return { from, to };
}

/** The unit asked for, or the actor's own (their center's unit, or their province). */
export async function unitFor(deps: Deps, actor: Actor, unitCode: string | undefined): Promise<ReportUnit> {
  if (unitCode) return visibleUnitOr404(actor, await resolveUnit(deps.db, unitCode));
  if (actor.role === 'province_admin') return visibleUnitOr404(actor, await resolveUnit(deps.db, actor.provinceCode));
  if (!actor.centerId) throw forbidden('reports.no_unit', 'Reports are for center staff and province admins.');
  const own = await unitOfCenter(deps.db, actor.centerId);
  return visibleUnitOr404(actor, own ? await resolveUnit(deps.db, own.unitCode) : null);
}

export async function drillDown(
  deps: Deps,
  unit: ReportUnit,
  period: Period,
  q: { indicator: IndicatorId; set: 'denominator' | 'numerator' | 'missing'; limit: number; offset: number },
): Promise<DrillResponse> {
  if (!drillSets[q.indicator]) {
    throw new DomainError('validation', 'reports.not_a_dossier_indicator', `Indicator ${q.indicator} counts procedures or publications, not dossiers.`, {
      errors: [{ path: 'indicator', message: 'no dossier list behind it' }],
    });
  }
  const s = await unitScore(deps, unit, period);
  const ind = s.score.groups.flatMap((g) => g.indicators).find((i) => i.id === q.indicator)!;
  const { total, rows } = await drill(deps.db, { scope: { provinceCode: unit.provinceCode, unitCodes: unit.kind === 'province' ? null : [unit.unitCode] }, period, ...q });
  return { indicator: q.indicator, set: q.set, total, pointsAtStake: pointsAtStake(ind.numerator, ind.denominator, s.config.indicators[q.indicator]!), rows };
}
