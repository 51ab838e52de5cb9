/**
 * The one error type domain code throws. The HTTP layer maps `kind` to a status;
 * services never know about HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'business_rule'
  | 'rate_limited'
  | 'unavailable';

export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, namespaced code such as `auth.invalid_credentials`. */
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, details ? { details } : {});
