import type { FieldError } from '../../platform/errors.ts';
import type { ProcedureContent, ProcedureVersion, PublishVersionRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, conflict, notFound } from '../../platform/errors.ts';
import { findLatestVersion, findOpenFlag, findVersion, insertVersions, resolveFlags } from './catalog.repo.ts';
import { requireCatalogAdmin, topLevelField } from './catalog.policy.ts';
import { changedFields } from './diff.ts';
import { openFlagsOf } from './catalog.repo.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

/** An admin's edit becomes a new version; the version edited from must still be the latest. */
export async function publishVersion(deps: Deps, actor: Actor, code: string, input: PublishVersionRequest): Promise<ProcedureVersion> {
  requireCatalogAdmin(actor);
  checkDocumentIds(input.content);
  const now = deps.clock.now();
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
  const id = deps.ids.next();
  await deps.db.transaction(async (tx) => {
    const latest = await findLatestVersion(tx, code);
    if (!latest) throw notFound('catalog.procedure_not_found', 'No such procedure.');
    if (latest.id !== input.baseVersionId) {
      throw conflict('catalog.version_conflict', 'Someone published a newer version since you opened this one; reload and edit again.', { latestVersionId: latest.id });
    }
    const fields = changedFields(latest.content, input.content);
    if (fields.length === 0) throw new DomainError('business_rule', 'catalog.no_change', 'The content is the same as the current version.');
    if (effectiveFrom < latest.effectiveFrom) {
      throw new DomainError('business_rule', 'catalog.effective_before_latest', 'A new version cannot take effect before the latest one.');
    }
    await insertVersions(tx, [
      { id, code, version: latest.version + 1, effectiveFrom, publishedAt: now, publishedBy: actor.userId, source: 'edit', changeNote: input.changeNote, content: input.content },
    ], now);
    const touched = (await openFlagsOf(tx, code)).filter((f) => fields.includes(topLevelField(f.field) as keyof ProcedureContent)).map((f) => f.id);
    await resolveFlags(tx, { ids: touched }, { at: now, by: actor.userId, resolution: 'edited', note: input.changeNote });
  });
  return (await findVersion(deps.db, id))!;
}

/** The admin confirms the importer's reading as correct. */
export async function confirmFlag(deps: Deps, actor: Actor, flagId: string, note: string | undefined): Promise<void> {
  requireCatalogAdmin(actor);
  await deps.db.transaction(async (tx) => {
    const flag = await findOpenFlag(tx, flagId);
    if (!flag) throw notFound('catalog.flag_not_found', 'No such open review flag.');
    await resolveFlags(tx, { ids: [flag.id] }, { at: deps.clock.now(), by: actor.userId, resolution: 'confirmed', note: note ?? null });
  });
}

function checkDocumentIds(content: ProcedureContent): void {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  content.documents.forEach((d, i) => {
    if (seen.has(d.id)) errors.push({ path: `body.content.documents.${i}.id`, message: `document id ${d.id} is used twice` });
    seen.add(d.id);
  });
  const channels = new Set<string>();
  content.channels.forEach((c, i) => {
    if (channels.has(c.channel)) errors.push({ path: `body.content.channels.${i}.channel`, message: `channel ${c.channel} is listed twice` });
    channels.add(c.channel);
  });
  if (errors.length > 0) throw new DomainError('validation', 'validation_failed', 'The request has invalid or missing fields.', { errors });
}
