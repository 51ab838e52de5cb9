import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ProcedureContent, ProcedureVersion, ReviewFlag, VersionListItem } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { procedureFlags, procedures, procedureVersions } from './catalog.tables.ts';

type VersionRow = typeof procedureVersions.$inferSelect;

export function toVersion(r: VersionRow): ProcedureVersion {
  return {
    ...r.content,
    id: r.id,
    code: r.code,
    version: r.version,
    effectiveFrom: r.effectiveFrom.toISOString(),
    publishedAt: r.publishedAt.toISOString(),
    source: r.source,
    changeNote: r.changeNote,
  };
}

export async function findVersion(db: Db, id: string): Promise<ProcedureVersion | null> {
  const rows = await db.select().from(procedureVersions).where(eq(procedureVersions.id, id));
  return rows[0] ? toVersion(rows[0]) : null;
}

/** The version in force at `at`: the latest effective date not after it, then the highest number. */
export async function findCurrentVersion(db: Db, code: string, at: Date): Promise<ProcedureVersion | null> {
  const rows = await db
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.code, code), sql`${procedureVersions.effectiveFrom} <= ${at.toISOString()}`))
    .orderBy(desc(procedureVersions.effectiveFrom), desc(procedureVersions.version))
    .limit(1);
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findLatestVersion(db: Db, code: string): Promise<VersionRow | null> {
  const rows = await db.select().from(procedureVersions).where(eq(procedureVersions.code, code)).orderBy(desc(procedureVersions.version)).limit(1);
  return rows[0] ?? null;
}

export async function findProcedure(db: Db, code: string): Promise<typeof procedures.$inferSelect | null> {
  return (await db.select().from(procedures).where(eq(procedures.code, code)))[0] ?? null;
}

export async function listVersions(db: Db, code: string, at: Date): Promise<VersionListItem[]> {
  const rows = await db
    .select({
      id: procedureVersions.id,
      version: procedureVersions.version,
      effectiveFrom: procedureVersions.effectiveFrom,
      publishedAt: procedureVersions.publishedAt,
      source: procedureVersions.source,
      changeNote: procedureVersions.changeNote,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.code, code))
    .orderBy(desc(procedureVersions.version));
  const current = await findCurrentVersion(db, code, at);
  return rows.map((r) => ({
    ...r,
    effectiveFrom: r.effectiveFrom.toISOString(),
    publishedAt: r.publishedAt.toISOString(),
    current: r.id === current?.id,
  }));
}

/** Latest version of every procedure (whatever its effective date): what an import compares against. */
export type LatestContent = { versionId: string; version: number; effectiveFrom: Date; content: ProcedureContent; retired: boolean };

export async function latestContents(db: Db): Promise<Map<string, LatestContent>> {
  const rows = rowsOf<{ id: string; code: string; version: number; effective_from: string | Date; content: ProcedureContent; retired: boolean }>(
    await db.execute(sql`
      select distinct on (v.code) v.id, v.code, v.version, v.effective_from, v.content, p.retired_at is not null as retired
      from procedure_versions v join procedures p on p.code = v.code
      order by v.code, v.version desc`),
  );
  return new Map(
    rows.map((r) => [r.code, { versionId: r.id, version: r.version, effectiveFrom: new Date(r.effective_from), content: r.content, retired: r.retired }]),
  );
}

/** Changes whenever a version is published or a procedure retired; an import plan is valid for one revision. */
export async function catalogRevision(db: Db): Promise<string> {
  const [r] = rowsOf<{ v: number; p: string | null; r: number; ra: string | null }>(
    await db.execute(sql`
      select (select count(*) from procedure_versions) as v,
             (select max(published_at)::text from procedure_versions) as p,
             (select count(*) from procedures where retired_at is not null) as r,
             (select max(retired_at)::text from procedures) as ra`),
  );
  return `${r!.v}|${r!.p ?? ''}|${r!.r}|${r!.ra ?? ''}`;
}

export type NewVersion = {
  id: string;
  code: string;
  version: number;
  effectiveFrom: Date;
  publishedAt: Date;
  publishedBy: string | null;
  source: 'seed' | 'import' | 'edit';
  changeNote: string;
  content: ProcedureContent;
};

export async function insertProcedure(db: Db, code: string, now: Date): Promise<void> {
  await db.insert(procedures).values({ code, createdAt: now }).onConflictDoNothing();
}

/**
 * Inserts versions with their search columns (unaccented in SQL, so both databases agree), then
 * refreshes the search shortcut of their procedures and the typo vocabulary.
 */
