import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { readTimeline } from '../dossier/index.ts';
import { renderControlSheet } from './control-sheet.ts';
import { availableForms, formEvent, loadFormSource, type FormNo } from './forms.data.ts';
import { renderNotice } from './notices.ts';
import type { Layout } from './pdf/sheet.ts';
import { renderReceipt } from './receipt.ts';

export type RenderedForm = { pdf: Uint8Array; filename: string };

/**
 * One form of one dossier as PDF, drawn from the timeline event that produced it (the latest, or
 * the one at `seq`). A form the dossier has not produced yet is a 404, like a missing file.
 */
export async function renderForm(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  dossierId: string,
  form: FormNo,
  opts: { layout: Layout; seq?: number; origin: string },
): Promise<RenderedForm> {
  if (opts.layout === 'thermal' && form !== '01') {
    throw new DomainError('validation', 'forms.layout_unsupported', 'Only Form 01 has an 80 mm thermal layout.', { errors: [{ path: 'layout', message: 'thermal is for Form 01 only' }] });
  }
  const src = await loadFormSource(ctx, actor, dossierId, opts.origin);
  const filename = `${src.dossier.code}-mau-${form}${opts.layout === 'thermal' ? '-80mm' : ''}.pdf`;
  if (form === '06') return { pdf: await renderControlSheet(src), filename };
  const event = formEvent(src, form, opts.seq);
  if (!event) throw notFound('forms.not_available', `This dossier has no Form ${form} yet.`);
  const pdf = form === '01' ? await renderReceipt(src, event, opts.layout) : await renderNotice(src, event, form);
  return { pdf, filename };
}

export async function listForms(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, dossierId: string) {
  const timeline = await readTimeline(ctx, actor, dossierId);
  return availableForms({ events: timeline.events.map((e) => ({ ...e, at: new Date(e.at) })) });
}
