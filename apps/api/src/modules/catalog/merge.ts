// What a procedure says after an import row is applied: the row's fields over the current
// content. Fields a file leaves out keep their value; derived fields (online level, boundary-free,
// agency type) are worked out only for new procedures or when the current value contradicts the
// new channels, so an admin's correction survives re-importing the same file.
import type { ChannelTerms, ProcedureContent } from '@motcua/contracts';
import type { ImportRow } from './import-parse.ts';
import { agencyTypeOf, boundaryFreeOf, onlineLevelOf } from './source-parse.ts';

export type Merged = { ok: true; content: ProcedureContent } | { ok: false; message: string };

export function mergeRow(current: ProcedureContent | undefined, row: ImportRow): Merged {
  const f = row.fields;
  if (!current) {
    if (!f.name || !f.sector || !f.levels) return { ok: false, message: 'a new procedure needs a name, a sector and its levels' };
    const channels = f.channels ?? [];
    return {
      ok: true,
      content: {
        name: f.name,
        sector: f.sector,
        ministry: f.ministry ?? '',
        levels: f.levels,
        procedureType: f.procedureType ?? '',
        decisionNumber: f.decisionNumber ?? '',
        applicantTypes: f.applicantTypes ?? [],
        competentAgency: f.competentAgency ?? '',
        agencyType: f.agencyType ?? agencyTypeOf(f.competentAgency ?? '', f.levels),
        channels,
        onlineLevel: f.onlineLevel ?? onlineLevelOf(channels),
        boundaryFree: f.boundaryFree ?? boundaryFreeOf(f.levels),
        documents: f.documents ?? [],
        documentNotes: f.documentNotes ?? [],
        results: f.results ?? [],
        steps: f.steps ?? [],
        legalBasis: f.legalBasis ?? [],
        conditions: f.conditions ?? '',
        sourceUrl: f.sourceUrl ?? '',
      },
    };
  }
  const channels = f.channels ? (row.keepReadings ? withCurrentReadings(f.channels, current.channels) : f.channels) : current.channels;
  const hasOnline = channels.some((c) => c.channel === 'online');
  const onlineConsistent = (current.onlineLevel !== 'none') === hasOnline;
  return {
    ok: true,
    content: {
      ...current,
      ...f,
      channels,
      onlineLevel: f.onlineLevel ?? (onlineConsistent ? current.onlineLevel : onlineLevelOf(channels)),
      boundaryFree: f.boundaryFree ?? current.boundaryFree,
      agencyType: f.agencyType ?? current.agencyType,
    },
  };
}

/**
 * A CSV row carries the published texts but no notes or context: where a channel's published
 * time or fee text is unchanged, the catalog's reading of it (possibly corrected by an admin, or
 * read with the steps as context) is kept along with the notes.
 */
function withCurrentReadings(next: ChannelTerms[], current: ChannelTerms[]): ChannelTerms[] {
  return next.map((c) => {
    const old = current.find((o) => o.channel === c.channel);
    if (!old) return c;
    const keep = <T extends ChannelTerms['cases'][number]>(n: T, o: ChannelTerms['cases'][number] | undefined): T =>
      o
        ? {
            ...n,
            timeLimit: n.timeLimitText === o.timeLimitText ? o.timeLimit : n.timeLimit,
            fees: n.feeText === o.feeText ? o.fees : n.fees,
            note: n.note || o.note,
          }
        : n;
    return { ...keep(c, old), cases: c.cases.map((k, i) => keep(k, old.cases[i])) };
  });
}