export async function insertVersions(db: Db, versions: NewVersion[], at: Date): Promise<void> {
  for (let i = 0; i < versions.length; i += 200) {
    await db.insert(procedureVersions).values(
      versions.slice(i, i + 200).map((v) => {
        const searchName = sql`regexp_replace(lower(f_unaccent(${v.content.name})), '^thu tuc\\s+', '')`;
        const searchText = sql`${searchName} || ' ' || lower(f_unaccent(${v.content.sector})) || ' ' || ${v.code}`;
        return {
          ...v,
          name: v.content.name,
          sector: v.content.sector,
          levels: v.content.levels,
          onlineLevel: v.content.onlineLevel,
          boundaryFree: v.content.boundaryFree,
          searchName,
          searchText,
          searchTsv: sql`to_tsvector('simple', regexp_replace(${searchText}, '[^a-z0-9]+', ' ', 'g'))`,
        };
      }),
    );
  }
  const ids = versions.map((v) => v.id);
  const codes = [...new Set(versions.map((v) => v.code))];
  if (codes.length === 0) return;
  await refreshHeads(db, codes, at);
  await db.execute(sql`
    insert into catalog_terms (variant, term)
    select distinct x.variant, s.word
    from (select regexp_split_to_table(search_text, '[^a-z0-9]+') as word from procedure_versions where id = any(${arrayLiteral(ids)}::uuid[])) s,
    lateral (
      select s.word as variant
      union all
      select substr(s.word, 1, i - 1) || substr(s.word, i + 1) from generate_series(1, length(s.word)) i where length(s.word) >= 2
    ) x
    where s.word <> ''
    on conflict do nothing`);
}

/** After a bulk load: the embedded database has no autovacuum to refresh the planner's statistics. */
export async function refreshStatistics(db: Db): Promise<void> {
  for (const table of ['procedures', 'procedure_versions', 'catalog_terms']) await db.execute(sql.raw(`analyze ${table}`));
}

// drizzle spreads a JS array into a parameter list; codes and uuids need no quoting in a literal.
const arrayLiteral = (values: string[]) => `{${values.join(',')}}`;

/** Points each procedure at the version in force at `at` and notes when a later one takes over. */
export async function refreshHeads(db: Db, codes: string[], at: Date): Promise<void> {
  const t = at.toISOString();
  await db.execute(sql`
    update procedures p set
      current_version_id = (select v.id from procedure_versions v where v.code = p.code and v.effective_from <= ${t} order by v.effective_from desc, v.version desc limit 1),
      next_version_at = (select min(v.effective_from) from procedure_versions v where v.code = p.code and v.effective_from > ${t})
    where p.code = any(${arrayLiteral(codes)}::text[])`);
}

export async function setRetired(db: Db, codes: string[], at: Date | null): Promise<void> {
  for (let i = 0; i < codes.length; i += 500) {
    await db.update(procedures).set({ retiredAt: at }).where(inArray(procedures.code, codes.slice(i, i + 500)));
  }
}

export type NewFlag = { id: string; code: string; versionId: string; field: string; message: string; raisedAt: Date };

export async function insertFlags(db: Db, values: NewFlag[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.insert(procedureFlags).values(values.slice(i, i + 500));
}

export async function openFlagsOf(db: Db, code: string): Promise<{ id: string; field: string; message: string }[]> {
  return db
    .select({ id: procedureFlags.id, field: procedureFlags.field, message: procedureFlags.message })
    .from(procedureFlags)
    .where(and(eq(procedureFlags.code, code), isNull(procedureFlags.resolvedAt)))
    .orderBy(asc(procedureFlags.raisedAt), asc(procedureFlags.field));
}

export async function listOpenFlags(db: Db, opts: { limit: number; offset: number }): Promise<{ items: ReviewFlag[]; total: number }> {
  const rows = rowsOf<{ id: string; code: string; name: string; field: string; message: string; raised_at: Date | string; version_id: string; total: number }>(
    await db.execute(sql`
      select f.id, f.code, v.name, f.field, f.message, f.raised_at, f.version_id, count(*) over () as total
      from procedure_flags f join procedure_versions v on v.id = f.version_id
      where f.resolved_at is null
      order by f.code, f.raised_at, f.field
      limit ${opts.limit} offset ${opts.offset}`),
  );
  return {
    total: rows[0]?.total ?? (await countOpenFlags(db)),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      procedureName: r.name,
      field: r.field,
      message: r.message,
      raisedAt: new Date(r.raised_at).toISOString(),
      versionId: r.version_id,
    })),
  };
}

async function countOpenFlags(db: Db): Promise<number> {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*) as n from procedure_flags where resolved_at is null`));
  return r?.n ?? 0;
}

export async function findOpenFlag(db: Db, id: string): Promise<{ id: string; code: string } | null> {
  const rows = await db
    .select({ id: procedureFlags.id, code: procedureFlags.code })
    .from(procedureFlags)
    .where(and(eq(procedureFlags.id, id), isNull(procedureFlags.resolvedAt)));
  return rows[0] ?? null;
}

export async function resolveFlags(
  db: Db,
  where: { ids: string[] } | { code: string },
  r: { at: Date; by: string | null; resolution: 'confirmed' | 'edited' | 'superseded'; note?: string | null },
): Promise<void> {
  const target = 'ids' in where ? inArray(procedureFlags.id, where.ids) : eq(procedureFlags.code, where.code);
  if ('ids' in where && where.ids.length === 0) return;
  await db
    .update(procedureFlags)
    .set({ resolvedAt: r.at, resolvedBy: r.by, resolution: r.resolution, note: r.note ?? null })
    .where(and(target, isNull(procedureFlags.resolvedAt)));
}
