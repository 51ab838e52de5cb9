import type { AskRequest, AskResponse, AssistantIntent, AssistantLanguage, PrecheckRequest, PrecheckResponse } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { toLocalIso } from '../calendar/index.ts';
import { currentVersion, getVersion, offeringOf } from '../catalog/index.ts';
import { nextStepOf } from '../citizen/index.ts';
import { findDossier, findDossierByCode, findDossierBySecondFactor, listEvents, statusCodes, type DossierRow } from '../dossier/index.ts';
import { catalogAnswer, clarifyAnswer, decide, notFoundAnswer, type Composed } from './answer.ts';
import { filedByCitizen, insertAnswerLog, latestFiledBy } from './assistant.repo.ts';
import { retrieve } from './corpus.ts';
import { dossierAnswer, dossierAuthAnswer } from './dossier-answer.ts';
import { detectIntents } from './intents.ts';
import { rephrase, type Rephrased } from './llm.ts';
import { citationOf, passagesOf, type CenterOffer } from './passages.ts';
import { precheck } from './precheck.ts';
import { detectLanguage, dossierCodeIn, fold, redact } from './text.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config' | 'log'>;

/** The same answer for an unknown code and a wrong second factor, so neither can be probed. */
export const dossierNotFound = () => notFound('assistant.dossier_not_found', 'No dossier matches this code and these phone digits.');

/**
 * Answers one question: about the catalog (retrieval → template, optionally rephrased by the model
 * with its citations checked), or about one dossier for its owner only. Every answer is logged
 * without personal data.
 */
export async function ask(deps: Deps, input: AskRequest, actor: Actor | null): Promise<AskResponse> {
  const language = detectLanguage(input.question) ?? input.language ?? 'vi';
  const { intents } = detectIntents(fold(input.question));
  const code = input.dossier?.code ?? dossierCodeIn(input.question);
  const aboutDossier = input.dossier !== undefined || code !== null || intents.includes('dossier');
  const asked = aboutDossier && !intents.includes('dossier') ? (['dossier', ...intents] as AssistantIntent[]) : intents;
  const composed = aboutDossier ? await dossierFlow(deps, input, actor, code, asked, language) : await catalogFlow(deps, input, asked, language);

  let model: Rephrased | null = null;
  if (composed.kind === 'answer' && deps.config.llm) {
    model = await rephrase(deps.config.llm, input.question, composed);
    if (model.status !== 'accepted') deps.log.warn({ reason: model.reason, status: model.status }, 'assistant: model answer not used');
  }
  const id = deps.ids.next();
  const accepted = model?.status === 'accepted' ? model : null;
  const { passages: _passages, ...shown } = composed;
  const response: AskResponse = { ...shown, id, text: accepted ? accepted.text : composed.text, source: accepted ? 'model' : 'template' };
  await insertAnswerLog(deps.db, {
    id,
    at: deps.clock.now(),
    surface: input.surface,
    language,
    question: redact(input.question).slice(0, 500),
    intents: asked,
    kind: response.kind,
    source: response.source,
    modelStatus: model?.status ?? 'off',
    retrievedCodes: composed.kind === 'dossier' ? [] : [...new Set(composed.citations.map((c) => c.code).concat(composed.candidates.map((c) => c.code)))],
    answerText: response.kind === 'dossier' ? null : response.text,
  });
  return response;
}

