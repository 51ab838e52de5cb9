import type { ScoreConfig } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { withDefaults } from './config.ts';
import { reportConfig } from './reports.tables.ts';

/** A province admin replaces the configuration; it must stay a 100-point index with ordered thresholds. */
export async function saveScoreConfig(deps: Pick<AppContext, 'db' | 'clock'>, actor: Actor, input: ScoreConfig): Promise<ScoreConfig> {
  if (actor.role !== 'province_admin') throw forbidden('reports.config_admin_only', 'Only the province admin changes the scoring method.');
  const config = withDefaults(input);
  const total = Object.values(config.indicators).reduce((s, i) => s + i.max, 0);
  const errors = [];
  if (Math.abs(total - 100) > 1e-9) errors.push({ path: 'indicators', message: `maxima sum to ${total}, not 100` });
  if (!(config.bands.average <= config.bands.good && config.bands.good <= config.bands.excellent)) errors.push({ path: 'bands', message: 'average ≤ good ≤ excellent' });
  if (config.stars.some((t, i) => i > 0 && t < config.stars[i - 1]!)) errors.push({ path: 'stars', message: 'ascending thresholds' });
  if (errors.length > 0) throw new DomainError('validation', 'reports.bad_config', 'The configuration is not a valid 100-point index.', { errors });
  const now = deps.clock.now();
  await deps.db
    .insert(reportConfig)
    .values({ provinceCode: actor.provinceCode, config, updatedAt: now, updatedBy: actor.userId })
    .onConflictDoUpdate({ target: reportConfig.provinceCode, set: { config, updatedAt: now, updatedBy: actor.userId } });
  return config;
}
