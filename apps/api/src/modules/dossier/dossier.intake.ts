import type { IntakeRequest, ProcedureVersion, TimeLimit } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { computeDeadline, loadCalendar } from '../calendar/index.ts';
import { findCenter, readNoAppointmentPolicy } from '../units/index.ts';
import { autoAssign } from './dossier.assign.ts';
import { provisionalCode, takeDossierCode } from './dossier.code.ts';
import { recordEvent } from './dossier.events.ts';
import { procedures } from './dossier.ports.ts';
import { bundles } from './dossier.bundles.ts';
import { spawnChildren } from './dossier.bundle-flow.ts';
import { insertDossier, updateIfVersion, type DossierRow } from './dossier.repo.ts';
import { checklistOf, citizenIdProblems, extraPaperProblems, isoWeekdayInVietnam, missingRequired } from './dossier.rules.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

/** The limit that applies to a channel, as the version states it. */
export function channelLimit(version: ProcedureVersion, channel: 'counter' | 'online' | 'postal'): TimeLimit | null {
  const own = version.channels.find((c) => c.channel === channel)?.timeLimit;
  return own ?? version.channels.find((c) => c.timeLimit)?.timeLimit ?? null;
}

/**
 * A receipt recorded elsewhere and entered later (mobile outreach, channel 4): the dossier is
 * received as of `receivedAt` (code, procedure version in force and the legal clock all count
 * from then), and `onReceived` runs in the intake's transaction with the new row.
 */
export type IntakeOptions = {
  receivedAt?: Date;
  channel?: 1 | 4;
  onReceived?: (tx: Db, row: DossierRow) => Promise<DossierRow>;
};

/**
 * Counter intake (channel 1): one transaction creates the dossier with its code and, when the
 * dossier is complete, the legal deadline; a complete dossier is assigned at once.
 */
