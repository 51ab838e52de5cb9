import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One answer of the assistant, kept for quality review without personal data (see migration 0015). */
export const assistantAnswers = pgTable(
  'assistant_answers',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    surface: text('surface').notNull(),
    language: text('language').notNull(),
    /** The question with ID numbers, phones, e-mails and dossier codes redacted. */
    question: text('question').notNull(),
    intents: text('intents').array().notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    /** off | accepted | rejected (cited something not retrieved) | failed (no usable reply). */
    modelStatus: text('model_status').notNull(),
    retrievedCodes: text('retrieved_codes').array().notNull(),
    /** The answer shown; null for dossier answers, which are about one person. */
    answerText: text('answer_text'),
    helpful: boolean('helpful'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
  },
  (t) => [index('assistant_answers_at_idx').on(t.at)],
);
