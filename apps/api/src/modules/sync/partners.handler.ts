import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { OutboxMessage } from '../../platform/outbox/outbox.ts';
import { PermanentDeliveryError, type OutboxHandler } from '../../platform/outbox/worker.ts';
import type { SectorDelivery, WebhookDelivery } from './fanout.ts';
import { finalOutcomes } from './portal.handler.ts';
import { recordAcks } from './sync-acks.repo.ts';
import { webhookSubscriptions } from './sync.tables.ts';

export const sectorPaths = { civil_status: '/hotich/api/v1/registrations', household_business: '/dkkd/api/v1/household-businesses' } as const;

/** HMAC-SHA256 over `${timestamp}.${body}`: what an integrator recomputes with its secret to trust a webhook. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(`unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(`answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  if (!res.ok) throw new Error(`answered HTTP ${res.status}: ${text.slice(0, 300)}`);
}

/** One delivery, then the shared bookkeeping: the ack (lag), or the failure counted and maybe dead-lettered. */
async function deliver(ctx: AppContext, msg: OutboxMessage, target: 'civil_status' | 'household_business' | 'webhook', send: () => Promise<void>, ack: { dossierId: string; seq: number; provinceCode: string; centerId: string; changedAt: string }) {
  let outcome: Error | null = null;
  try {
    await send();
  } catch (err) {
    outcome = err instanceof Error ? err : new Error(String(err));
  }
  if (!outcome) await recordAcks(ctx.db, target, [{ ...ack, changedAt: new Date(ack.changedAt) }], ctx.clock.now());
  const [final] = await finalOutcomes(ctx, [msg], [outcome], target);
  if (final) throw final;
}

/** The national civil-status database and the household-business registration system. */
export function sectorHandler(ctx: AppContext, system: SectorDelivery['system']): OutboxHandler {
  return async (msg) => {
    const d = msg.payload as SectorDelivery;
    const base = system === 'civil_status' ? ctx.config.civilStatusUrl : ctx.config.businessRegUrl;
    if (!base) throw new Error(`no URL configured for the ${system} system`);
    await deliver(ctx, msg, system, () => post(`${base.replace(/\/$/, '')}${sectorPaths[system]}`, JSON.stringify(d.record), { 'idempotency-key': msg.idempotencyKey }, ctx.config.sync.timeoutMs), d);
  };
}

/** Integrators' webhooks: signed with the subscription's secret; a removed subscription is skipped. */
export function webhookHandler(ctx: AppContext): OutboxHandler {
  return async (msg) => {
    const d = msg.payload as WebhookDelivery;
    const [sub] = await ctx.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, d.subscriptionId));
    if (!sub || !sub.active) return;
    const body = JSON.stringify(d.event);
    const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
    await deliver(ctx, msg, 'webhook', () => post(sub.url, body, { 'x-motcua-event-id': d.event.id, 'x-motcua-timestamp': timestamp, 'x-motcua-signature': webhookSignature(sub.secret, timestamp, body) }, ctx.config.sync.timeoutMs), d);
  };
}
