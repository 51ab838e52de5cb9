import { sql, type SQL } from 'drizzle-orm';
import type { OnlineLevel, ProcedureLevel, ProcedureSearchResult, ProcedureSummary } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';

export type SearchInput = {
  q?: string | undefined;
  limit: number;
  offset: number;
  sector?: string | undefined;
  level?: ProcedureLevel | undefined;
  onlineLevel?: OnlineLevel | undefined;
  centerId?: string | undefined;
};

const LEVEL_ORDER: ProcedureLevel[] = ['commune', 'province', 'ministry', 'other'];

/** Where a citizen goes first: the lowest level that implements the procedure. */
export const primaryLevel = (levels: ProcedureLevel[]): ProcedureLevel => LEVEL_ORDER.find((l) => levels.includes(l)) ?? 'other';

/** NFC and single spaces, so composed and decomposed Vietnamese input read the same. */
export const normaliseQuery = (q: string) => q.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Accent- and case-insensitive ranked search over the versions in force at `at`. Everything is
 * computed in SQL from f_unaccent + pg_trgm, so PGlite and PostgreSQL rank identically:
 * word similarity finds typos ("khai sihn"), whole-name similarity prefers the shortest fitting
 * name, and exact or prefix matches of the name (without "Thủ tục") come first.
 */
export async function searchProcedures(db: Db, input: SearchInput, at: Date): Promise<ProcedureSearchResult> {
  const q = input.q ? normaliseQuery(input.q) : '';
  const filters: SQL[] = [sql`(p.retired_at is null or p.retired_at > ${at.toISOString()})`];
  if (input.sector) filters.push(sql`c.sector = ${input.sector}`);
  if (input.level) filters.push(sql`${input.level} = any(c.levels)`);
  if (input.onlineLevel) filters.push(sql`c.online_level = ${input.onlineLevel}`);
  if (input.centerId) filters.push(sql`exists (select 1 from center_procedures o where o.center_id = ${input.centerId} and o.code = c.code)`);
  const score = q
    ? sql`word_similarity(k.qn, c.search_text) + 0.5 * similarity(k.qn, c.search_name)
        + case when c.search_name = k.qn then 1 when starts_with(c.search_name, k.qn) then 0.5 when strpos(c.search_name, k.qn) > 0 then 0.3 else 0 end
        + case when c.code = ${q} then 3 else 0 end`
    : null;
  if (q) filters.push(sql`(word_similarity(k.qn, c.search_text) >= 0.5 or strpos(c.search_text, k.qn) > 0 or c.code = ${q})`);
  const rows = rowsOf<{
    id: string;
    code: string;
    version: number;
    name: string;
    sector: string;
    levels: ProcedureLevel[];
    online_level: OnlineLevel;
    boundary_free: boolean;
    total: number;
  }>(
    await db.execute(sql`
      with k as (select lower(f_unaccent(${q})) as qn),
      c as (
        select distinct on (v.code) v.id, v.code, v.version, v.name, v.sector, v.levels, v.online_level, v.boundary_free, v.search_name, v.search_text
        from procedure_versions v
        where v.effective_from <= ${at.toISOString()}
        order by v.code, v.effective_from desc, v.version desc
      )
      select c.id, c.code, c.version, c.name, c.sector, c.levels, c.online_level, c.boundary_free, count(*) over () as total
      from c cross join k join procedures p on p.code = c.code
      where ${sql.join(filters, sql` and `)}
      order by ${q ? sql`${score} desc, length(c.search_name)` : sql`c.search_name`}, c.code
      limit ${input.limit} offset ${input.offset}`),
  );
  const items: ProcedureSummary[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    sector: r.sector,
    level: primaryLevel(r.levels),
    levels: r.levels,
    onlineLevel: r.online_level,
    boundaryFree: r.boundary_free,
    versionId: r.id,
    version: r.version,
  }));
  const total = rows[0]?.total ?? (input.offset > 0 ? await countOnly(db, input, at) : 0);
  return { items, total };
}

async function countOnly(db: Db, input: SearchInput, at: Date): Promise<number> {
  return (await searchProcedures(db, { ...input, offset: 0, limit: 1 }, at)).total;
}

/** Sectors of the procedures in force, with counts, for the search page's filter. */
export async function listSectors(db: Db, at: Date): Promise<{ sector: string; count: number }[]> {
  return rowsOf<{ sector: string; count: number }>(
    await db.execute(sql`
      with c as (
        select distinct on (v.code) v.code, v.sector from procedure_versions v
        where v.effective_from <= ${at.toISOString()}
        order by v.code, v.effective_from desc, v.version desc
      )
      select c.sector, count(*) as count from c join procedures p on p.code = c.code
      where p.retired_at is null or p.retired_at > ${at.toISOString()}
      group by c.sector order by count(*) desc, c.sector`),
  );
}