async function catalogFlow(deps: Deps, input: AskRequest, intents: AssistantIntent[], lang: AssistantLanguage): Promise<Composed> {
  const now = deps.clock.now();
  if (input.procedureCode) {
    const v = await currentVersion(deps.db, input.procedureCode, now);
    return v ? catalogAnswer(v, intents, lang, await offerAt(deps, input.centerId, v.code)) : notFoundAnswer(intents, lang);
  }
  const { ranked } = await retrieve(deps.db, input.question, detectLanguage(input.question), now);
  const decision = decide(ranked);
  if (decision.kind === 'none' && input.contextCode) {
    // "Mất bao lâu?" on a procedure's page: the question is about that procedure.
    const v = await currentVersion(deps.db, input.contextCode, now);
    if (v) return catalogAnswer(v, intents, lang, await offerAt(deps, input.centerId, v.code));
  }
  if (decision.kind === 'none') return notFoundAnswer(intents, lang);
  if (decision.kind === 'ambiguous') return clarifyAnswer(decision.options, intents, lang);
  const v = await getVersion(deps.db, decision.best.entry.versionId);
  if (!v) return notFoundAnswer(intents, lang);
  return catalogAnswer(v, intents, lang, await offerAt(deps, input.centerId, v.code));
}

async function offerAt(deps: Deps, centerId: string | undefined, code: string): Promise<CenterOffer> {
  if (!centerId) return null;
  const group = await offeringOf(deps.db, centerId, code);
  return group ? { offered: true, groupCode: group.serviceGroupCode, groupName: group.serviceGroupName } : { offered: false };
}

/**
 * A dossier is shown to a signed-in citizen who filed it from their account, or to anyone who
 * gives its code and the last 4 digits of the applicant's phone (checked, counted and locked out
 * by the dossier module). Anyone else learns nothing about it, not even whether it exists.
 */
async function dossierFlow(deps: Deps, input: AskRequest, actor: Actor | null, code: string | null, intents: AssistantIntent[], lang: AssistantLanguage): Promise<Composed> {
  let d: DossierRow | null = null;
  if (input.dossier) {
    d = await findDossierBySecondFactor(deps, input.dossier.code, input.dossier.phoneLast4);
    if (!d) throw dossierNotFound();
  } else if (actor?.role === 'citizen') {
    // "Hồ sơ của tôi" without a code: the one they filed last.
    const latest = code ? null : await latestFiledBy(deps.db, actor.userId);
    const found = code ? await findDossierByCode(deps.db, code) : latest ? await findDossier(deps.db, latest) : null;
    if (found && (await filedByCitizen(deps.db, found.id, actor.userId))) d = found;
  }
  if (!d) return dossierAuthAnswer(intents, lang);
  const version = await getVersion(deps.db, d.procedureVersionId);
  if (!version) throw dossierNotFound();
  const procedure = passagesOf(version, lang)[0]!;
  return dossierAnswer(
    {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      status: d.status,
      statusCode: statusCodes[d.status],
      step: d.step,
      dueAt: d.dueAt ? toLocalIso(d.dueAt) : null,
      paused: d.pausedAt !== null,
      feeTotal: d.feeTotal,
      feePaid: d.feePaid,
      nextStep: nextStepOf(d.status, d.feeTotal, d.feePaid),
      supplementItems: d.status === 'supplement_requested' ? await supplementItems(deps, d, version.documents) : [],
    },
    procedure,
    intents,
    lang,
  );
}

async function supplementItems(deps: Deps, d: DossierRow, documents: { id: string; name: string }[]): Promise<string[]> {
  const last = (await listEvents(deps.db, d.id)).reverse().find((e) => e.action === 'request_supplement');
  const requested = (last?.data as { requested?: { itemId?: string; name?: string }[] } | undefined)?.requested ?? [];
  return requested.map((r) => r.name ?? documents.find((doc) => doc.id === r.itemId)?.name ?? '').filter(Boolean);
}

/** The attached files against the checklist of the version in force (names, counts, types). */
export async function precheckFiles(deps: Pick<AppContext, 'db' | 'clock'>, input: PrecheckRequest): Promise<PrecheckResponse> {
  const v = await currentVersion(deps.db, input.procedureCode, deps.clock.now());
  if (!v) throw notFound('catalog.procedure_not_found', 'No such procedure.');
  const lang = input.language ?? 'vi';
  const documents = passagesOf(v, lang).find((p) => p.section === 'documents')!;
  return { code: v.code, version: v.version, procedureName: v.name, ...precheck(v.documents, input.files, lang), citations: [citationOf(documents)] };
}
