import type { AskResponse, AssistantFact, AssistantIntent, AssistantLanguage, ProcedureVersion } from '@motcua/contracts';
import { sectionsFor } from './intents.ts';
import { citationOf, passagesOf, procedureUrl, type CenterOffer, type Passage } from './passages.ts';
import type { Ranked } from './retrieval.ts';
import { strings } from './templates.ts';

/** An answer before it gets its id and is logged; `passages` is everything retrieved for it. */
export type Composed = Omit<AskResponse, 'id' | 'source'> & { passages: Passage[] };

/** Below this score the best name shares too little with the question: say so, don't guess. */
export const MIN_SCORE = 11;
/** Runner-up this close to the best (and a different procedure): ask which one. */
export const AMBIGUOUS_RATIO = 0.96;

export type Decision = { kind: 'none' } | { kind: 'one'; best: Ranked } | { kind: 'ambiguous'; options: Ranked[] };

export function decide(ranked: Ranked[]): Decision {
  const [best, second] = ranked;
  if (!best || best.score < MIN_SCORE) return { kind: 'none' };
  if (second && second.score >= AMBIGUOUS_RATIO * best.score && second.entry.name !== best.entry.name) {
    return { kind: 'ambiguous', options: ranked.filter((r) => r.score >= 0.85 * best.score).slice(0, 4) };
  }
  return { kind: 'one', best };
}

const empty = { candidates: [], dossier: null };

/** Facts from one version for what was asked, each citing the passage it was built from. */
export function catalogAnswer(v: ProcedureVersion, intents: AssistantIntent[], lang: AssistantLanguage, offer: CenterOffer): Composed {
  const passages = passagesOf(v, lang, offer);
  const bySection = new Map(passages.map((p) => [p.section, p]));
  const wanted = ['procedure', ...sectionsFor(intents)] as const;
  const used = wanted.map((s) => bySection.get(s)).filter((p): p is Passage => p !== undefined);
  const facts: AssistantFact[] = used.map((p) => ({ intent: p.section === 'procedure' ? 'procedure' : (p.section as AssistantFact['intent']), heading: p.heading, lines: p.lines, citations: [p.id] }));
  return {
    kind: 'answer',
    language: lang,
    intents,
    text: summaryOf(v, used, intents, lang),
    facts,
    citations: used.map(citationOf),
    passages: used,
    ...empty,
  };
}

/** The procedure, and for one short question (fees, time, where, online) its answer in the same breath. */
function summaryOf(v: ProcedureVersion, used: Passage[], intents: AssistantIntent[], lang: AssistantLanguage): string {
  const base = strings[lang].summary(v.name, v.code);
  const only = intents.length === 1 ? used.find((p) => p.section === intents[0]) : undefined;
  if (!only || !['fees', 'time', 'where', 'online'].includes(only.section) || only.lines.length > 3) return base;
  return `${base} ${only.heading}: ${only.lines.join('; ')}.`.replace(/\.\.$/, '.');
}

/** Which of these did you mean: each candidate named with its code, version and page. */
export function clarifyAnswer(options: Ranked[], intents: AssistantIntent[], lang: AssistantLanguage): Composed {
  const passages: Passage[] = options.map(({ entry: e }) => ({
    id: `${e.code}@${e.version}#procedure`,
    code: e.code,
    version: e.version,
    versionId: e.versionId,
    section: 'procedure',
    procedureName: e.name,
    url: procedureUrl(e.code),
    heading: strings[lang].headings.procedure,
    lines: [e.name],
  }));
  return {
    kind: 'clarify',
    language: lang,
    intents,
    text: strings[lang].clarify,
    facts: passages.map((p) => ({ intent: 'procedure', heading: p.heading, lines: [`${p.procedureName} (${p.code})`], citations: [p.id] })),
    citations: passages.map(citationOf),
    passages,
    candidates: options.map(({ entry: e }) => ({ code: e.code, name: e.name, version: e.version, url: procedureUrl(e.code) })),
    dossier: null,
  };
}

/** Nothing in the catalog matches: no facts, no citations, and where to ask instead. */
export function notFoundAnswer(intents: AssistantIntent[], lang: AssistantLanguage): Composed {
  return { kind: 'not_found', language: lang, intents, text: strings[lang].notFound, facts: [], citations: [], passages: [], ...empty };
}
