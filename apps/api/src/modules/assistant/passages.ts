import type { AssistantCitation, AssistantLanguage, ProcedureVersion } from '@motcua/contracts';
import { amountText, strings, timeText } from './templates.ts';

export type Section = 'procedure' | 'documents' | 'fees' | 'time' | 'where' | 'online' | 'conditions' | 'legal' | 'steps' | 'results';

/** One retrieved piece of a procedure version; answers cite these and nothing else. */
export type Passage = AssistantCitation & { section: Section; heading: string; lines: string[] };

/** Where a center would send the person, when the question came from one center's kiosk or page. */
export type CenterOffer = { offered: true; groupCode: string; groupName: string } | { offered: false } | null;

export const procedureUrl = (code: string) => `/citizen/procedures/${encodeURIComponent(code)}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

const MAX_DOCUMENTS = 15;
const MAX_STEPS = 8;

/** The passages of one version, in the person's language around the catalog's own words. */
export function passagesOf(v: ProcedureVersion, lang: AssistantLanguage, offer: CenterOffer = null): Passage[] {
  const s = strings[lang];
  const make = (section: Section, lines: string[]): Passage => ({
    id: `${v.code}@${v.version}#${section}`,
    code: v.code,
    version: v.version,
    versionId: v.id,
    section,
    procedureName: v.name,
    url: procedureUrl(v.code),
    heading: s.headings[section],
    lines,
  });

  const mandatory = v.documents.filter((d) => d.requirement === 'mandatory');
  const conditional = v.documents.filter((d) => d.requirement === 'conditional');
  const docLine = (d: ProcedureVersion['documents'][number], optional: boolean) => {
    const counts = [d.originals > 0 ? s.originals(d.originals) : null, d.copies > 0 ? s.copies(d.copies) : null, d.kind === 'present' ? s.present : null].filter(Boolean);
    return `${clip(d.name, 300)}${counts.length ? ` (${counts.join(', ')})` : ''}${optional ? ` — ${s.conditional}` : ''}`;
  };
  const documents = [...mandatory.map((d) => docLine(d, false)), ...conditional.map((d) => docLine(d, true))];

  const where = [v.levels.includes('commune') ? s.whereCommune : v.levels.includes('province') ? s.whereProvince : s.whereOther];
  if (v.competentAgency.trim()) where.push(s.agency(clip(v.competentAgency.trim(), 300)));
  if (v.boundaryFree) where.push(s.boundaryFree);
  if (offer) where.push(offer.offered ? s.thisCenter(offer.groupCode, offer.groupName) : s.notOfferedHere);

  const steps = v.steps.slice(0, MAX_STEPS).map((x) => clip(x, 400));
  if (v.steps.length > MAX_STEPS) steps.push(s.moreSteps(v.steps.length - MAX_STEPS));

  return [
    make('procedure', [s.procedureLine(v.name, v.code, v.version, v.sector)]),
    make('documents', documents.length ? documents.slice(0, MAX_DOCUMENTS) : [s.mandatoryNone]),
    make(
      'fees',
      v.channels.map((c) => `${s.channel[c.channel]}: ${c.fees === null ? s.feeUnknown : c.fees.length === 0 ? s.free : c.fees.map((f) => `${clip(f.label, 150)} ${amountText(f.amount)}`).join('; ')}`),
    ),
    make('time', v.channels.map((c) => `${s.channel[c.channel]}: ${timeText(s, c.timeLimit)}`)),
    make('where', where),
    make('online', [s.online[v.onlineLevel]]),
    make('conditions', v.conditions.trim() ? [clip(v.conditions.trim(), 800)] : [s.noConditions]),
    make('legal', v.legalBasis.slice(0, 10).map((l) => `${l.number} — ${clip(l.title, 200)}`)),
    make('steps', steps),
    make('results', v.results.map((r) => r.name)),
  ].filter((p) => p.lines.length > 0);
}

/** A citation as the client sees it (without the passage text). */
export const citationOf = ({ id, code, version, versionId, section, procedureName, url }: Passage): AssistantCitation => ({ id, code, version, versionId, section, procedureName, url });
