import { sql } from 'drizzle-orm';
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

/** How many best word matches are re-ranked by whole-name similarity. */
const RERANK_POOL = 30;

/**
 * Accent- and case-insensitive ranked search, all in SQL (catalog_find in migration 0003:
 * f_unaccent, full-text, pg_trgm), so PGlite and PostgreSQL answer identically:
 *  1. each query word is looked up in the catalog's vocabulary: exactly, and, only if the exact
 *     words find nothing, within one typo (deletion neighbourhoods; short words keep their first
 *     letter); the last word also as a prefix, for typing in progress ("khai si");
 *  2. procedures with a match for every word come from the GIN full-text index;
 *  3. the best of them (the phrase in the name first, then shorter names) are re-ranked by trigram
 *     similarity to the whole name. Trigrams are computed for this short list only: over the whole
 *     catalog they would cost far more than everything else on the embedded database.
 * It is one call with cached plans because on the embedded database each round trip and each
 * planning costs more than running the queries.
 */
export async function searchProcedures(db: Db, input: SearchInput, at: Date): Promise<ProcedureSearchResult> {
  const q = input.q ? normaliseQuery(input.q) : '';
  return runSearch(db, input, at, q || null);
}

async function runSearch(db: Db, input: SearchInput, at: Date, q: string | null): Promise<ProcedureSearchResult> {
  type Row = { id: string; code: string; version: number; name: string; sector: string; levels: ProcedureLevel[]; online_level: OnlineLevel; boundary_free: boolean; total: number };
  const t = at.toISOString();
  const filters = sql`${input.sector ?? null}::text, ${input.level ?? null}::text, ${input.onlineLevel ?? null}::text, ${input.centerId ?? null}::uuid`;
  const rows = rowsOf<Row>(
    await db.execute(
      q
        ? sql`select * from catalog_find(${t}::timestamptz, ${q}::text, ${filters},
            ${Math.max(RERANK_POOL, input.offset + input.limit)}::integer, ${input.limit}::integer, ${input.offset}::integer)`
        : sql`select * from catalog_list(${t}::timestamptz, ${filters}, ${input.limit}::integer, ${input.offset}::integer)`,
    ),
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
  const total = rows[0]?.total ?? (input.offset > 0 ? (await runSearch(db, { ...input, offset: 0, limit: 1 }, at, q)).total : 0);
  return { items, total };
}

/** Sectors of the procedures in force, with counts, for the search page's filter. */
export async function listSectors(db: Db, at: Date): Promise<{ sector: string; count: number }[]> {
  return rowsOf<{ sector: string; count: number }>(
    await db.execute(sql`select v.sector, count(*) as count from catalog_in_force(${at.toISOString()}::timestamptz) v group by v.sector order by count(*) desc, v.sector`),
  );
}
