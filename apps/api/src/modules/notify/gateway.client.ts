/**
 * Adapter for the SMS / e-mail gateway (brand-name SMS API over HTTP). The Idempotency-Key makes a
 * retried delivery arrive once. Any non-2xx answer or network failure throws, so the outbox retries.
 */
export async function sendThroughGateway(
  baseUrl: string,
  channel: 'sms' | 'email',
  message: { to: string; text: string; subject?: string },
  idempotencyKey: string,
  timeoutMs = 10_000,
): Promise<string> {
  const res = await fetch(`${baseUrl.replace(/\/$/, '')}/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`${channel} gateway answered HTTP ${res.status}`);
  const body = (await res.json()) as { id?: string };
  return body.id ?? '';
}
