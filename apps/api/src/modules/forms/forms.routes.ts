import { z } from 'zod';
import { AvailableForm, FormNo, FormQuery, Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { toLocalIso } from '../calendar/index.ts';
import { listForms, renderForm } from './forms.service.ts';

/** Binary bodies are sent as Buffers, which Fastify never serialises; the schema only documents them. */
export const pdfBody = z.any().describe('PDF document (application/pdf)');
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** The origin printed in QR codes: the configured public URL, else the one the request came to. */
export const publicOrigin = (ctx: AppContext, request: { protocol: string; host: string }) => ctx.config.publicOrigin ?? `${request.protocol}://${request.host}`;

export const formUrl = (dossierId: string, form: string, layout: 'a4' | 'thermal' = 'a4') =>
  `/api/v1/dossiers/${dossierId}/forms/${form}.pdf${layout === 'thermal' ? '?layout=thermal' : ''}`;

export function formsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/dossiers/:id/forms',
    {
      schema: {
        operationId: 'listDossierForms',
        tags: ['forms'],
        summary: 'Forms this dossier can print now (01–05 once produced by an action; 06 always)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(AvailableForm) }), ...errors },
      },
    },
    async (request) => {
      const items = await listForms(ctx, requireActor(request), request.params.id);
      return {
        items: items.map((f) => ({
          form: f.form,
          seq: f.seq,
          at: f.at ? toLocalIso(f.at) : null,
          url: `${formUrl(request.params.id, f.form)}${f.seq !== null ? `?seq=${f.seq}` : ''}`,
          layouts: f.form === '01' ? (['a4', 'thermal'] as const).slice() : (['a4'] as const).slice(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/:id/forms/:form.pdf',
    {
      schema: {
        operationId: 'getDossierForm',
        tags: ['forms'],
        summary: 'A form as PDF (application/pdf): 01 receipt (A4 or 80 mm thermal), 02 supplement, 03 refusal, 04 apology, 05 stop, 06 control sheet',
        params: z.object({ id: z.uuid(), form: FormNo }),
        querystring: FormQuery,
        response: { 200: pdfBody, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { layout, seq } = request.query;
      const out = await renderForm(ctx, actor, request.params.id, request.params.form, { layout, ...(seq !== undefined ? { seq } : {}), origin: publicOrigin(ctx, request) });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${out.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(out.pdf));
    },
  );
}
