import { eq } from 'drizzle-orm';
import type { ActionRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { conflict, DomainError, forbidden } from '../../platform/errors.ts';
import { computeDeadline, extendDeadline, loadCalendar, outcome, pauseClock, resumeClock } from '../calendar/index.ts';
import { findStaff, listStaff } from '../auth/index.ts';
import { canWork, visibleOr404 } from './dossier.access.ts';
import { settleBundle } from './dossier.bundle-flow.ts';
import { pickLeastLoaded } from './dossier.assign.ts';
import { recordEvent } from './dossier.events.ts';
import { procedures } from './dossier.ports.ts';
import { findDossier, openWorkload, updateIfVersion, type DossierPatch, type DossierRow } from './dossier.repo.ts';
import { checklistOf, extraPaperProblems } from './dossier.rules.ts';
import { decide, joinState, splitState, statusCodes, type State } from './dossier.states.ts';
import { apologyDrafts } from './dossier.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

const needsReason = new Set(['refuse', 'withdraw', 'stop', 'send_back', 'apologize']);
/** What staff may still do to the parent of an interconnected dossier; its parts carry the work. */
const parentActions = new Set(['withdraw', 'apologize', 'return_result']);

function stateConflict(d: DossierRow, code: string, message: string) {
  return conflict(code, message, { currentStatus: d.status, currentStatusCode: statusCodes[d.status], currentStep: d.step, version: d.version });
}

/**
 * Every action after intake, as one transaction guarded by compare-and-set on the dossier's
 * version: of two officers acting at once exactly one wins; the other gets a 409 with the state.
 */
export type ActOptions = {
  /**
   * Work that must commit or fail together with the action (e.g. signing the e-result on approval).
   * Runs in the action's transaction after the dossier row is updated; what it returns is added to
   * the event's data.
   */
  inTransaction?: (tx: Db, updated: DossierRow) => Promise<Record<string, unknown>>;
  /**
   * The caller (the citizen portal) has checked that the signed-in citizen filed this dossier, or
   * that the helper acting (an officer of any center, or a volunteer) holds that citizen's recorded
   * consent: they may take the actions the status table gives their role, wherever they work.
   */
  owner?: boolean;
};

export async function act(deps: Deps, actor: Actor, dossierId: string, req: ActionRequest, opts: ActOptions = {}): Promise<DossierRow> {
  const now = deps.clock.now();
  const asOwner = opts.owner === true;
  const found = await findDossier(deps.db, dossierId);
  const d = asOwner && found ? found : visibleOr404(actor, found);
  if (!asOwner && !canWork(actor, d)) throw forbidden('dossier.read_only', 'You can read this dossier but not act on it.');
  if (req.expectedVersion !== undefined && req.expectedVersion !== d.version) {
    throw stateConflict(d, 'dossier.stale', 'Someone else changed this dossier first; reload it.');
  }
  if (d.bundleRole === 'parent' && !parentActions.has(req.action)) {
    throw stateConflict(d, 'dossier.bundle_parent', 'This is an interconnected dossier: act on its parts.');
  }
  const from = joinState(d.status, d.step);
  const decision = decide(from, req.action, actor.role, d.resumeState as State | null);
  if (!decision.ok) {
    if (decision.reason === 'role_not_allowed') throw forbidden('dossier.role_not_allowed', `Your role cannot ${req.action.replaceAll('_', ' ')}.`);
    throw stateConflict(d, 'dossier.illegal_action', `A dossier that is ${from} cannot be given "${req.action}".`);
  }
  if (needsReason.has(req.action) && !req.reason) {
    throw new DomainError('validation', 'dossier.reason_required', 'Give the reason in writing.', { errors: [{ path: 'reason', message: 'required for this action' }] });
  }

  const patch: DossierPatch = { ...splitState(decision.to), updatedAt: now };
  const data: Record<string, unknown> = {};
  const cal = () => loadCalendar(deps);

  switch (req.action) {
    case 'accept': {
      const due = computeDeadline(await cal(), { receivedAt: now, limit: d.timeLimit });
      Object.assign(patch, { clockStartsAt: due.clockStartsAt, dueAt: due.dueAt, originalDueAt: due.dueAt });
      data.form = '01';
      data.dueAt = due.dueAt.toISOString();
      break;
    }
    case 'request_supplement': {
      if (d.supplementCount >= 1 && actor.role !== 'director') {
        throw new DomainError('business_rule', 'dossier.second_supplement_needs_director', 'A second supplement request needs the center director.');
      }
      const version = await procedures.version(deps.db, d.procedureVersionId);
      const items = version ? checklistOf(version, (['counter', 'online', 'postal'] as const)[d.channel - 1]) : [];
      const requested = req.supplementItems ?? [];
      if (requested.length === 0) throw new DomainError('validation', 'dossier.supplement_items_required', 'List every missing or invalid item at once.', { errors: [{ path: 'supplementItems', message: 'at least one item' }] });
      const guard = extraPaperProblems(items, requested);
      if (guard.problems.length > 0) throw new DomainError('validation', 'dossier.extra_paper', 'Only documents of the official list may be requested.', { errors: guard.problems });
      patch.resumeState = from === 'new' ? 'new' : 'processing:in_review';
      patch.supplementCount = d.supplementCount + 1;
      if (d.dueAt && !d.pausedAt) {
        const p = pauseClock(await cal(), { dueAt: d.dueAt, pausedAt: now });
        if (!p.overdue) Object.assign(patch, { pausedAt: now, remainingSeconds: Math.round(p.remainingMs / 1000) });
        data.remainingSeconds = Math.round(p.remainingMs / 1000);
      }
      Object.assign(data, { form: '02', requested, extraPaper: guard.extras, secondRequest: d.supplementCount >= 1 });
      break;
    }
    case 'receive_supplement': {
      patch.resumeState = null;
      if (d.pausedAt && d.remainingSeconds !== null) {
        const r = resumeClock(await cal(), { resumedAt: now, remainingMs: d.remainingSeconds * 1000 });
        Object.assign(patch, { dueAt: r.dueAt, pausedAt: null, remainingSeconds: null });
        Object.assign(data, { pausedFrom: d.pausedAt.toISOString(), clockResumesAt: r.clockResumesAt.toISOString(), dueAt: r.dueAt.toISOString() });
      }
      break;
    }
    case 'assign':
    case 'reassign': {
      let assigneeId = req.assigneeId ?? null;
      if (!assigneeId) {
        const staff = await listStaff(deps.db, d.competentCenterId, 'specialist');
        assigneeId = pickLeastLoaded(staff, await openWorkload(deps.db, staff.map((s) => s.id)));
      }
      const who = assigneeId ? await findStaff(deps.db, assigneeId) : null;
      if (!who || !who.active || who.centerId !== d.competentCenterId || !['specialist', 'leader'].includes(who.role)) {
        throw new DomainError('validation', 'dossier.invalid_assignee', 'Assign to a specialist or leader of the competent center.', { errors: [{ path: 'assigneeId', message: 'not a specialist of the competent center' }] });
      }
      patch.assigneeId = who.id;
      Object.assign(data, { assigneeId: who.id, previousAssigneeId: d.assigneeId });
      break;
    }
    case 'finish':
    case 'record_payment': {
      Object.assign(patch, { finishedAt: now, outcome: d.dueAt ? outcome(now, d.dueAt, { extendedByApology: d.apologyCount > 0 }) : null });
      if (req.action === 'record_payment') {
        patch.feePaid = true;
        data.amountPaid = req.amountPaid ?? d.feeTotal;
      }
      break;
    }
    case 'request_payment':
      if (req.amountPaid !== undefined) patch.feeTotal = req.amountPaid;
      break;
    case 'return_result': {
      const method = req.returnMethod ?? 'counter';
      if (method === 'post' && !req.postalTrackingCode) {
        throw new DomainError('validation', 'dossier.postal_code_required', 'Give the postal tracking code of the parcel.', { errors: [{ path: 'postalTrackingCode', message: 'required when the result goes by post' }] });
      }
      patch.returnedAt = now;
      Object.assign(data, { returnMethod: method, receivedBy: req.receivedBy ?? d.applicant.fullName, ...(method === 'post' ? { postalTrackingCode: req.postalTrackingCode } : {}) });
      break;
    }
    case 'apologize': {
      if (d.apologyCount > 0) throw new DomainError('business_rule', 'dossier.apology_once', 'An apology letter sets the new date once only.');
      if (!req.newDueAt || !d.dueAt) throw new DomainError('validation', 'dossier.new_due_required', 'Choose the new appointment date.', { errors: [{ path: 'newDueAt', message: 'required' }] });
      const newDue = extendDeadline(await cal(), { currentDueAt: d.dueAt, newDueAt: new Date(req.newDueAt) });
      Object.assign(patch, { dueAt: newDue, apologyCount: 1 });
      Object.assign(data, { form: '04', previousDueAt: d.dueAt.toISOString(), newDueAt: newDue.toISOString() });
      break;
    }
    case 'withdraw':
    case 'stop':
      data.form = '05';
      break;
    case 'refuse':
      data.form = '03';
      break;
    default:
      break;
  }

  return deps.db.transaction(async (tx) => {
    const updated = await updateIfVersion(tx, d.id, d.version, patch);
    if (!updated) {
      const now2 = (await findDossier(tx, d.id)) ?? d;
      throw stateConflict(now2, 'dossier.stale', 'Someone else changed this dossier first; reload it.');
    }
    if (opts.inTransaction) Object.assign(data, await opts.inTransaction(tx, updated));
    await recordEvent(tx, deps.ids, { dossierId: d.id, at: now, actor, action: req.action, fromState: from, toState: decision.to, reason: req.reason ?? null, data });
    if (updated.parentId) await settleBundle(tx, deps, updated.parentId, now);
    if (req.action === 'apologize') await tx.update(apologyDrafts).set({ status: 'signed' }).where(eq(apologyDrafts.dossierId, d.id));
    return updated;
  });
}
