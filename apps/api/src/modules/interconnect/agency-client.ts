import type { InterconnectSubmission } from '../dossier/index.ts';

/**
 * Sends one part of an interconnected dossier to the deciding agency. Any non-2xx answer or
 * network failure throws, so the outbox retries with backoff; the idempotency key makes a retry
 * after a lost acknowledgement harmless on the agency's side.
 */
export async function submitToAgency(
  s: InterconnectSubmission,
  target: { agencyUrl: string; callbackUrl: string; timeoutMs?: number },
): Promise<void> {
  const res = await fetch(`${target.agencyUrl.replace(/\/$/, '')}/agencies/${s.agency}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `${s.dossierId}:submit` },
    body: JSON.stringify({ code: s.code, procedureCode: s.procedureCode, procedureName: s.procedureName, applicant: s.applicant, dueAt: s.dueAt, callbackUrl: target.callbackUrl }),
    signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
  });
  if (!res.ok) throw new Error(`agency ${s.agency} answered HTTP ${res.status}`);
}
