import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Webhook, WebhookCreate, WebhookCreated } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireSyncAdmin } from './sync.policy.ts';
import { webhookSubscriptions } from './sync.tables.ts';

const view = (w: typeof webhookSubscriptions.$inferSelect): Webhook => ({ id: w.id, url: w.url, description: w.description, active: w.active, createdAt: w.createdAt.toISOString() });

export async function listWebhooks(ctx: AppContext, actor: Actor): Promise<Webhook[]> {
  requireSyncAdmin(actor);
  const rows = await ctx.db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.provinceCode, actor.provinceCode), eq(webhookSubscriptions.active, true))).orderBy(asc(webhookSubscriptions.createdAt));
  return rows.map(view);
}

/** Registers an integrator's URL for the province's dossier events; the signing secret is shown once. */
export async function createWebhook(ctx: AppContext, actor: Actor, input: WebhookCreate): Promise<WebhookCreated> {
  requireSyncAdmin(actor);
  const row = { id: ctx.ids.next(), provinceCode: actor.provinceCode, url: input.url, secret: randomBytes(32).toString('base64url'), description: input.description, active: true, createdBy: actor.userId, createdAt: ctx.clock.now() };
  await ctx.db.insert(webhookSubscriptions).values(row);
  return { ...view(row), secret: row.secret };
}

/** Stops deliveries to a URL; those already queued are skipped. */
export async function removeWebhook(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requireSyncAdmin(actor);
  const rows = await ctx.db
    .update(webhookSubscriptions)
    .set({ active: false })
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.provinceCode, actor.provinceCode), eq(webhookSubscriptions.active, true)))
    .returning({ id: webhookSubscriptions.id });
  if (rows.length === 0) throw notFound('sync.webhook_not_found', 'No such webhook.');
}
