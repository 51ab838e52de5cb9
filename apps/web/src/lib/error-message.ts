import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

const KNOWN = ['invalid_credentials', 'rate_limited', 'validation_failed'] as const;
type Known = (typeof KNOWN)[number];

function knownCode(code: string): Known | undefined {
  // Server codes may be namespaced ("auth.invalid_credentials"); the last segment is what we translate.
  const last = code.split('.').pop();
  return KNOWN.find((known) => known === last);
}

/** A translated sentence for any failure; never shows the server's English `detail` to the user. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic', { code: 'client' });
  if (error.isNetwork) return t('errors.network');
  const known = knownCode(error.code);
  if (known) return t(`errors.${known}`);
  if (error.status === 429) return t('errors.rate_limited');
  if (error.status === 400 || error.status === 422) return t('errors.validation_failed');
  return t('errors.generic', { code: error.code });
}
