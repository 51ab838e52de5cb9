import type { PortalChange, PortalRecord } from './portal-mapping.ts';

/** The portal's answer for one change. `stale`: it already holds a newer version of the dossier. */
export type PortalAck = { key: string; result: 'applied' | 'duplicate' | 'stale' | 'rejected'; error?: string };

export type PortalTarget = { url: string; token?: string | undefined; timeoutMs: number };

/** A failure of the whole call (network, timeout, 5xx): every change in it is retried. */
export class PortalCallError extends Error {}

const headers = (t: PortalTarget) => ({ 'content-type': 'application/json', ...(t.token ? { authorization: `Bearer ${t.token}` } : {}) });

/**
 * The portal adapter: pushes changes over HTTP + JSON and returns one acknowledgement per change
 * key we sent. Duplicated acknowledgements, acknowledgements in another order and acknowledgements
 * of keys we did not send in this call are tolerated: only the first answer for each of our keys counts.
 */
export async function pushChanges(t: PortalTarget, changes: PortalChange[]): Promise<Map<string, PortalAck>> {
  let res: Response;
  try {
    res = await fetch(`${t.url.replace(/\/$/, '')}/portal/api/v1/dossiers/sync`, {
      method: 'POST',
      headers: headers(t),
      body: JSON.stringify({ changes }),
      signal: AbortSignal.timeout(t.timeoutMs),
    });
  } catch (err) {
    throw new PortalCallError(`portal unreachable: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new PortalCallError(`portal answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  let body: { acks?: PortalAck[] };
  try {
    body = JSON.parse(text) as { acks?: PortalAck[] };
  } catch {
    throw new PortalCallError('portal answered with something that is not JSON');
  }
  const wanted = new Set(changes.map((c) => c.key));
  const acks = new Map<string, PortalAck>();
  for (const a of body.acks ?? []) if (wanted.has(a?.key) && !acks.has(a.key)) acks.set(a.key, a);
  return acks;
}

/** What the portal holds for these dossier codes (reconciliation). */
export async function queryRecords(t: PortalTarget, codes: string[]): Promise<PortalRecord[]> {
  const res = await fetch(`${t.url.replace(/\/$/, '')}/portal/api/v1/dossiers/query`, {
    method: 'POST',
    headers: headers(t),
    body: JSON.stringify({ codes }),
    signal: AbortSignal.timeout(t.timeoutMs),
  });
  if (!res.ok) throw new PortalCallError(`portal query answered HTTP ${res.status}`);
  return ((await res.json()) as { records: PortalRecord[] }).records;
}
