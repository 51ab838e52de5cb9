import { ApiError } from '../../lib/api.ts';

/** What went wrong with one field, as a key under `dossier.fieldError` (the server's own words are English). */
export type FieldErrorCode =
  | 'idFormat'
  | 'idSexCentury'
  | 'idYear'
  | 'fullName'
  | 'sex'
  | 'date'
  | 'addressLine'
  | 'communeCode'
  | 'phone'
  | 'email'
  | 'relation'
  | 'missingDocument'
  | 'reasonRequired'
  | 'supplementEmpty'
  | 'notInList'
  | 'legalReason'
  | 'assignee'
  | 'newDue'
  | 'procedure'
  | 'invalid';

export type FieldError = { path: string; code: FieldErrorCode };

function codeFor(path: string, message: string): FieldErrorCode {
  const last = path.split('.').pop() ?? '';
  if (path.startsWith('checklist.')) return 'missingDocument';
  if (last === 'idNumber') {
    if (message.includes('4th digit')) return 'idSexCentury';
    if (message.includes('5-6')) return 'idYear';
    return 'idFormat';
  }
  if (last === 'dateOfBirth' || last === 'idIssuedOn') return 'date';
  if (last === 'newDueAt') return 'newDue';
  if (last === 'fullName') return 'fullName';
  if (last === 'sex') return 'sex';
  if (path.endsWith('address.line')) return 'addressLine';
  if (last === 'communeCode') return 'communeCode';
  if (last === 'phone') return 'phone';
  if (last === 'email') return 'email';
  if (last === 'relation') return 'relation';
  if (last === 'reason') return 'reasonRequired';
  if (path === 'supplementItems') return 'supplementEmpty';
  if (/^items\.\d+\.itemId$/.test(path)) return 'notInList';
  if (/^items\.\d+\.legalReason$/.test(path)) return 'legalReason';
  if (last === 'assigneeId') return 'assignee';
  if (last === 'procedureCode') return 'procedure';
  return 'invalid';
}

/**
 * Field errors of a 400 problem, with paths as the form names them: schema errors come as
 * `body.applicant.phone`, business-rule errors as `applicant.idNumber`; both become the latter.
 */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  return error.problem.errors.map((e) => {
    const path = e.path.replace(/^body\./, '');
    return { path, code: codeFor(path, e.message) };
  });
}

/** First error for a path, for `aria-describedby` and the message under the field. */
export function errorAt(errors: readonly FieldError[], path: string): FieldError | undefined {
  return errors.find((e) => e.path === path);
}
