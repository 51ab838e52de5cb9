import type { AssistantLanguage } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { catalogRevision, searchProcedures, versionsInForce } from '../catalog/index.ts';
import { buildIndex, parseQuestion, rank, type Query, type Ranked, type RetrievalIndex } from './retrieval.ts';

const cache = new WeakMap<Db, { key: string; index: Promise<RetrievalIndex> }>();

/**
 * The retrieval index over the versions in force, rebuilt when the catalog changes (a version
 * published or a procedure retired) or the hour turns (a version dated for later takes effect).
 */
export async function corpus(db: Db, at: Date): Promise<RetrievalIndex> {
  const key = `${await catalogRevision(db)}|${at.toISOString().slice(0, 13)}`;
  const hit = cache.get(db);
  if (hit?.key === key) return hit.index;
  const index = versionsInForce(db, at).then(buildIndex);
  index.catch(() => cache.delete(db));
  cache.set(db, { key, index });
  return index;
}

export type Retrieval = { query: Query; ranked: Ranked[]; index: RetrievalIndex };

/**
 * Procedures for a question: the catalog's own search (every word must match, accents and one typo
 * forgiven) over the question's catalog words gives a bonus to what it finds; the assistant's
 * ranking over names, sectors and results, with the synonym table, orders the rest.
 */
export async function retrieve(db: Db, question: string, language: AssistantLanguage | null, at: Date): Promise<Retrieval> {
  const index = await corpus(db, at);
  const query = parseQuestion(question, language);
  const q = [...new Set(query.tokens)].join(' ').slice(0, 200);
  const hits = q ? (await searchProcedures(db, { q, limit: 5, offset: 0 }, at)).items.map((i) => i.code) : [];
  return { query, ranked: rank(index, query, hits), index };
}