export async function intakeAtCounter(deps: Deps, actor: Actor, input: IntakeRequest, opts: IntakeOptions = {}): Promise<DossierRow> {
  if (!actor.centerId || !['counter_officer', 'leader', 'director'].includes(actor.role)) {
    throw forbidden('dossier.intake_not_allowed', 'Only counter staff of a center receive dossiers.');
  }
  const now = opts.receivedAt ?? deps.clock.now();
  const recordedAt = deps.clock.now();
  const center = await findCenter(deps.db, actor.centerId);
  if (!center) throw notFound('units.center_not_found', 'Your center is not in the database.');
  const version = await procedures.inForce(deps.db, input.procedureCode, now);
  if (!version) throw notFound('catalog.procedure_not_found', 'No procedure with this code is in force.');
  if (!version.boundaryFree && !(await procedures.offered(deps.db, center.id, version.code))) {
    throw new DomainError('business_rule', 'dossier.procedure_not_offered', 'This center does not receive this procedure.');
  }
  const competent = await competentCenter(deps, center, input.competentCenterId, version.boundaryFree);

  const errors = citizenIdProblems(input.applicant.idNumber, input.applicant.dateOfBirth, input.applicant.sex);
  const items = checklistOf(version, 'counter');
  const unknown = input.checklist.filter((a) => !items.some((i) => i.id === a.itemId));
  unknown.forEach((a) => errors.push({ path: `checklist`, message: `item ${a.itemId} is not in this procedure’s document list` }));
  const missing = missingRequired(items, input.checklist);
  if (input.decision === 'accept' && missing.length > 0) {
    missing.forEach((m) => errors.push({ path: `checklist.${m.id}`, message: `required document missing: ${m.name}` }));
  }
  let extras: { name: string; legalReason: string }[] = [];
  if (input.decision === 'supplement') {
    const requested = input.supplementItems ?? missing.map((m) => ({ itemId: m.id }));
    if (requested.length === 0) errors.push({ path: 'supplementItems', message: 'list what the applicant must add' });
    const guard = extraPaperProblems(items, requested);
    errors.push(...guard.problems);
    extras = guard.extras;
  }
  if (input.decision === 'refuse' && !input.reason) errors.push({ path: 'reason', message: 'a refusal needs written reasons (Form 03)' });
  if (errors.length > 0) throw new DomainError('validation', 'dossier.invalid_intake', 'The intake cannot be completed as entered.', { errors });

  const limit = channelLimit(version, 'counter');
  if (input.decision === 'accept' && !limit) {
    throw new DomainError('business_rule', 'dossier.no_time_limit', 'The procedure has no usable time limit; the catalog must be corrected first.');
  }
  const deadline = input.decision === 'accept' && limit ? computeDeadline(await loadCalendar(deps), { receivedAt: now, limit }) : null;
  const policy = await readNoAppointmentPolicy(deps.db, center.id);
  const noAppointment = input.decision === 'accept' && policy.weekdays.includes(isoWeekdayInVietnam(now)) && policy.procedureCodes.includes(version.code);
  const state = input.decision === 'accept' ? 'received' : input.decision === 'supplement' ? 'supplement_requested' : 'not_accepted';

  return deps.db.transaction(async (tx) => {
    const id = deps.ids.next();
    const row = await insertDossier(tx, {
      id,
      code: provisionalCode(id),
      provinceCode: center.provinceCode,
      centerId: center.id,
      competentCenterId: competent,
      procedureCode: version.code,
      procedureVersionId: version.id,
      procedureName: version.name,
      channel: opts.channel ?? 1,
      status: state,
      step: null,
      resumeState: state === 'supplement_requested' ? 'new' : null,
      applicant: input.applicant,
      timeLimit: limit ?? { workingDays: 0 },
      receivedAt: now,
      clockStartsAt: deadline?.clockStartsAt ?? null,
      dueAt: deadline?.dueAt ?? null,
      originalDueAt: deadline?.dueAt ?? null,
      supplementCount: state === 'supplement_requested' ? 1 : 0,
      feeTotal: input.feesCollected ?? 0,
      feePaid: (input.feesCollected ?? 0) > 0,
      ticketId: input.ticketId ?? null,
      noAppointment,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    });
    await recordEvent(tx, deps.ids, {
      dossierId: id,
      at: now,
      actor,
      action: input.decision === 'accept' ? 'receive' : input.decision === 'supplement' ? 'request_supplement' : 'refuse',
      fromState: null,
      toState: state,
      reason: input.reason ?? null,
      data: {
        form: input.decision === 'accept' ? '01' : input.decision === 'supplement' ? '02' : '03',
        checklist: input.checklist,
        ...(input.decision === 'supplement' ? { requested: input.supplementItems ?? missing.map((m) => ({ itemId: m.id, name: m.name })), extraPaper: extras } : {}),
        ...(deadline ? { dueAt: deadline.dueAt.toISOString(), limit } : {}),
        ...(input.ticketId ? { ticketId: input.ticketId } : {}),
        ...(noAppointment ? { noAppointment: true } : {}),
      },
    });
    const interconnected = row.status === 'received' && !!bundles[version.code];
    const assigned = row.status === 'received' && !interconnected ? await autoAssign(tx, deps, row, now) : row;
    const coded = await takeDossierCode(tx, assigned, center.agencyCode, now);
    // The parts of an interconnected procedure are numbered after the parent's code, so they come after it.
    const placed = interconnected ? await coordinateParts(tx, deps, coded, now) : coded;
    return opts.onReceived ? opts.onReceived(tx, placed) : placed;
  });
}

/** The parent of an interconnected procedure only coordinates: its parts carry the work. */
async function coordinateParts(tx: Db, deps: Deps, row: DossierRow, now: Date): Promise<DossierRow> {
  const parent = await updateIfVersion(tx, row.id, row.version, { status: 'processing', step: 'in_review', bundleRole: 'parent', updatedAt: now });
  await spawnChildren(tx, deps, parent!, now);
  return parent!;
}

async function competentCenter(deps: Deps, receiving: { id: string; provinceCode: string }, requested: string | undefined, boundaryFree: boolean) {
  if (!requested || requested === receiving.id) return receiving.id;
  const other = await findCenter(deps.db, requested);
  if (!other || other.provinceCode !== receiving.provinceCode) {
    throw new DomainError('validation', 'dossier.invalid_competent_center', 'The competent center must be a center of this province.', {
      errors: [{ path: 'competentCenterId', message: 'not a center of this province' }],
    });
  }
  if (!boundaryFree) throw new DomainError('business_rule', 'dossier.not_boundary_free', 'Only boundary-free procedures can be received for another center.');
  return other.id;
}
