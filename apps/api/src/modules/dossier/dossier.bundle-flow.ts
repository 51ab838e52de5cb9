import { eq, sql } from 'drizzle-orm';
import type { Applicant, ProcedureVersion } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import { outcome } from '../calendar/index.ts';
import { autoAssign } from './dossier.assign.ts';
import { bundles, combinedOutcome, type ExternalAgency } from './dossier.bundles.ts';
import { recordEvent } from './dossier.events.ts';
import { procedures } from './dossier.ports.ts';
import { findDossierByCode, insertDossier, updateIfVersion, type DossierRow } from './dossier.repo.ts';
import { joinState } from './dossier.states.ts';
import { dossiers } from './dossier.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

export const INTERCONNECT_TOPIC = 'interconnect.submit';

/** What the agency adapter sends; the agency answers on the callback with the same code. */
export type InterconnectSubmission = {
  dossierId: string;
  code: string;
  agency: ExternalAgency;
  procedureCode: string;
  procedureName: string;
  applicant: Applicant;
  dueAt: string | null;
};

/** Creates the parts of an interconnected dossier in the intake's transaction. */
export async function spawnChildren(tx: Db, deps: Deps, parent: DossierRow, now: Date): Promise<void> {
  const def = bundles[parent.procedureCode];
  if (!def) return;
  for (const [i, child] of def.children.entries()) {
    const version: ProcedureVersion | null = await procedures.inForce(tx, child.procedureCode, now);
    if (!version) throw new DomainError('business_rule', 'dossier.bundle_part_missing', `Procedure ${child.procedureCode} of this bundle is not in the catalog.`);
    const external = child.decidedBy === 'center' ? null : child.decidedBy;
    const id = deps.ids.next();
    const row = await insertDossier(tx, {
      ...parent,
      id,
      code: `${parent.code}.${i + 1}`,
      procedureCode: version.code,
      procedureVersionId: version.id,
      procedureName: version.name,
      status: external ? 'processing' : 'received',
      step: external ? 'assigned' : null,
      assigneeId: null,
      feeTotal: 0,
      feePaid: false,
      ticketId: null,
      parentId: parent.id,
      bundleRole: 'child',
      externalAgency: external,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(tx, deps.ids, {
      dossierId: id,
      at: now,
      actor: { userId: null, role: 'system' },
      action: 'receive',
      fromState: null,
      toState: joinState(row.status, row.step),
      data: { bundleParent: parent.code, ...(external ? { externalAgency: external } : {}) },
    });
    if (external) {
      const payload: InterconnectSubmission = {
        dossierId: id,
        code: row.code,
        agency: external,
        procedureCode: version.code,
        procedureName: version.name,
        applicant: row.applicant,
        dueAt: row.dueAt?.toISOString() ?? null,
      };
      await enqueueInTx(tx, deps, { topic: INTERCONNECT_TOPIC, payload, idempotencyKey: `${id}:submit`, orderingKey: id });
    } else {
      await autoAssign(tx, deps, row, now);
    }
  }
}

/**
 * When the last part reaches a final state, the parent follows: finished if any part succeeded,
 * else stopped. The parent row lock makes concurrent completions settle it exactly once.
 */
export async function settleBundle(tx: Db, deps: Deps, parentId: string, now: Date): Promise<void> {
  await tx.execute(sql`select id from dossiers where id = ${parentId} for update`);
  const [parent] = await tx.select().from(dossiers).where(eq(dossiers.id, parentId));
  if (!parent || parent.status !== 'processing') return;
  const children = await tx.select({ status: dossiers.status, code: dossiers.code }).from(dossiers).where(eq(dossiers.parentId, parentId));
  const combined = combinedOutcome(children);
  if (combined === 'open') return;
  const patch =
    combined === 'finished'
      ? { status: 'finished' as const, step: null, finishedAt: now, outcome: parent.dueAt ? outcome(now, parent.dueAt, { extendedByApology: parent.apologyCount > 0 }) : null, updatedAt: now }
      : { status: 'stopped' as const, step: null, updatedAt: now };
  const updated = await updateIfVersion(tx, parent.id, parent.version, patch);
  if (!updated) return;
  await recordEvent(tx, deps.ids, {
    dossierId: parent.id,
    at: now,
    actor: { userId: null, role: 'system' },
    action: 'bundle_settled',
    fromState: joinState(parent.status, parent.step),
    toState: combined,
    data: { parts: children.map((c) => ({ code: c.code, status: c.status })) },
  });
}

/** An agency's answer for its part, idempotent: a repeated callback changes nothing. */
export async function applyExternalOutcome(
  deps: Deps,
  input: { agency: ExternalAgency; code: string; outcome: 'finished' | 'refused'; reason?: string | undefined; resultRef?: string | undefined },
): Promise<{ status: string; changed: boolean }> {
  const now = deps.clock.now();
  const child = await findDossierByCode(deps.db, input.code);
  if (!child || child.externalAgency !== input.agency) throw notFound('dossier.not_found', 'No such dossier for this agency.');
  if (child.status !== 'processing') return { status: child.status, changed: false };
  return deps.db.transaction(async (tx) => {
    const finished = input.outcome === 'finished';
    const patch = finished
      ? { status: 'finished' as const, step: null, finishedAt: now, outcome: child.dueAt ? outcome(now, child.dueAt) : null, updatedAt: now }
      : { status: 'stopped' as const, step: null, updatedAt: now };
    const updated = await updateIfVersion(tx, child.id, child.version, patch);
    if (!updated) return { status: child.status, changed: false };
    await recordEvent(tx, deps.ids, {
      dossierId: child.id,
      at: now,
      actor: { userId: null, role: 'system' },
      action: finished ? 'external_result' : 'external_refusal',
      fromState: joinState(child.status, child.step),
      toState: updated.status,
      reason: input.reason ?? null,
      data: { agency: input.agency, ...(input.resultRef ? { resultRef: input.resultRef } : {}) },
    });
    if (child.parentId) await settleBundle(tx, deps, child.parentId, now);
    return { status: updated.status, changed: true };
  });
}
