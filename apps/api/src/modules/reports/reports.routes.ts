import { z } from 'zod';
import { ActivityFigures, DrillResponse, DrillSet, IndicatorId, Leaderboard, Problem, ScoreConfig, ScoreResponse, Trend } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { breakdown } from './breakdown.ts';
import { officerFigures } from './drill.repo.ts';
import { drillDown, periodOf, unitFor } from './reports.service.ts';
import { activityOf, leaderboard, loadScoreConfig, trend, unitScore } from './score.service.ts';
import { saveScoreConfig } from './config.service.ts';

export const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };
export const PeriodQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const UnitQuery = PeriodQuery.extend({
  unitCode: z
    .string()
    .regex(/^(\d{2}|\d{5}|H\d{2}(\.\d{1,3})?)$/, 'a province code (46), a commune code (19753) or an agency code (H46.01)')
    .optional(),
});
const UnitView = z.object({ kind: z.enum(['province', 'unit']), unitCode: z.string(), name: z.string(), provinceCode: z.string() });

export function reportsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/reports/score',
    {
      schema: {
        operationId: 'getScore',
        tags: ['reports'],
        summary: '766 index of a unit over a period (dates inclusive, local): total, band, stars, groups and indicators (§4.2 ids)',
        querystring: UnitQuery,
        response: { 200: ScoreResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      return (await unitScore(ctx, unit, periodOf(ctx, request.query))).score;
    },
  );

  app.get(
    '/api/v1/reports/summary',
    {
      schema: {
        operationId: 'getReportSummary',
        tags: ['reports'],
        summary: 'Dashboard of a unit: the 766 index and the activity figures of the period',
        querystring: UnitQuery,
        response: { 200: z.object({ unit: UnitView, from: z.string(), to: z.string(), score: ScoreResponse, activity: ActivityFigures }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      const period = periodOf(ctx, request.query);
      const s = await unitScore(ctx, unit, period);
      return { unit: { kind: unit.kind, unitCode: unit.unitCode, name: unit.name, provinceCode: unit.provinceCode }, ...period, score: s.score, activity: activityOf(s.sums) };
    },
  );

  app.get(
    '/api/v1/reports/leaderboard',
    {
      schema: {
        operationId: 'getLeaderboard',
        tags: ['reports'],
        summary: "Every commune of the province admin's province with dossiers in the period, ranked by the 766 index",
        querystring: PeriodQuery,
        response: { 200: Leaderboard, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role !== 'province_admin') throw forbidden('reports.province_only', 'The leaderboard is for the province admin.');
      return leaderboard(ctx, actor.provinceCode, periodOf(ctx, request.query));
    },
  );

  app.get(
    '/api/v1/reports/trend',
    {
      schema: {
        operationId: 'getScoreTrend',
        tags: ['reports'],
        summary: 'The 766 index month by month, ending with the month of `to`',
        querystring: UnitQuery.extend({ months: z.coerce.number().int().min(1).max(24).default(6) }),
        response: { 200: Trend, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      return trend(ctx, unit, periodOf(ctx, request.query).to, request.query.months);
    },
  );

  app.get(
    '/api/v1/reports/drill',
    {
      schema: {
        operationId: 'drillIndicator',
        tags: ['reports'],
        summary: 'The dossiers behind an indicator: its denominator, numerator, or the ones that cost points (missing)',
        querystring: UnitQuery.extend({
          indicator: IndicatorId,
          set: DrillSet.default('missing'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: DrillResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { indicator, set, limit, offset } = request.query;
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      return drillDown(ctx, unit, periodOf(ctx, request.query), { indicator, set, limit, offset });
    },
  );

  app.get(
    '/api/v1/reports/breakdown',
    {
      schema: {
        operationId: 'getReportBreakdown',
        tags: ['reports'],
        summary: 'Activity of a unit per procedure, sector or officer: received, handled on time and late, online, average working days',
        querystring: UnitQuery.extend({ by: z.enum(['procedure', 'sector', 'officer']) }),
        response: {
          200: z.object({
            by: z.enum(['procedure', 'sector', 'officer']),
            rows: z.array(z.object({ key: z.string(), label: z.string(), received: z.number(), handled: z.number(), onTime: z.number(), late: z.number(), online: z.number(), avgProcessingDays: z.number().nullable() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitFor(ctx, actor, request.query.unitCode);
      return { by: request.query.by, rows: await breakdown(ctx, unit, periodOf(ctx, request.query), request.query.by) };
    },
  );

  app.get(
    '/api/v1/reports/officer',
    {
      schema: {
        operationId: 'getOfficerFigures',
        tags: ['reports'],
        summary: 'My own figures: dossiers handled on time and late, open ones, average working days',
        querystring: PeriodQuery,
        response: {
          200: z.object({ from: z.string(), to: z.string(), handled: z.number(), onTime: z.number(), late: z.number(), open: z.number(), openLate: z.number(), avgProcessingDays: z.number().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.centerId) throw forbidden('reports.staff_only', 'The officer view is for center staff.');
      const period = periodOf(ctx, request.query);
      const f = await officerFigures(ctx.db, actor.userId, period);
      const avg = f.avg_days === null ? null : Math.round(Number(f.avg_days) * 100) / 100;
      return { ...period, handled: f.handled, onTime: f.on_time, late: f.late, open: f.open, openLate: f.open_late, avgProcessingDays: avg };
    },
  );

  app.get(
    '/api/v1/reports/config',
    { schema: { operationId: 'getScoreConfig', tags: ['reports'], summary: "The province's 766 weights, caps, bands and star thresholds", response: { 200: ScoreConfig, ...errors } } },
    async (request) => loadScoreConfig(ctx.db, requireActor(request).provinceCode),
  );

  app.put(
    '/api/v1/reports/config',
    {
      schema: {
        operationId: 'setScoreConfig',
        tags: ['reports'],
        summary: 'Replace the weights and thresholds (province admin) when the portal changes its method',
        body: ScoreConfig,
        response: { 200: ScoreConfig, ...errors },
      },
    },
    async (request) => saveScoreConfig(ctx, requireActor(request), request.body),
  );
}
