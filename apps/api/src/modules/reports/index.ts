import type { HttpModule } from '../../platform/http/app.ts';
import { reportFileRoutes } from './files.routes.ts';
import { reportsRoutes } from './reports.routes.ts';

/**
 * Reports and the 766 index: per-dossier facts (live dossiers projected by a job, history imported),
 * per-day rollups kept by a database trigger, scores as pure functions over their sums, dashboards,
 * drill-downs, CSV/XLSX exports and the monthly PDF.
 */
export { toFact, type DossierSnapshot } from './facts.ts';
export { refreshReports } from './project.ts';
export { rebuildProvince, rollupAll } from './rollup.ts';
export { score, type ScoreCounts } from './score.ts';
export { leaderboard, unitScore } from './score.service.ts';
export { resolveUnit } from './units.repo.ts';

export const reportsModule: HttpModule = {
  name: 'reports',
  register: (app, ctx) => {
    reportsRoutes(app, ctx);
    reportFileRoutes(app, ctx);
  },
};
