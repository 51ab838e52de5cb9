import { sign } from './gateway.signature.ts';

/**
 * Adapter for the payment gateway over real HTTP (redirect + signed callback, as Vietnamese gateways
 * work). Every request carries the merchant code and an HMAC-SHA256 signature. Any network error or
 * non-2xx answer throws `GatewayUnavailable`, so callers keep the payment pending and can retry.
 */
export type GatewayTarget = { url: string; secret: string; merchant: string; timeoutMs?: number };
export type GatewayStatus = 'pending' | 'success' | 'failed' | 'cancelled';
export type GatewayTxn = { txnRef: string; gatewayTxnId: string; amount: number; status: GatewayStatus; paidAt: string | null };
export type OrderRequest = { txnRef: string; amount: number; orderInfo: string; returnUrl: string; notifyUrl: string };

export class GatewayUnavailable extends Error {
  override name = 'GatewayUnavailable';
}

async function call(t: GatewayTarget, path: string, init: RequestInit = {}): Promise<Response | null> {
  let res: Response;
  try {
    res = await fetch(`${t.url.replace(/\/$/, '')}${path}`, { ...init, signal: AbortSignal.timeout(t.timeoutMs ?? 8000) });
  } catch (err) {
    throw new GatewayUnavailable(`payment gateway unreachable: ${(err as Error).message}`);
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new GatewayUnavailable(`payment gateway answered HTTP ${res.status}`);
  return res;
}

/** Registers the order; the same `txnRef` again returns the same pay page (idempotent at the gateway). */
export async function createOrder(t: GatewayTarget, o: OrderRequest): Promise<{ payUrl: string; gatewayTxnId: string }> {
  const fields = { merchant: t.merchant, ...o };
  const res = await call(t, '/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...fields, signature: sign(t.secret, fields) }),
  });
  if (!res) throw new GatewayUnavailable('payment gateway has no order endpoint');
  const body = (await res.json()) as { payUrl?: string; gatewayTxnId?: string };
  if (!body.payUrl || !body.gatewayTxnId) throw new GatewayUnavailable('payment gateway gave no pay page');
  return { payUrl: body.payUrl, gatewayTxnId: body.gatewayTxnId };
}

/** The gateway's view of one order, with its signature (verified by the caller), or null if unknown. */
export async function getOrder(t: GatewayTarget, txnRef: string): Promise<(GatewayTxn & { signature: string }) | null> {
  const q = { merchant: t.merchant, txnRef };
  const res = await call(t, `/api/orders/${encodeURIComponent(txnRef)}?merchant=${encodeURIComponent(t.merchant)}&signature=${sign(t.secret, q)}`);
  return res ? ((await res.json()) as GatewayTxn & { signature: string }) : null;
}

/** Every transaction the gateway holds for the merchant on a local day (YYYY-MM-DD), for reconciliation. */
export async function listTransactions(t: GatewayTarget, day: string): Promise<GatewayTxn[]> {
  const q = { merchant: t.merchant, day };
  const res = await call(t, `/api/transactions?merchant=${encodeURIComponent(t.merchant)}&day=${day}&signature=${sign(t.secret, q)}`);
  if (!res) return [];
  return ((await res.json()) as { items: GatewayTxn[] }).items;
}
