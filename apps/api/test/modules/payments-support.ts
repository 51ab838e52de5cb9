import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hashToken } from '../../src/modules/auth/auth.service.ts';
import { sessions, users } from '../../src/modules/auth/auth.tables.ts';
import { citizens, dossierOnline } from '../../src/modules/citizen/citizen.tables.ts';
import { startPaymentSimulator, type PaymentSimulator } from '../../src/simulators/payment.ts';
import { sign } from '../../src/modules/payments/gateway.signature.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import type { TestApp } from '../support/harness.ts';

/** Đăng ký tạm trú: 10,000 đồng at the counter, 7,000 online. */
export const FEE_PROCEDURE = '1.004194';
export const SECRET = 'motcua-dev-payment-secret';

/** The API listening on a real port (the gateway calls it back) and the gateway simulator, wired together. */
export async function withGateway(t: TestApp, opts: { lateMs?: number } = {}): Promise<PaymentSimulator> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const sim = await startPaymentSimulator({ secret: SECRET, lateMs: opts.lateMs ?? 200, now: () => t.clock.now() });
  t.ctx.config = { ...t.ctx.config, publicOrigin: `http://127.0.0.1:${port}`, paymentUrl: sim.url };
  return sim;
}

/** A received dossier of a procedure with a fee, not yet paid. */
export async function feeDossier(t: TestApp, phone = '0905123456') {
  const officer = await asUser(t, 'phuxuan.motcua');
  const { checklist } = await completeChecklist(t, FEE_PROCEDURE);
  const res = await officer.intake({ procedureCode: FEE_PROCEDURE, applicant: { ...applicant, phone }, checklist, decision: 'accept' });
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; version: number; status: string; feePaid: boolean };
}

/** Takes a dossier through review and approval to "awaiting payment" of `amount`. */
export async function toAwaitingPayment(t: TestApp, id: string, amount: number) {
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const steps: [typeof leader, object][] = [
    [specialist, { action: 'start_review' }],
    [specialist, { action: 'submit_for_approval' }],
    [leader, { action: 'approve' }],
    [specialist, { action: 'request_payment', amountPaid: amount }],
  ];
  for (const [who, body] of steps) {
    const res = await who.act(id, body);
    if (res.statusCode !== 200) throw new Error(`${JSON.stringify(body)}: ${res.statusCode} ${res.body}`);
  }
}

export async function bearer(t: TestApp, username: string) {
  return { authorization: `Bearer ${await t.login(username)}` };
}

/** What the citizen's browser does on the gateway's page: press a button, follow nothing. */
export async function pressOnGateway(payUrl: string, action: 'pay' | 'cancel'): Promise<URL> {
  const page = await fetch(payUrl);
  if (!(await page.text()).includes('Thanh toán')) throw new Error('no pay page');
  const res = await fetch(payUrl, { method: 'POST', body: new URLSearchParams({ action }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`gateway answered ${res.status}`);
  return new URL(res.headers.get('location')!);
}

/** A callback signed with the shared secret, as the gateway would send (or with wrong fields). */
export function signedResult(fields: { txnRef: string; amount: number; status?: string; gatewayTxnId?: string; paidAt?: string }) {
  const f = { merchant: 'MOTCUA', txnRef: fields.txnRef, gatewayTxnId: fields.gatewayTxnId ?? 'GWTEST', amount: String(fields.amount), status: fields.status ?? 'success', paidAt: fields.paidAt ?? '2026-11-23T02:05:00.000Z' };
  return { ...f, signature: sign(SECRET, f) };
}

/**
 * A signed-in citizen who filed `dossierId` online: the rows the citizen module writes at sign-in
 * and online submission, written directly so these tests do not depend on the SMS round trip.
 */
export async function citizenOf(t: TestApp, dossierId: string): Promise<Record<string, string>> {
  const now = t.clock.now();
  const id = t.ctx.ids.next();
  const token = randomBytes(24).toString('base64url');
  const phone = `09${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
  await t.ctx.db.insert(users).values({ id, username: `citizen:${phone}`, fullName: 'Trần Văn Bình', passwordHash: '!', role: 'citizen', provinceCode: '46', centerId: null, createdAt: now });
  await t.ctx.db.insert(citizens).values({ userId: id, phone, createdAt: now });
  await t.ctx.db.insert(sessions).values({ id: t.ctx.ids.next(), tokenHash: hashToken(token), userId: id, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) });
  await t.ctx.db.insert(dossierOnline).values({ dossierId, citizenId: id, submittedAt: now });
  return { authorization: `Bearer ${token}` };
}
