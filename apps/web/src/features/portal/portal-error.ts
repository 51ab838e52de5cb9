import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';

/** A translated sentence for a failed portal call (never the server's English detail). */
export function portalError(error: unknown, t: TFunction<'portal'>): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.isNetwork) return t('errors.network');
  const code = error.code;
  if (code === 'citizen.otp_invalid') return t('errors.otpInvalid');
  if (code === 'citizen.otp_too_soon') return t('errors.otpTooSoon');
  if (code === 'citizen.registry_no_match') return t('errors.registryNoMatch');
  if (code === 'citizen.registry_unavailable') return t('errors.registryDown');
  if (code === 'citizen.file_rejected') return t('errors.fileRejected');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status === 400 || error.status === 422) {
    const list = (error.problem?.errors ?? []).map((e) => e.path).join(', ');
    return t('errors.invalid', { list: list || code });
  }
  return t('errors.generic');
}
