import { z } from 'zod';

export const AssistantLanguage = z.enum(['vi', 'en', 'id']);
export type AssistantLanguage = z.infer<typeof AssistantLanguage>;

/** What the person wants to know about a procedure; none = an overview. */
export const AssistantIntent = z.enum(['documents', 'fees', 'time', 'where', 'online', 'conditions', 'legal', 'steps', 'dossier']);
export type AssistantIntent = z.infer<typeof AssistantIntent>;

/** A retrieved piece of one procedure version: every fact in an answer points to one of these. */
export const AssistantCitation = z.object({
  /** `{code}@{version}#{section}`, e.g. `1.001193@1#documents`. */
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  versionId: z.uuid(),
  section: z.string(),
  procedureName: z.string(),
  /** The procedure's public page, e.g. `/citizen/procedures/1.001193`. */
  url: z.string(),
});
export type AssistantCitation = z.infer<typeof AssistantCitation>;

export const AssistantFact = z.object({
  intent: AssistantIntent.or(z.enum(['procedure', 'results'])),
  heading: z.string(),
  /** Lines of the fact, in the catalog's own words where it has them. */
  lines: z.array(z.string()),
  /** Ids of the citations this fact comes from (never empty). */
  citations: z.array(z.string()).min(1),
});
export type AssistantFact = z.infer<typeof AssistantFact>;

export const AssistantCandidate = z.object({ code: z.string(), name: z.string(), version: z.number().int(), url: z.string() });
export type AssistantCandidate = z.infer<typeof AssistantCandidate>;

export const DossierFactor = z.object({
  code: z.string().trim().min(5).max(40),
  /** Last four digits of the applicant's phone number. */
  phoneLast4: z.string().regex(/^\d{4}$/, 'the last 4 digits of the phone number'),
});
export type DossierFactor = z.infer<typeof DossierFactor>;

export const AskRequest = z.object({
  question: z.string().trim().min(1).max(500),
  /** The language of the screen; a question clearly in another language is answered in that one. */
  language: AssistantLanguage.optional(),
  surface: z.enum(['portal', 'kiosk']).default('portal'),
  /** A kiosk or portal page of one center: where-to-go answers name its service group. */
  centerId: z.uuid().optional(),
  /** Answer about this procedure (the person picked it from the candidates). */
  procedureCode: z.string().max(40).optional(),
  /** The procedure page the person is on: used when the question names no procedure ("mất bao lâu?"). */
  contextCode: z.string().max(40).optional(),
  /** Dossier questions without a signed-in owner need the dossier code and the second factor. */
  dossier: DossierFactor.optional(),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const DossierStatusAnswer = z.object({
  code: z.string(),
  procedureName: z.string(),
  procedureCode: z.string(),
  status: z.string(),
  statusCode: z.number().int(),
  step: z.string().nullable(),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
  /** What the citizen has to do now (bring papers, pay, collect the result), or nothing. */
  expected: z.array(z.string()),
});
export type DossierStatusAnswer = z.infer<typeof DossierStatusAnswer>;

export const AskResponse = z.object({
  /** Id of this answer, for the thumbs up / down. */
  id: z.uuid(),
  /** answer: facts from the catalog · clarify: which of these did you mean · not_found: honestly nothing
   *  · dossier: the status of one dossier · dossier_auth: give the code and the second factor first. */
  kind: z.enum(['answer', 'clarify', 'not_found', 'dossier', 'dossier_auth']),
  language: AssistantLanguage,
  intents: z.array(AssistantIntent),
  /** One or two sentences that sum up the answer. */
  text: z.string(),
  facts: z.array(AssistantFact),
  citations: z.array(AssistantCitation),
  candidates: z.array(AssistantCandidate),
  dossier: DossierStatusAnswer.nullable(),
  /** template: deterministic text; model: rephrased by the language model, citations checked. */
  source: z.enum(['template', 'model']),
});
export type AskResponse = z.infer<typeof AskResponse>;

export const AnswerFeedback = z.object({ helpful: z.boolean() });

export const PrecheckFile = z.object({
  name: z.string().trim().min(1).max(255),
  /** MIME type as the browser reports it. */
  type: z.string().max(100),
  size: z.number().int().min(0),
  /** The checklist item the person attached it to, if the form asked. */
  itemId: z.string().max(20).optional(),
});
export type PrecheckFile = z.infer<typeof PrecheckFile>;

export const PrecheckRequest = z.object({ procedureCode: z.string().max(40), files: z.array(PrecheckFile).max(100), language: AssistantLanguage.optional() });
export type PrecheckRequest = z.infer<typeof PrecheckRequest>;

export const PrecheckItem = z.object({
  itemId: z.string(),
  name: z.string(),
  requirement: z.enum(['mandatory', 'conditional']),
  /** Files that look like this item (by the chosen item, else by words of the file name). */
  files: z.array(z.string()),
  status: z.enum(['ok', 'missing', 'optional_missing']),
});

export const PrecheckResponse = z.object({
  code: z.string(),
  version: z.number().int(),
  procedureName: z.string(),
  items: z.array(PrecheckItem),
  /** Mandatory items with no file. */
  missing: z.array(z.object({ itemId: z.string(), name: z.string() })),
  /** Files that cannot be accepted (type or size), with the reason. */
  rejected: z.array(z.object({ name: z.string(), reason: z.enum(['type', 'size', 'empty']) })),
  /** Files matched to no item: the person should say which paper each one is. */
  unmatched: z.array(z.string()),
  text: z.string(),
  citations: z.array(AssistantCitation),
});
export type PrecheckResponse = z.infer<typeof PrecheckResponse>;

export const AssistantLogEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  surface: z.string(),
  language: z.string(),
  question: z.string(),
  intents: z.array(z.string()),
  kind: z.string(),
  source: z.string(),
  /** off · accepted · rejected (cited a passage not retrieved) · failed (no usable reply). */
  modelStatus: z.string(),
  retrievedCodes: z.array(z.string()),
  answerText: z.string().nullable(),
  helpful: z.boolean().nullable(),
});
export type AssistantLogEntry = z.infer<typeof AssistantLogEntry>;
