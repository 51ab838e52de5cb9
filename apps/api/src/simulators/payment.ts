import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { close, listen, readJson, sendJson } from './http-sim.ts';
import { payPage, resultPage } from './payment-pages.ts';

/**
 * Stand-in for a provincial payment gateway, over real HTTP: the merchant registers an order and
 * sends the citizen's browser to the hosted pay page; "Thanh toán" / "Huỷ" settles it, the gateway
 * calls the merchant back with a signed notification and redirects the browser to the return URL.
 * Modes: success, failure (the bank declines), late (callback after `lateMs`), duplicate (the same
 * callback three times at once), down (every endpoint resets the connection).
 * Signs with its own code (HMAC-SHA256 over sorted key=value&…), as an independent gateway would.
 */
export type PaymentMode = 'success' | 'failure' | 'late' | 'duplicate' | 'down';
export type PaymentSimOptions = { port?: number; secret: string; merchant?: string; lateMs?: number; now?: () => Date };
type Status = 'pending' | 'success' | 'failed' | 'cancelled';
export type SimOrder = { txnRef: string; gatewayTxnId: string; amount: number; orderInfo: string; returnUrl: string; notifyUrl: string; status: Status; paidAt: string | null; decidedAt: string | null };
export type SimCallback = { txnRef: string; status: number | 'error'; at: string };

