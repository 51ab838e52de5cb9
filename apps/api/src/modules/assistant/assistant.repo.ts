import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AssistantLogEntry } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { assistantAnswers } from './assistant.tables.ts';

export type AnswerLogRow = typeof assistantAnswers.$inferInsert;

export async function insertAnswerLog(db: Db, row: AnswerLogRow): Promise<void> {
  await db.insert(assistantAnswers).values(row);
}

/** Records a thumbs up or down; false when there is no such answer. */
export async function rateAnswer(db: Db, id: string, helpful: boolean, at: Date): Promise<boolean> {
  const rows = await db.update(assistantAnswers).set({ helpful, ratedAt: at }).where(eq(assistantAnswers.id, id)).returning({ id: assistantAnswers.id });
  return rows.length > 0;
}

export async function listAnswerLog(db: Db, opts: { limit: number; offset: number; ratedOnly: boolean }): Promise<{ items: AssistantLogEntry[]; total: number }> {
  const where = opts.ratedOnly ? isNotNull(assistantAnswers.helpful) : undefined;
  const rows = await db.select().from(assistantAnswers).where(where).orderBy(desc(assistantAnswers.at)).limit(opts.limit).offset(opts.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(assistantAnswers).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      surface: r.surface,
      language: r.language,
      question: r.question,
      intents: r.intents,
      kind: r.kind,
      source: r.source,
      modelStatus: r.modelStatus,
      retrievedCodes: r.retrievedCodes,
      answerText: r.answerText,
      helpful: r.helpful,
    })),
    total: count?.n ?? 0,
  };
}

/**
 * Whether a signed-in citizen filed this dossier online from their account. Reads the citizen
 * portal's `dossier_online` link (migration 0011) directly because the citizen module does not
 * export an ownership check yet; replace with its export when there is one.
 */
export async function filedByCitizen(db: Db, dossierId: string, userId: string): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select 1 from dossier_online where dossier_id = ${dossierId} and citizen_id = ${userId}`));
  return rows.length > 0;
}

/** The dossier this citizen filed most recently from their account (same caveat as above), or null. */
export async function latestFiledBy(db: Db, userId: string): Promise<string | null> {
  const rows = rowsOf<{ dossier_id: string }>(await db.execute(sql`select dossier_id from dossier_online where citizen_id = ${userId} order by submitted_at desc limit 1`));
  return rows[0]?.dossier_id ?? null;
}
