import type { Center, ProcedureVersion, Timeline } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { loadCalendar, type WorkingCalendar } from '../calendar/index.ts';
import { userNames } from '../auth/index.ts';
import { getVersion } from '../catalog/index.ts';
import { findDossier, readTimeline, trackingSecretOf, visibleOr404, type DossierRow } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';

export type FormNo = '01' | '02' | '03' | '04' | '05' | '06';
export const formNumbers: readonly FormNo[] = ['01', '02', '03', '04', '05', '06'];

export type FormEvent = Omit<Timeline['events'][number], 'at'> & { at: Date };

/** Everything a form is drawn from, read once: the dossier, its checked timeline, the procedure version, the centers. */
export type FormSource = {
  dossier: DossierRow;
  events: FormEvent[];
  chainIntact: boolean;
  version: ProcedureVersion | null;
  receiving: Center;
  competent: Center;
  calendar: WorkingCalendar;
  /** Names of the people events point at (assignees), by user id. */
  names: Map<string, string>;
  /** Public origin for QR links, e.g. https://motcua.hue.gov.vn */
  origin: string;
  printedAt: Date;
  /** Second factor for public tracking, printed on Form 01 (the last 4 phone digits also work). */
  trackingSecret?: string;
};

export async function loadFormSource(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, dossierId: string, origin: string): Promise<FormSource> {
  const dossier = visibleOr404(actor, await findDossier(ctx.db, dossierId));
  const [timeline, version, receiving, competent, calendar] = await Promise.all([
    readTimeline(ctx, actor, dossier.id),
    getVersion(ctx.db, dossier.procedureVersionId),
    findCenter(ctx.db, dossier.centerId),
    findCenter(ctx.db, dossier.competentCenterId),
    loadCalendar(ctx),
  ]);
  const assignees = [...new Set(timeline.events.map((e) => e.data.assigneeId).filter((x): x is string => typeof x === 'string'))];
  const names = await userNames(ctx.db, assignees);
  if (!receiving || !competent) throw notFound('units.center_not_found', 'The dossier’s center is not in the database.');
  return {
    dossier,
    events: timeline.events.map((e) => ({ ...e, at: new Date(e.at) })),
    chainIntact: timeline.chainIntact,
    version,
    receiving,
    competent,
    calendar,
    names,
    origin: origin.replace(/\/+$/, ''),
    printedAt: ctx.clock.now(),
    trackingSecret: await trackingSecretOf(ctx, dossier.id),
  };
}

/** The event that produced a form (the latest, or the one at `seq`); Form 06 needs none. */
export function formEvent(src: FormSource, form: FormNo, seq?: number): FormEvent | null {
  const matching = src.events.filter((e) => e.data.form === form && (seq === undefined || e.seq === seq));
  return matching.at(-1) ?? null;
}

/** Forms this dossier can print now: one entry per producing event, plus the control sheet. */
export function availableForms(src: Pick<FormSource, 'events'>): { form: FormNo; seq: number | null; at: Date | null }[] {
  const out: { form: FormNo; seq: number | null; at: Date | null }[] = [];
  for (const e of src.events) {
    const form = e.data.form;
    if (typeof form === 'string' && (formNumbers as readonly string[]).includes(form) && form !== '06') out.push({ form: form as FormNo, seq: e.seq, at: e.at });
  }
  out.push({ form: '06', seq: null, at: null });
  return out;
}

export const trackingUrl = (src: Pick<FormSource, 'origin' | 'dossier'>) => `${src.origin}/tra-cuu/${encodeURIComponent(src.dossier.code)}`;
