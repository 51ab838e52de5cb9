import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CashPaymentRequest, GatewayAck, GatewayResult, PaymentReturnResult, PaymentSummary, PaymentView, Problem, ReconciliationView, StartPaymentRequest, StartPaymentResponse } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { userNames } from '../auth/index.ts';
import { findDossier } from '../dossier/index.ts';
import { publicOrigin } from '../forms/index.ts';
import { findCenter } from '../units/index.ts';
import { readableDossier } from './payments.access.ts';
import { payCash } from './payments.cash.ts';
import { feeDue } from './payments.fees.ts';
import { applyGatewayResult, refreshFromGateway } from './payments.notify.ts';
import { startOnlinePayment } from './payments.online.ts';
import { listReconciliations, reconcileDay } from './payments.reconcile.ts';
import { renderPaymentReceipt } from './payments.receipt.ts';
import { findPayment, findPaymentByRef, paymentsOfDossier } from './payments.repo.ts';
import { paymentView, reconciliationView } from './payments.views.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 503: Problem };
// The browser return is public: a forger may try many signatures; each try is recorded, so cap them.
const limited = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many requests; try again in ${c.after}.`),
  },
});
const ackStatus = { bad_signature: 401, unknown_payment: 404, amount_mismatch: 422 } as Record<string, number>;

function reconcilerOf(actor: Actor): string | null {
  if (actor.role === 'province_admin') return null;
  if (actor.role === 'director' && actor.centerId) return actor.centerId;
  throw forbidden('payments.reconciliation_forbidden', 'The reconciliation is for the center director and the province administrator.');
}

export function paymentsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/payments/dossiers/:code',
    { schema: { operationId: 'getDossierPayments', tags: ['payments'], summary: 'Fee due, how it can be paid, and the payments of a dossier', params: z.object({ code: z.string().min(3).max(60) }), response: { 200: PaymentSummary, ...errors } } },
    async (request) => {
      const d = await readableDossier(ctx, requireActor(request), { code: request.params.code });
      const due = await feeDue(ctx, d);
      const list = await paymentsOfDossier(ctx.db, d.id);
      const paid = list.find((p) => p.status === 'paid');
      return {
        dossierId: d.id,
        dossierCode: d.code,
        procedureName: d.procedureName,
        applicantName: d.applicant.fullName,
        dossierStatus: d.status,
        feeLines: due.lines,
        amountDue: due.amount,
        feePaid: d.feePaid,
        notPayableReason: due.reason,
        paidBy: paid?.method ?? null,
        payments: list.map(paymentView),
      };
    },
  );

  app.post(
    '/api/v1/payments/online',
    { schema: { operationId: 'startOnlinePayment', tags: ['payments'], summary: "Pay a dossier's fee online: returns the gateway's pay page to send the browser to", body: StartPaymentRequest, response: { 201: StartPaymentResponse, ...errors } } },
    async (request, reply) => {
      const returnUrl = `${publicOrigin(ctx, request)}/citizen/payments/return`;
      const { payment, redirectUrl } = await startOnlinePayment(ctx, requireActor(request), request.body.dossierCode, returnUrl);
      return reply.status(201).send({ paymentId: payment.id, txnRef: payment.txnRef, amount: payment.amount, redirectUrl });
    },
  );

  app.post(
    '/api/v1/payments/gateway/notify',
    {
      schema: {
        operationId: 'paymentGatewayNotify',
        tags: ['payments'],
        summary: 'Callback from the payment gateway (no session; HMAC-SHA256 signature verified; idempotent; amount checked)',
        body: GatewayResult,
        response: { 200: GatewayAck, ...errors },
      },
    },
    async (request, reply) => {
      const r = await applyGatewayResult(ctx, 'callback', request.body);
      // A settled dossier has new events for the portal sync and the citizen's notifications.
      if (r.outcome === 'applied') ctx.wakeOutbox();
      const status = ackStatus[r.outcome];
      if (status === 401) throw new DomainError('unauthenticated', 'payments.bad_signature', 'The signature does not match.');
      if (status === 404) throw notFound('payments.unknown_payment', 'No payment with this reference.');
      if (status === 422) throw new DomainError('business_rule', 'payments.amount_mismatch', 'The amount is not the amount of this payment; nothing was applied.');
      return reply.status(200).send({ code: '00', outcome: r.outcome });
    },
  );

  app.post(
    '/api/v1/payments/gateway/return',
    {
      schema: {
        operationId: 'paymentGatewayReturn',
        tags: ['payments'],
        summary: "The browser came back from the gateway: verify the signed result, apply it once, say what happened",
        body: GatewayResult,
        response: { 200: PaymentReturnResult, ...errors, 429: Problem },
      },
      config: limited(30),
    },
    async (request) => {
      const r = await applyGatewayResult(ctx, 'return', request.body);
      if (r.outcome === 'applied') ctx.wakeOutbox();
      if (r.outcome === 'bad_signature') throw new DomainError('unauthenticated', 'payments.bad_signature', 'The signature does not match.');
      const d = r.dossierId ? await findDossier(ctx.db, r.dossierId) : null;
      return { outcome: r.outcome, paymentStatus: r.paymentStatus, dossierCode: d?.code ?? null };
    },
  );

  app.post(
    '/api/v1/payments/:id/refresh',
    { schema: { operationId: 'refreshPayment', tags: ['payments'], summary: 'Ask the gateway again about a pending online payment (callback late or lost)', params: z.object({ id: z.uuid() }), response: { 200: PaymentView, ...errors } } },
    async (request) => {
      const p = await findPayment(ctx.db, request.params.id);
      if (!p) throw notFound('payments.not_found', 'No such payment.');
      await readableDossier(ctx, requireActor(request), { id: p.dossierId });
      if (p.method === 'online' && p.status === 'pending' && p.payUrl) {
        try {
          if ((await refreshFromGateway(ctx, p.txnRef))?.outcome === 'applied') ctx.wakeOutbox();
        } catch (err) {
          throw new DomainError('unavailable', 'payments.gateway_unavailable', 'The payment gateway cannot be reached right now; the payment stays pending.', { details: { cause: String(err) } });
        }
      }
      return paymentView((await findPaymentByRef(ctx.db, p.txnRef))!);
    },
  );

  app.post(
    '/api/v1/payments/cash',
    { schema: { operationId: 'payCash', tags: ['payments'], summary: 'Cash at the counter: numbered receipt (gap-free per center and year), dossier marked paid', body: CashPaymentRequest, response: { 201: PaymentView, ...errors } } },
    async (request, reply) => {
      const paid = await payCash(ctx, requireActor(request), request.body.dossierId, request.body.amount);
      ctx.wakeOutbox();
      return reply.status(201).send(paymentView(paid));
    },
  );

  app.get(
    '/api/v1/payments/:id/receipt.pdf',
    {
      schema: {
        operationId: 'getPaymentReceipt',
        tags: ['payments'],
        summary: 'Printable receipt of a paid fee (PDF, A4 or 80 mm thermal)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ layout: z.enum(['a4', 'thermal']).default('a4') }),
      },
    },
    async (request, reply) => {
      const p = await findPayment(ctx.db, request.params.id);
      if (!p || p.status !== 'paid') throw notFound('payments.not_found', 'No paid payment with this id.');
      const d = await readableDossier(ctx, requireActor(request), { id: p.dossierId });
      const center = await findCenter(ctx.db, p.centerId);
      if (!center) throw notFound('units.center_not_found', 'Center not found.');
      const cashier = p.method === 'cash' && p.createdBy ? ((await userNames(ctx.db, [p.createdBy])).get(p.createdBy) ?? null) : null;
      const pdf = await renderPaymentReceipt(p, d, center, cashier, request.query.layout);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${p.receiptNo ?? p.txnRef}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/v1/payments/reconciliations',
    {
      schema: {
        operationId: 'listPaymentReconciliations',
        tags: ['payments'],
        summary: 'Daily reconciliation reports (gateway vs our payments), newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(366).default(31) }),
        response: { 200: z.object({ items: z.array(ReconciliationView) }), ...errors },
      },
    },
    async (request) => {
      const scope = reconcilerOf(requireActor(request));
      return { items: (await listReconciliations(ctx, request.query.limit)).map((r) => reconciliationView(r, scope)) };
    },
  );

  app.post(
    '/api/v1/payments/reconciliations',
    {
      schema: {
        operationId: 'runPaymentReconciliation',
        tags: ['payments'],
        summary: 'Reconcile one day now (replaces that day’s report)',
        body: z.object({ day: z.iso.date() }),
        response: { 200: ReconciliationView, ...errors },
      },
    },
    async (request) => {
      const scope = reconcilerOf(requireActor(request));
      return reconciliationView(await reconcileDay(ctx, request.body.day), scope);
    },
  );
}
