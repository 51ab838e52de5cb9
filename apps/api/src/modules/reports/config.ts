import type { IndicatorConfig, IndicatorId, ScoreConfig } from '@motcua/contracts';

const linear = (max: number, whenEmpty: IndicatorConfig['whenEmpty'] = 'zero'): IndicatorConfig => ({ max, cap: null, whenEmpty });
const capped = (max: number, cap: number, whenEmpty: IndicatorConfig['whenEmpty'] = 'zero'): IndicatorConfig => ({ max, cap, whenEmpty });

/**
 * The portal's method as of 2026 (domain-rules.md §4.2): maxima sum to 100. A province admin
 * replaces this in `report_config` when the portal changes it; nothing else holds a weight.
 * "full" when empty: nothing published late (1.1–1.3), no petitions (5.2, 5.3), no certification
 * dossiers (4.6), as the portal scores them.
 */
const indicators: Record<IndicatorId, IndicatorConfig> = {
  '1.1': linear(6, 'full'),
  '1.2': linear(4, 'full'),
  '1.3': linear(2, 'full'),
  '1.4': linear(6),
  '2.1': linear(20),
  '3.1': capped(2, 0.8),
  '3.2': linear(4),
  '3.3': capped(6, 0.5),
  '3.5a': capped(2, 0.8),
  '3.5b': capped(2, 0.8),
  '3.6': linear(6),
  '4.1': linear(6),
  '4.2': capped(4, 0.8),
  '4.3': capped(2, 0.8),
  '4.4': linear(4),
  '4.5a': linear(2),
  '4.5b': linear(2),
  '4.6': linear(2, 'full'),
  '5.2': linear(6, 'full'),
  '5.3': linear(6, 'full'),
  '5.4': capped(6, 0.9),
};

/** Bands: ≥ 90 excellent and < 50 weak are official [S10]; "good" from 70 is ours (configurable). */
export const defaultScoreConfig: ScoreConfig = {
  indicators,
  bands: { excellent: 90, good: 70, average: 50 },
  stars: [50, 65, 80, 90],
};

/** A stored configuration may predate an indicator: anything missing falls back to the default. */
export function withDefaults(stored: Partial<ScoreConfig> | null | undefined): ScoreConfig {
  if (!stored) return defaultScoreConfig;
  return {
    indicators: { ...defaultScoreConfig.indicators, ...(stored.indicators ?? {}) },
    bands: stored.bands ?? defaultScoreConfig.bands,
    stars: stored.stars ?? defaultScoreConfig.stars,
  };
}
