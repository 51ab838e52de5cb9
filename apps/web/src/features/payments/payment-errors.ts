import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';

const KNOWN = ['gateway_unavailable', 'already_paid', 'no_fee', 'not_payable', 'wrong_amount', 'not_found'] as const;

/** A translated sentence for a payments failure; other failures get the shared wording. */
export function paymentError(error: unknown, t: TFunction<'payments'>, shared: TFunction): string {
  const last = error instanceof ApiError ? error.code.split('.').pop() : undefined;
  const known = KNOWN.find((k) => k === last);
  return known ? t(`errors.${known}`) : errorMessage(error, shared);
}
