import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DrillSet, ImportResult, IndicatorId } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { breakdown, breakdownTable } from './breakdown.ts';
import { mime, toCsv, toXlsx, type Table } from './export.ts';
import { importDossiers } from './import.service.ts';
import { csvRows } from './import-parse.ts';
import { renderMonthlyReport } from './monthly-pdf.ts';
import { errors, UnitQuery } from './reports.routes.ts';
import { drillDown, periodOf, unitFor } from './reports.service.ts';
import { leaderboardTable, scoreTable, drillTable } from './tables.ts';
import { activityOf, leaderboard, monthsBack, unitScore } from './score.service.ts';

const fileBody = z.any().describe('CSV (text/csv), XLSX or PDF document');
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function reportFileRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/reports/export',
    {
      schema: {
        operationId: 'exportReportTable',
        tags: ['reports'],
        summary: 'Any report table as CSV or XLSX: the leaderboard, a score, a drill-down list, or activity per procedure, sector or officer',
        querystring: UnitQuery.extend({
          table: z.enum(['leaderboard', 'score', 'drill', 'breakdown']),
          by: z.enum(['procedure', 'sector', 'officer']).default('procedure'),
          format: z.enum(['csv', 'xlsx']),
          indicator: IndicatorId.optional(),
          set: DrillSet.default('missing'),
        }),
        response: { 200: fileBody, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      const period = periodOf(ctx, q);
      let table: Table;
      if (q.table === 'leaderboard') {
        if (actor.role !== 'province_admin') throw forbidden('reports.province_only', 'The leaderboard is for the province admin.');
        table = leaderboardTable(await leaderboard(ctx, actor.provinceCode, period));
      } else {
        const unit = await unitFor(ctx, actor, q.unitCode);
        if (q.table === 'score') table = scoreTable(unit.name, (await unitScore(ctx, unit, period)).score);
        else if (q.table === 'breakdown') table = breakdownTable(q.by, await breakdown(ctx, unit, period, q.by));
        else {
          if (!q.indicator) throw new DomainError('validation', 'reports.indicator_required', 'Say which indicator to list.', { errors: [{ path: 'indicator', message: 'required' }] });
          table = drillTable(await drillDown(ctx, unit, period, { indicator: q.indicator, set: q.set, limit: 100_000, offset: 0 }));
        }
      }
      const body = q.format === 'csv' ? toCsv(table) : await toXlsx(table, ctx.clock.now());
      const name = `${q.table}-${period.from}-${period.to}.${q.format}`;
      return reply.type(mime[q.format]).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/api/v1/reports/monthly.pdf',
    {
      schema: {
        operationId: 'getMonthlyReport',
        tags: ['reports'],
        summary: 'The monthly report (A4 PDF): the 766 index by indicator and the month’s activity',
        querystring: z.object({ unitCode: UnitQuery.shape.unitCode, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional() }),
        response: { 200: fileBody, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      const to = periodOf(ctx, {}).to;
      const period = monthsBack(request.query.month ? `${request.query.month}-28` : to, 1)[0]!;
      const full = request.query.month ? { from: period.from, to: lastDay(period.from) < to ? lastDay(period.from) : to } : period;
      const s = await unitScore(ctx, unit, full);
      const pdf = await renderMonthlyReport({ unitName: unit.name, month: full.from.slice(0, 7), ...full, score: s.score, activity: activityOf(s.sums), createdAt: ctx.clock.now() });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="bao-cao-${unit.unitCode}-${full.from.slice(0, 7)}.pdf"`).send(Buffer.from(pdf));
    },
  );

  // Historical dossiers: a JSON array, or the same as CSV (the parser lives in this scope only).
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/imports/dossiers',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          operationId: 'importDossiers',
          tags: ['reports'],
          summary: 'Import historical dossiers (JSON array or text/csv): every row checked, all or nothing, idempotent on code; a bad row is named',
          consumes: ['application/json', 'text/csv'],
          body: z.union([z.array(z.unknown()).max(200_000), z.string()]),
          response: { 200: ImportResult, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = typeof request.body === 'string' ? parseCsvOr400(request.body) : request.body;
        return importDossiers(ctx, actor, rows);
      },
    );
  });
}

function parseCsvOr400(text: string): Record<string, unknown>[] {
  try {
    return csvRows(text);
  } catch (err) {
    throw new DomainError('validation', 'reports.import_bad_csv', `The CSV file cannot be read: ${(err as Error).message}. Nothing was imported.`);
  }
}

function lastDay(first: string): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
