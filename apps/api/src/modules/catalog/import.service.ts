// Catalog import: parse and check the whole file, show the difference (added / changed / retired),
// then apply exactly that difference in one transaction, or refuse if the catalog moved meanwhile.
import { and, eq } from 'drizzle-orm';
import { ProcedureContent, type CatalogImportPreview, type CatalogImportRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, conflict, notFound, type FieldError } from '../../platform/errors.ts';
import { catalogImports } from './catalog.tables.ts';
import { catalogRevision, refreshStatistics, insertFlags, insertProcedure, insertVersions, latestContents, openFlagsOf, resolveFlags, setRetired, type NewVersion } from './catalog.repo.ts';
import { requireCatalogAdmin, topLevelField } from './catalog.policy.ts';
import { changedFields } from './diff.ts';
import { parseCatalogFile } from './import-parse.ts';
import { mergeRow } from './merge.ts';
import type { Flag } from './source-parse.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;
type Change = { code: string; name: string; fields: string[] };
type PlannedRow = { code: string; content: ProcedureContent; flags: Flag[]; fields: string[]; isNew: boolean; restore: boolean };
type Plan = { rows: PlannedRow[]; retire: Change[]; unchanged: number; total: number };

export async function previewImport(deps: Deps, actor: Actor, input: CatalogImportRequest): Promise<CatalogImportPreview> {
  requireCatalogAdmin(actor);
  const parsed = parseCatalogFile(input.format, input.content);
  if (!parsed.ok) throw invalidFile(parsed.errors);
  const now = deps.clock.now();
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
  const [latest, baseRevision] = [await latestContents(deps.db), await catalogRevision(deps.db)];
  const errors: FieldError[] = [];
  const rows: PlannedRow[] = [];
  let unchanged = 0;
  for (const row of parsed.rows) {
    const current = latest.get(row.code);
    const merged = mergeRow(current?.content, row);
    if (!merged.ok) {
      errors.push({ path: `row ${row.row}`, message: `${row.code}: ${merged.message}` });
      continue;
    }
    const valid = ProcedureContent.safeParse(merged.content);
    if (!valid.success) {
      for (const issue of valid.error.issues) errors.push({ path: `row ${row.row}.${issue.path.join('.')}`, message: `${row.code}: ${issue.message}` });
      continue;
    }
    const fields = current ? changedFields(current.content, valid.data) : Object.keys(valid.data);
    const restore = current?.retired ?? false;
    if (current && fields.length === 0 && !restore) {
      unchanged++;
      continue;
    }
    if (current && effectiveFrom < current.effectiveFrom) {
      errors.push({ path: `row ${row.row}`, message: `${row.code}: the import takes effect before the current version (${current.effectiveFrom.toISOString()})` });
      continue;
    }
    rows.push({ code: row.code, content: valid.data, flags: row.flags, fields, isNew: !current, restore });
  }
  if (errors.length > 0) throw invalidFile(errors);
  const inFile = new Set(parsed.rows.map((r) => r.code));
  const retire: Change[] =
    input.mode === 'full' ? [...latest].filter(([code, v]) => !inFile.has(code) && !v.retired).map(([code, v]) => ({ code, name: v.content.name, fields: [] })) : [];
  const plan: Plan = { rows, retire, unchanged, total: parsed.rows.length };
  const id = deps.ids.next();
  await deps.db.insert(catalogImports).values({
    id,
    provinceCode: actor.provinceCode,
    fileName: input.fileName,
    format: input.format,
    mode: input.mode,
    status: 'previewed',
    effectiveFrom,
    plan,
    baseRevision,
    createdAt: now,
    createdBy: actor.userId,
  });
  return presentImport({ id, fileName: input.fileName, format: input.format, mode: input.mode, status: 'previewed', createdAt: now, appliedAt: null, plan });
}

export async function applyImport(deps: Deps, actor: Actor, id: string): Promise<CatalogImportPreview> {
  requireCatalogAdmin(actor);
  try {
    return await applyPlan(deps, actor, id);
  } catch (err) {
    // The refusal rolled everything back; remember it so the preview shows why.
    if (err instanceof DomainError && err.code === 'catalog.import_stale') {
      await deps.db.update(catalogImports).set({ status: 'stale' }).where(and(eq(catalogImports.id, id), eq(catalogImports.status, 'previewed')));
    }
    throw err;
  }
}

