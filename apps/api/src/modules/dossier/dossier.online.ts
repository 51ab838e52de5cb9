import type { Applicant, ProcedureVersion } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { findCenter } from '../units/index.ts';
import { provisionalCode, takeDossierCode } from './dossier.code.ts';
import { recordEvent, type EventActor } from './dossier.events.ts';
import { channelLimit } from './dossier.intake.ts';
import { procedures } from './dossier.ports.ts';
import { insertDossier, type DossierRow } from './dossier.repo.ts';
import { checklistOf, citizenIdProblems, missingRequired } from './dossier.rules.ts';
import { dossierFiles } from './dossier.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

export type OnlineSubmission = {
  procedureCode: string;
  centerId: string;
  applicant: Applicant;
  /** Items of the version's list the applicant provides (uploaded or reused). */
  checklist: { itemId: string; provided: boolean }[];
  /** Files already in storage (the citizen's uploads), attached to checklist items. */
  files: { itemId: string; fileKey: string; mime: string; size: number; sha256: string }[];
  /** Free-text answers of the e-form. */
  fields?: Record<string, string>;
  /** Assisted mode: the officer or volunteer who filed on the citizen's behalf. */
  helper?: { userId: string; role: string; name: string } | null;
};

/** Fees of the online channel (or the first channel that states fees), in đồng. */
export function onlineFee(version: ProcedureVersion): number {
  const lines = version.channels.find((c) => c.channel === 'online')?.fees ?? version.channels.find((c) => c.fees)?.fees ?? [];
  return lines.reduce((sum, l) => sum + l.amount, 0);
}

/**
 * Online submission (channel 2): one transaction creates the dossier in status 1 (`new`) with its
 * code and attaches the uploaded files; no deadline yet — the center's pre-check accepts it
 * (`accept`: status 2 with the deadline) or asks for a supplement. `inTransaction` lets the
 * caller record, in the same transaction, who filed it and what was reused.
 */
export async function submitOnline(
  deps: Deps,
  actor: EventActor,
  input: OnlineSubmission,
  opts: { inTransaction?: (tx: Db, row: DossierRow) => Promise<void> } = {},
): Promise<DossierRow> {
  const now = deps.clock.now();
  const version = await procedures.inForce(deps.db, input.procedureCode, now);
  if (!version) throw notFound('catalog.procedure_not_found', 'No procedure with this code is in force.');
  if (version.onlineLevel === 'none') throw new DomainError('business_rule', 'dossier.not_online', 'This procedure cannot be filed online.');
  const center = await findCenter(deps.db, input.centerId);
  if (!center) throw notFound('units.center_not_found', 'No such center.');
  if (!version.boundaryFree && !(await procedures.offered(deps.db, center.id, version.code))) {
    throw new DomainError('business_rule', 'dossier.procedure_not_offered', 'This center does not receive this procedure.');
  }
  const limit = channelLimit(version, 'online');
  if (!limit) throw new DomainError('business_rule', 'dossier.no_time_limit', 'The procedure has no usable time limit; the catalog must be corrected first.');

  const errors = citizenIdProblems(input.applicant.idNumber, input.applicant.dateOfBirth, input.applicant.sex);
  const items = checklistOf(version, 'online');
  for (const a of [...input.checklist, ...input.files]) {
    if (!items.some((i) => i.id === a.itemId)) errors.push({ path: 'checklist', message: `item ${a.itemId} is not in this procedure’s document list` });
  }
  for (const m of missingRequired(items, input.checklist)) errors.push({ path: `checklist.${m.id}`, message: `required document missing: ${m.name}` });
  if (errors.length > 0) throw new DomainError('validation', 'dossier.invalid_submission', 'The dossier cannot be submitted as entered.', { errors });

  return deps.db.transaction(async (tx) => {
    const id = deps.ids.next();
    const inserted = await insertDossier(tx, {
      id,
      code: provisionalCode(id),
      provinceCode: center.provinceCode,
      centerId: center.id,
      competentCenterId: center.id,
      procedureCode: version.code,
      procedureVersionId: version.id,
      procedureName: version.name,
      channel: 2,
      status: 'new',
      step: null,
      applicant: input.applicant,
      timeLimit: limit,
      receivedAt: now,
      feeTotal: onlineFee(version),
      feePaid: false,
      createdAt: now,
      updatedAt: now,
    });
    const uploaderId = actor.userId ?? input.helper?.userId;
    for (const f of input.files) {
      if (!uploaderId) break;
      await tx.insert(dossierFiles).values({ id: deps.ids.next(), dossierId: id, itemId: f.itemId, fileKey: f.fileKey, mime: f.mime, size: f.size, sha256: f.sha256, uploadedBy: uploaderId, uploadedAt: now });
    }
    await recordEvent(tx, deps.ids, {
      dossierId: id,
      at: now,
      actor,
      action: 'submit_online',
      fromState: null,
      toState: 'new',
      data: {
        channel: 'online',
        checklist: input.checklist,
        files: input.files.map((f) => ({ itemId: f.itemId, sha256: f.sha256, size: f.size })),
        ...(input.fields && Object.keys(input.fields).length > 0 ? { fields: input.fields } : {}),
        ...(input.helper ? { helpedBy: input.helper } : {}),
      },
    });
    const row = await takeDossierCode(tx, inserted, center.agencyCode, now);
    if (opts.inTransaction) await opts.inTransaction(tx, row);
    return row;
  });
}
