import type { DossierAction, DossierView } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import { toLocalIso, workingTimeBetween, type WorkingCalendar } from '../calendar/index.ts';
import { canWork } from './dossier.access.ts';
import type { DossierRow } from './dossier.repo.ts';
import { decide, joinState, statusCodes, transitions, type Action, type State } from './dossier.states.ts';

const channels = { 1: 'counter', 2: 'online', 3: 'postal', 4: 'outreach' } as const;
const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

export function allowedActions(d: DossierRow, actor: Actor): DossierAction[] {
  if (!canWork(actor, d)) return [];
  const state = joinState(d.status, d.step);
  return (Object.keys(transitions) as Action[]).filter((a) => decide(state, a, actor.role, d.resumeState as State | null).ok);
}

export function toView(d: DossierRow, actor: Actor): DossierView {
  return {
    id: d.id,
    code: d.code,
    centerId: d.centerId,
    competentCenterId: d.competentCenterId,
    procedureCode: d.procedureCode,
    procedureVersionId: d.procedureVersionId,
    procedureName: d.procedureName,
    channel: channels[d.channel as 1 | 2 | 3 | 4],
    status: d.status,
    statusCode: statusCodes[d.status],
    step: d.step,
    applicant: d.applicant,
    receivedAt: toLocalIso(d.receivedAt),
    clockStartsAt: iso(d.clockStartsAt),
    dueAt: iso(d.dueAt),
    originalDueAt: iso(d.originalDueAt),
    paused: d.pausedAt !== null,
    supplementCount: d.supplementCount,
    apologyCount: d.apologyCount,
    assigneeId: d.assigneeId,
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    outcome: d.outcome,
    feeTotal: d.feeTotal,
    feePaid: d.feePaid,
    ticketId: d.ticketId,
    bundleRole: d.bundleRole,
    parentId: d.parentId,
    externalAgency: d.externalAgency,
    noAppointment: d.noAppointment,
    version: d.version,
    allowedActions: allowedActions(d, actor),
  };
}

export type Badge = 'late' | 'due_today' | 'at_risk' | null;

/**
 * Inbox badge: late once past the deadline; due today when the deadline falls today (Vietnam
 * time); at risk when less than 20% of the allowed working time is left. Paused dossiers have none.
 */
export function badgeOf(cal: WorkingCalendar, d: Pick<DossierRow, 'clockStartsAt' | 'dueAt' | 'pausedAt'>, now: Date): Badge {
  if (!d.dueAt || !d.clockStartsAt || d.pausedAt) return null;
  if (now.getTime() > d.dueAt.getTime()) return 'late';
  if (toLocalIso(now).slice(0, 10) === toLocalIso(d.dueAt).slice(0, 10)) return 'due_today';
  const total = workingTimeBetween(cal, d.clockStartsAt, d.dueAt);
  const left = workingTimeBetween(cal, now, d.dueAt);
  return total > 0 && left < 0.2 * total ? 'at_risk' : null;
}