async function applyPlan(deps: Deps, actor: Actor, id: string): Promise<CatalogImportPreview> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const claimed = await tx
      .update(catalogImports)
      .set({ status: 'applied', appliedAt: now })
      .where(and(eq(catalogImports.id, id), eq(catalogImports.status, 'previewed')))
      .returning();
    const imp = claimed[0];
    if (!imp) {
      const [existing] = await tx.select({ status: catalogImports.status }).from(catalogImports).where(eq(catalogImports.id, id));
      if (!existing) throw notFound('catalog.import_not_found', 'No such import.');
      throw conflict('catalog.import_not_pending', `This import is already ${existing.status}.`);
    }
    if ((await catalogRevision(tx)) !== imp.baseRevision) {
      throw conflict('catalog.import_stale', 'The catalog changed since this preview; upload the file again to see the new difference.');
    }
    const plan = imp.plan as Plan;
    const latest = await latestContents(tx);
    const versions: NewVersion[] = [];
    for (const row of plan.rows) {
      const prior = latest.get(row.code);
      if (!prior) await insertProcedure(tx, row.code, now);
      if (row.fields.length > 0) {
        versions.push({
          id: deps.ids.next(),
          code: row.code,
          version: (prior?.version ?? 0) + 1,
          effectiveFrom: imp.effectiveFrom,
          publishedAt: now,
          publishedBy: actor.userId,
          source: 'import',
          changeNote: `Import ${imp.fileName}`,
          content: row.content,
        });
      }
    }
    await insertVersions(tx, versions, now);
    const byCode = new Map(plan.rows.map((r) => [r.code, r]));
    for (const v of versions) {
      const row = byCode.get(v.code)!;
      if (!row.isNew) {
        const stale = (await openFlagsOf(tx, v.code)).filter((f) => row.fields.includes(topLevelField(f.field))).map((f) => f.id);
        await resolveFlags(tx, { ids: stale }, { at: now, by: actor.userId, resolution: 'superseded', note: `Import ${imp.fileName}` });
      }
    }
    await insertFlags(
      tx,
      versions.flatMap((v) => byCode.get(v.code)!.flags.map((f) => ({ id: deps.ids.next(), code: v.code, versionId: v.id, field: f.field, message: f.message, raisedAt: now }))),
    );
    await setRetired(tx, plan.rows.filter((r) => r.restore).map((r) => r.code), null);
    await setRetired(tx, plan.retire.map((r) => r.code), imp.effectiveFrom);
    if (versions.length > 100) await refreshStatistics(tx);
    return presentImport({ ...imp, status: 'applied', appliedAt: now, plan });
  });
}

/** A stale preview stays readable; applying it answers 409 and the admin uploads again. */
export async function findImport(deps: Pick<AppContext, 'db'>, id: string): Promise<CatalogImportPreview> {
  const [imp] = await deps.db.select().from(catalogImports).where(eq(catalogImports.id, id));
  if (!imp) throw notFound('catalog.import_not_found', 'No such import.');
  return presentImport({ ...imp, plan: imp.plan as Plan });
}

function presentImport(i: {
  id: string;
  fileName: string;
  format: 'csv' | 'json';
  mode: 'partial' | 'full';
  status: 'previewed' | 'applied' | 'stale';
  createdAt: Date;
  appliedAt: Date | null;
  plan: Plan;
}): CatalogImportPreview {
  const change = (r: PlannedRow): Change => ({ code: r.code, name: r.content.name, fields: r.fields });
  return {
    id: i.id,
    fileName: i.fileName,
    format: i.format,
    mode: i.mode,
    status: i.status,
    rows: i.plan.total,
    added: i.plan.rows.filter((r) => r.isNew).map((r) => ({ ...change(r), fields: [] })),
    changed: i.plan.rows.filter((r) => !r.isNew).map((r) => ({ ...change(r), fields: r.restore ? ['retiredAt', ...r.fields] : r.fields })),
    retired: i.plan.retire,
    unchanged: i.plan.unchanged,
    flags: i.plan.rows.reduce((n, r) => n + (r.fields.length > 0 ? r.flags.length : 0), 0),
    createdAt: i.createdAt.toISOString(),
    appliedAt: i.appliedAt?.toISOString() ?? null,
  };
}

function invalidFile(errors: FieldError[]): DomainError {
  return new DomainError('business_rule', 'catalog.import_invalid', `The file has ${errors.length} problem(s); nothing was imported.`, { errors });
}