export type PaymentSimulator = {
  url: string;
  orders: Map<string, SimOrder>;
  callbacks: SimCallback[];
  setMode(mode: PaymentMode, lateMs?: number): void;
  /** A transaction the gateway holds that the merchant never registered (reconciliation tests). */
  inject(o: Pick<SimOrder, 'txnRef' | 'amount' | 'status'> & { paidAt: string }): void;
  /** Waits until every scheduled (late) callback has been delivered. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

const canonical = (f: Record<string, unknown>) =>
  Object.keys(f)
    .filter((k) => k !== 'signature' && f[k] !== undefined && f[k] !== null)
    .sort()
    .map((k) => `${k}=${String(f[k])}`)
    .join('&');

export async function startPaymentSimulator(o: PaymentSimOptions): Promise<PaymentSimulator> {
  const merchant = o.merchant ?? 'MOTCUA';
  const now = o.now ?? (() => new Date());
  const sign = (f: Record<string, unknown>) => createHmac('sha256', o.secret).update(canonical(f)).digest('hex');
  const valid = (f: Record<string, unknown>) => {
    const given = String(f.signature ?? '');
    const want = Buffer.from(sign(f), 'hex');
    return /^[0-9a-f]{64}$/i.test(given) && timingSafeEqual(want, Buffer.from(given, 'hex'));
  };
  const orders = new Map<string, SimOrder>();
  const byId = new Map<string, SimOrder>();
  const callbacks: SimCallback[] = [];
  const pending = new Set<Promise<void>>();
  let mode: PaymentMode = 'success';
  let lateMs = o.lateMs ?? 5000;
  let url = '';

  const resultFields = (x: SimOrder) => ({ merchant, txnRef: x.txnRef, gatewayTxnId: x.gatewayTxnId, amount: x.amount, status: x.status, paidAt: x.paidAt ?? '' });
  const signed = (x: SimOrder) => {
    const f = resultFields(x);
    return { ...f, signature: sign(f) };
  };

  /** One delivery of the callback; retried a few times on network errors or 5xx, like a real gateway. */
  const notify = async (x: SimOrder, attempt = 1): Promise<void> => {
    try {
      const res = await fetch(x.notifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed(x)), signal: AbortSignal.timeout(10_000) });
      callbacks.push({ txnRef: x.txnRef, status: res.status, at: now().toISOString() });
      if (res.status >= 500 && attempt < 4) await later(() => notify(x, attempt + 1), 300 * attempt);
    } catch {
      callbacks.push({ txnRef: x.txnRef, status: 'error', at: now().toISOString() });
      if (attempt < 4) await later(() => notify(x, attempt + 1), 300 * attempt);
    }
  };
  const later = (fn: () => Promise<void>, ms: number) => {
    const p = new Promise<void>((r) => setTimeout(r, ms)).then(fn);
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };

  const settle = async (x: SimOrder, action: string) => {
    const t = now().toISOString();
    x.status = action === 'cancel' ? 'cancelled' : mode === 'failure' ? 'failed' : 'success';
    x.decidedAt = t;
    x.paidAt = x.status === 'success' ? t : null;
    if (mode === 'late') void later(() => notify(x), lateMs);
    else if (mode === 'duplicate') await Promise.all([notify(x), notify(x), notify(x)]);
    else await notify(x);
  };

  const returnTo = (x: SimOrder) => {
    const u = new URL(x.returnUrl);
    for (const [k, v] of Object.entries(signed(x))) u.searchParams.set(k, String(v));
    return u.toString();
  };

  const server = http.createServer(async (req, res) => {
    if (mode === 'down' && !req.url?.startsWith('/admin/')) return void res.socket?.destroy();
    try {
      const u = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'POST' && u.pathname === '/api/orders') {
        const b = ((await readJson(req)) ?? {}) as Record<string, unknown>;
        if (!valid(b) || b.merchant !== merchant) return sendJson(res, 401, { error: 'bad signature' });
        const amount = Number(b.amount);
        if (!b.txnRef || !Number.isSafeInteger(amount) || amount <= 0 || !b.returnUrl || !b.notifyUrl) return sendJson(res, 400, { error: 'txnRef, amount, returnUrl, notifyUrl required' });
        const seen = orders.get(String(b.txnRef));
        if (seen && seen.amount !== amount) return sendJson(res, 409, { error: 'same reference, different amount' });
        const x: SimOrder = seen ?? { txnRef: String(b.txnRef), gatewayTxnId: `GW${randomUUID().replace(/-/g, '').slice(0, 14).toUpperCase()}`, amount, orderInfo: String(b.orderInfo ?? ''), returnUrl: String(b.returnUrl), notifyUrl: String(b.notifyUrl), status: 'pending', paidAt: null, decidedAt: null };
        orders.set(x.txnRef, x);
        byId.set(x.gatewayTxnId, x);
        return sendJson(res, seen ? 200 : 201, { payUrl: `${url}/pay/${x.gatewayTxnId}`, gatewayTxnId: x.gatewayTxnId });
      }
      const pay = /^\/pay\/([A-Z0-9]+)$/.exec(u.pathname);
      if (pay) {
        const x = byId.get(pay[1]!);
        if (!x) return html(res, 404, resultPage('Không tìm thấy giao dịch', 'Liên kết thanh toán không hợp lệ hoặc đã hết hạn.', null));
        if (req.method === 'GET') return x.status === 'pending' ? html(res, 200, payPage(x, merchant)) : html(res, 200, resultPage('Giao dịch đã xử lý', 'Giao dịch này đã được xử lý trước đó.', returnTo(x)));
        if (req.method === 'POST') {
          const form = new URLSearchParams(await readText(req));
          if (x.status === 'pending') await settle(x, form.get('action') === 'cancel' ? 'cancel' : 'pay');
          res.writeHead(303, { location: returnTo(x) }).end();
          return;
        }
      }
      const one = /^\/api\/orders\/([^/]+)$/.exec(u.pathname);
      if (req.method === 'GET' && one) {
        const ref = decodeURIComponent(one[1]!);
        if (!valid({ merchant: u.searchParams.get('merchant'), txnRef: ref, signature: u.searchParams.get('signature') })) return sendJson(res, 401, { error: 'bad signature' });
        const x = orders.get(ref);
        return x ? sendJson(res, 200, signed(x)) : sendJson(res, 404, { error: 'unknown order' });
      }
      if (req.method === 'GET' && u.pathname === '/api/transactions') {
        const day = u.searchParams.get('day') ?? '';
        if (!valid({ merchant: u.searchParams.get('merchant'), day, signature: u.searchParams.get('signature') })) return sendJson(res, 401, { error: 'bad signature' });
        const localDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        const items = [...orders.values()].filter((x) => x.decidedAt && localDay(x.decidedAt) === day).map((x) => ({ txnRef: x.txnRef, gatewayTxnId: x.gatewayTxnId, amount: x.amount, status: x.status, paidAt: x.paidAt }));
        return sendJson(res, 200, { items });
      }
      if (req.method === 'POST' && u.pathname === '/admin/mode') {
        const b = (await readJson(req)) as { mode: PaymentMode; lateMs?: number };
        mode = b.mode;
        if (b.lateMs !== undefined) lateMs = b.lateMs;
        return sendJson(res, 200, { mode, lateMs });
      }
      if (req.method === 'GET' && u.pathname === '/admin/orders') return sendJson(res, 200, { mode, orders: [...orders.values()], callbacks });
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendJson(res, 400, { error: String(err) });
    }
  });
  url = await listen(server, o.port ?? 0);
  return {
    url,
    orders,
    callbacks,
    setMode: (m, ms) => {
      mode = m;
      if (ms !== undefined) lateMs = ms;
    },
    inject: (x) => {
      const order: SimOrder = { ...x, gatewayTxnId: `GW${randomUUID().replace(/-/g, '').slice(0, 14).toUpperCase()}`, orderInfo: '', returnUrl: 'http://invalid/', notifyUrl: 'http://invalid/', decidedAt: x.paidAt };
      orders.set(order.txnRef, order);
      byId.set(order.gatewayTxnId, order);
    },
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: async () => {
      await close(server);
    },
  };
}

async function readText(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function html(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}
