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
 * Accent- and case-insensitive ranked search. Text is folded in SQL (f_unaccent) and matched by
 * PostgreSQL's full-text index and pg_trgm, so PGlite and PostgreSQL answer identically:
 *  1. each query word is looked up in the catalog's vocabulary: exactly, and, if the exact words
 *     find nothing, within one typo (deletion neighbourhoods, an index lookup); the last word also
 *     as a prefix, for typing in progress ("khai si");
 *  2. procedures with a match for every word come from the GIN full-text index;
 *  3. the best of them (the phrase in the name first, then shorter names) are re-ranked by trigram
 *     similarity to the whole name. Trigrams are computed for this short list only: over the whole
 *     catalog they would cost far more than everything else on the embedded database.
 */
export async function searchProcedures(db: Db, input: SearchInput, at: Date): Promise<ProcedureSearchResult> {
  const q = input.q ? normaliseQuery(input.q) : '';
  if (!q) return runSearch(db, input, at, null);
  const terms = rowsOf<{ qn: string; variant: string | null; term: string | null }>(await db.execute(sql`select * from catalog_query_terms(${q})`));
  const qn = terms[0]?.qn ?? '';
  const words = qn.split(/[^a-z0-9]+/).filter(Boolean).slice(0, 12);
  const vocabulary = terms.flatMap((r) => (r.variant && r.term ? [{ variant: r.variant, term: r.term }] : []));
  const exact = exactQuery(words, vocabulary);
  if (exact) {
    const found = await runSearch(db, input, at, { q, qn, tsquery: exact });
    if (found.total > 0) return found;
  }
  const fuzzy = fuzzyQuery(words, vocabulary);
  return fuzzy ? runSearch(db, input, at, { q, qn, tsquery: fuzzy }) : { items: [], total: 0 };
}

/** Deleting one letter ("sihn" → "ihn", "shn", "sin", "sih"), as catalog_query_terms does in SQL. */
const deletions = (w: string) => (w.length < 2 ? [] : Array.from({ length: w.length }, (_, i) => w.slice(0, i) + w.slice(i + 1)));

type Vocabulary = { variant: string; term: string }[];

/** Every word as written (the last also as a prefix); null when a word is not in the catalog at all. */
function exactQuery(words: string[], vocabulary: Vocabulary): string | null {
  const known = new Set(vocabulary.filter((v) => v.variant === v.term).map((v) => v.term));
  const groups: string[] = [];
  for (const [i, w] of words.entries()) {
    const last = i === words.length - 1 && w.length >= 2;
    if (!known.has(w) && !last) return null;
    groups.push(last ? `${w}:*` : w);
  }
  return groups.length > 0 ? groups.join(' & ') : null;
}

/** Each word widened to the catalog words within one typo; words matching nothing are dropped. */
function fuzzyQuery(words: string[], vocabulary: Vocabulary): string | null {
  const groups: string[] = [];
  for (const [i, w] of words.entries()) {
    const near = new Set([w, ...deletions(w)]);
    const alts = new Set(vocabulary.filter((v) => near.has(v.variant)).map((v) => v.term));
    if (i === words.length - 1 && w.length >= 2) alts.add(`${w}:*`);
    if (alts.size > 0) groups.push(`(${[...alts].sort().join(' | ')})`);
  }
  return groups.length > 0 ? groups.join(' & ') : null;
}

type Match = { q: string; qn: string; tsquery: string };

async function runSearch(db: Db, input: SearchInput, at: Date, match: Match | null): Promise<ProcedureSearchResult> {
  type Row = { id: string; code: string; version: number; name: string; sector: string; levels: ProcedureLevel[]; online_level: OnlineLevel; boundary_free: boolean; total: number };
  const t = at.toISOString();
  const filters = sql`${input.sector ?? null}::text, ${input.level ?? null}::text, ${input.onlineLevel ?? null}::text, ${input.centerId ?? null}::uuid`;
  const rows = rowsOf<Row>(
    await db.execute(
      match
        ? sql`select * from catalog_search(${t}::timestamptz, ${match.q}::text, ${match.qn}::text, ${match.tsquery}::text, ${filters},
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
  const total = rows[0]?.total ?? (input.offset > 0 ? (await runSearch(db, { ...input, offset: 0, limit: 1 }, at, match)).total : 0);
  return { items, total };
}

/** Sectors of the procedures in force, with counts, for the search page's filter. */
export async function listSectors(db: Db, at: Date): Promise<{ sector: string; count: number }[]> {
  return rowsOf<{ sector: string; count: number }>(
    await db.execute(sql`select v.sector, count(*) as count from catalog_in_force(${at.toISOString()}::timestamptz) v group by v.sector order by count(*) desc, v.sector`),
  );
}
