import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';

const KNOWN = [
  'stale',
  'illegal_action',
  'role_not_allowed',
  'read_only',
  'not_found',
  'second_supplement_needs_director',
  'apology_once',
  'procedure_not_offered',
  'no_time_limit',
  'not_boundary_free',
  'intake_not_allowed',
  'no_center',
  'idempotency_key_reused',
] as const;
type Known = (typeof KNOWN)[number];

/** A 409 on a dossier: someone acted first or the dossier moved on; the page must reload. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code.startsWith('dossier.');
}

/** Dossier-specific sentences first, then the app-wide ones (network, validation, generic). */
export function dossierErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code.startsWith('dossier.')) {
    const last = error.code.slice('dossier.'.length);
    const known = KNOWN.find((k): k is Known => k === last);
    if (known) return t(`dossier.errors.${known}`);
  }
  if (error instanceof ApiError && error.code === 'catalog.procedure_not_found') return t('dossier.errors.procedure_not_found');
  if (error instanceof ApiError && error.status === 403) return t('dossier.errors.forbidden');
  return errorMessage(error, t);
}
