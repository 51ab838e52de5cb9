import type { DossierAction, OutreachConflict, OutreachSubmission, OutreachSyncResult, ProcedureVersion } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { conflict, DomainError } from '../../platform/errors.ts';
import { findStaff } from '../auth/index.ts';
import { toLocalIso } from '../calendar/index.ts';
import { currentVersion, getVersion } from '../catalog/index.ts';
import { act, channelLimit, findDossier, intakeAtCounter, type DossierRow } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';
import { declareUploads, findSubmission, lockKey, saveSubmission, uploadsOf } from './outreach.repo.ts';
import { changeLine, deviceTimeProblems, isSameDay, onSpotTimes, versionChanges, type OnSpotTimes } from './outreach.rules.ts';
import type { SessionRow, SubmissionRow } from './outreach.tables.ts';
import { requireIntakeStaff, sessionOf } from './sessions.service.ts';
import { uploadView } from './uploads.service.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

/**
 * Syncs one dossier received offline. The device's key makes it idempotent: a repeated sync (a
 * retry after a dropped answer, a second tap) returns the dossier the first one created. A
 * procedure version that changed while the device was offline is kept as a conflict for the
 * officer, never dropped; syncing again with the version in force (after review) receives it.
 */
export async function syncDossier(deps: Deps, actor: Actor, sessionId: string, input: OutreachSubmission): Promise<{ result: OutreachSyncResult; created: boolean }> {
  requireIntakeStaff(actor);
  const session = await sessionOf(deps, actor, sessionId);
  const receivedAt = new Date(input.receivedAt);
  const check = { sessionDate: session.sessionDate, serverNow: deps.clock.now() };
  const errors = deviceTimeProblems('receivedAt', receivedAt, check);
  if (!session.procedureCodes.includes(input.procedureCode)) errors.push({ path: 'procedureCode', message: 'not offered at this session' });
  if (errors.length > 0) throw new DomainError('validation', 'outreach.invalid_dossier', 'This dossier does not belong to the session as recorded.', { errors });
  const onSpot = input.onSpot ? { leaderId: input.onSpot.leaderId, ...onSpotTimes(input.onSpot, receivedAt, check) } : null;
  if (onSpot && onSpot.errors.length > 0) throw invalidOnSpot(onSpot.errors);

  return deps.db.transaction(async (tx) => {
    await lockKey(tx, input.key);
    const existing = await findSubmission(tx, input.key);
    if (existing && (existing.sessionId !== session.id || existing.localNumber !== input.localNumber)) {
      throw conflict('outreach.key_reused', 'This sync key belongs to another dossier.', { localNumber: existing.localNumber });
    }
    if (existing?.state === 'synced') return { result: await resultOf(tx, existing), created: false };

    const now = deps.clock.now();
    const base: SubmissionRow = {
      key: input.key,
      sessionId: session.id,
      localNumber: input.localNumber,
      procedureCode: input.procedureCode,
      state: 'conflict',
      dossierId: null,
      onSpot: false,
      conflict: null,
      receivedAt,
      syncedBy: actor.userId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const inForce = await currentVersion(tx, input.procedureCode, receivedAt);
    const problem = inForce?.id === input.procedureVersionId ? null : await versionConflict(tx, input, inForce);
    if (problem) return { result: await resultOf(tx, await saveSubmission(tx, { ...base, conflict: problem })), created: false };

    const { key: _k, localNumber: _l, receivedAt: _r, procedureVersionId: _v, onSpot: _o, files, ...intake } = input;
    const dossier = await intakeAtCounter({ ...deps, db: tx }, actor, intake, {
      receivedAt,
      channel: 4,
      onReceived: (inner, row) => (onSpot ? finishOnSpot({ ...deps, db: inner }, actor, session, inForce!, row, onSpot.leaderId, onSpot.times) : Promise.resolve(row)),
    });
    const saved = await saveSubmission(tx, { ...base, state: 'synced', dossierId: dossier.id, onSpot: onSpot !== null });
    await declareUploads(
      tx,
      files.map((f) => ({ id: deps.ids.next(), submissionKey: input.key, dossierId: dossier.id, ...f, received: 0, status: 'uploading' as const, fileId: null, createdAt: now, completedAt: null })),
    );
    return { result: await resultOf(tx, saved), created: true };
  });
}

async function versionConflict(tx: Db, input: OutreachSubmission, inForce: ProcedureVersion | null): Promise<OutreachConflict> {
  const cached = await getVersion(tx, input.procedureVersionId);
  if (!inForce) {
    return { code: 'procedure_not_in_force', message: 'The procedure was not in force at the receipt time.', cachedVersion: cached?.version ?? null, currentVersion: null, currentVersionId: null, changes: [], differences: [] };
  }
  const known = cached?.code === inForce.code ? cached : null;
  const differences = known ? versionChanges(known, inForce) : [];
  const changes = !known
    ? [`the device had a version the server does not know; version ${inForce.version} is in force`]
    : differences.length > 0
      ? differences.map(changeLine)
      : [`version ${known.version} → ${inForce.version}`];
  return {
    code: 'procedure_version_changed',
    message: `The procedure changed while the device was offline: version ${inForce.version} was in force at the receipt time, the device used ${cached ? `version ${cached.version}` : 'an unknown version'}. Check the dossier against the new version and sync it again.`,
    cachedVersion: cached?.version ?? null,
    currentVersion: inForce.version,
    currentVersionId: inForce.id,
    changes,
    differences,
  };
}

const invalidOnSpot = (errors: { path: string; message: string }[]) => new DomainError('validation', 'outreach.invalid_on_spot', 'This dossier cannot be finished on the spot as recorded.', { errors });

const ON_SPOT_STEPS: Record<string, DossierAction> = {
  received: 'assign',
  'processing:assigned': 'start_review',
  'processing:in_review': 'submit_for_approval',
  'processing:awaiting_approval': 'approve',
  'processing:approved': 'finish',
};

/**
 * A same-day procedure approved by a leader of the team and handed over on the spot: the leader's
 * steps are recorded as the leader's at the approval time, the hand-over as the receiving
 * officer's at the hand-over time, both as noted on the device.
 */
async function finishOnSpot(deps: Deps, officer: Actor, session: SessionRow, version: ProcedureVersion, row: DossierRow, leaderId: string, times: OnSpotTimes): Promise<DossierRow> {
  const errors: { path: string; message: string }[] = [];
  if (!isSameDay(channelLimit(version, 'counter'))) errors.push({ path: 'onSpot', message: 'only same-day procedures are finished on the spot' });
  const leader = session.team.includes(leaderId) ? await findStaff(deps.db, leaderId) : null;
  if (!leader || !leader.active || leader.centerId !== session.centerId || !['leader', 'director'].includes(leader.role)) {
    errors.push({ path: 'onSpot.leaderId', message: 'the approval must come from a leader of the team' });
  }
  if (row.status !== 'received' && row.status !== 'processing') errors.push({ path: 'decision', message: 'only an accepted dossier can be finished on the spot' });
  if (errors.length > 0) throw invalidOnSpot(errors);

  const center = await findCenter(deps.db, session.centerId);
  const actor: Actor = { userId: leader!.id, username: '', fullName: leader!.fullName, role: leader!.role, provinceCode: center!.provinceCode, centerId: session.centerId, sessionId: '' };
  const at = (when: Date) => ({ ...deps, clock: { now: () => when } });
  let d = row;
  for (let i = 0; i < 6 && d.status !== 'finished'; i++) {
    const action = ON_SPOT_STEPS[d.status === 'processing' ? `processing:${d.step}` : d.status];
    if (!action) throw new DomainError('business_rule', 'outreach.on_spot_blocked', `A dossier that is ${d.status} cannot be finished on the spot.`);
    d = await act(at(times.approvedAt), actor, d.id, { action, ...(action === 'assign' ? { assigneeId: actor.userId } : {}) });
  }
  return act(at(times.handedOverAt), officer, d.id, { action: 'return_result' });
}

async function resultOf(db: Db, s: SubmissionRow): Promise<OutreachSyncResult> {
  const d = s.dossierId ? await findDossier(db, s.dossierId) : null;
  return {
    key: s.key,
    localNumber: s.localNumber,
    state: s.state,
    dossier: d ? { id: d.id, code: d.code, status: d.status, receivedAt: toLocalIso(d.receivedAt), dueAt: d.dueAt ? toLocalIso(d.dueAt) : null } : null,
    conflict: s.conflict,
    uploads: (await uploadsOf(db, s.key)).map(uploadView),
  };
}
