import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { enqueueInTx, type OutboxMessage } from '../../platform/outbox/outbox.ts';
import { citizenContactOfDossier, forgetOtpCode, takeOtpCodeForSms } from '../citizen/index.ts';
import { findDossier } from '../dossier/index.ts';
import { vnDateTime } from '../forms/index.ts';
import { sendThroughGateway } from './gateway.client.ts';
import { sendMail } from './mail.client.ts';
import { channelsFor, linkFor, templateForChange, type Channel } from './notify.rules.ts';
import { isTemplate, loggedBody, render, subjectOf, type Lang, type TemplateId } from './notify.templates.ts';
import { notifications } from './notify.tables.ts';

/** Topics this module delivers. `sms.send` is also what the queue module enqueues for ticket SMS. */
export const SMS_TOPIC = 'sms.send';
export const EMAIL_TOPIC = 'email.send';
export const NOTIFY_DOSSIER_TOPIC = 'notify.dossier';

export type SendPayload = {
  to: string;
  template: string;
  params?: Record<string, string | number>;
  lang?: Lang;
  /** Set when the notification row was written at fan-out; otherwise the outbox message id is used. */
  notificationId?: string;
  citizenId?: string | null;
  dossierId?: string | null;
  /** A sign-in code's SMS: the code is read from its challenge at delivery, never carried here. */
  otpChallengeId?: string;
};

/** A stable UUID from a key, so a retried fan-out writes the same notification rows. */
export function idFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const origin = (ctx: AppContext) => ctx.config.publicOrigin ?? `http://localhost:${ctx.config.port}`;

/** Outbox handler for `sms.send` / `email.send`: renders, sends (gateway or mail relay), records the delivery status. */
export async function deliver(ctx: AppContext, msg: OutboxMessage, channel: 'sms' | 'email'): Promise<void> {
  const p = msg.payload as SendPayload;
  if (!isTemplate(p.template)) throw new Error(`unknown message template ${p.template}`);
  const lang = p.lang ?? 'vi';
  let params = p.params ?? {};
  if (p.otpChallengeId) {
    const code = await takeOtpCodeForSms(ctx, p.otpChallengeId);
    // Already sent (a retry after the gateway took it), used or expired: nothing left to send.
    if (code === null) return;
    params = { ...params, code };
  }
  const id = p.notificationId ?? msg.id;
  const now = ctx.clock.now();
  await ctx.db
    .insert(notifications)
    .values({ id, citizenId: p.citizenId ?? null, dossierId: p.dossierId ?? null, event: p.template, channel, recipient: p.to, lang, body: loggedBody(p.template, lang, params, channel), status: 'queued', attempts: 1, createdAt: now })
    .onConflictDoUpdate({ target: notifications.id, set: { attempts: sql`${notifications.attempts} + 1` } });
  try {
    await send(ctx, channel, { to: p.to, text: render(p.template, lang, params, channel), subject: subjectOf(p.template, lang, params) }, id);
  } catch (err) {
    await ctx.db.update(notifications).set({ status: 'failed', lastError: String(err instanceof Error ? err.message : err).slice(0, 500) }).where(eq(notifications.id, id));
    throw err;
  }
  await ctx.db.update(notifications).set({ status: 'sent', sentAt: ctx.clock.now(), lastError: null }).where(eq(notifications.id, id));
  if (p.otpChallengeId) await forgetOtpCode(ctx, p.otpChallengeId);
}

/** E-mail over SMTP when a mail relay is configured; SMS (and e-mail without a relay) through the HTTP gateway. */
async function send(ctx: AppContext, channel: 'sms' | 'email', m: { to: string; text: string; subject: string }, id: string): Promise<void> {
  const { smsUrl, smtpUrl, mailFrom } = ctx.config.citizen;
  if (channel === 'email' && smtpUrl) {
    await sendMail(smtpUrl, { from: mailFrom, to: m.to, subject: m.subject, text: m.text, notificationId: id });
    return;
  }
  if (!smsUrl) throw new Error('MOTCUA_SMS_URL is not set: no SMS / e-mail gateway to deliver to');
  await sendThroughGateway(smsUrl, channel, { to: m.to, text: m.text, ...(channel === 'email' ? { subject: m.subject } : {}) }, id);
}

/**
 * Outbox handler for a recorded dossier change: picks the message (received, supplement needed,
 * payment due, result ready, late apology…), writes one notification per channel the citizen
 * chose, and queues the SMS / e-mail deliveries. In-app messages are delivered by being written.
 */
export async function fanOutDossierChange(ctx: AppContext, change: { dossierId: string; seq: number; action: string; toState: string }): Promise<void> {
  const template = templateForChange(change);
  if (!template) return;
  const d = await findDossier(ctx.db, change.dossierId);
  if (!d) return;
  const contact = await citizenContactOfDossier(ctx.db, d.id);
  const params = {
    code: d.code,
    procedure: d.procedureName,
    dueAt: d.dueAt ? vnDateTime(d.dueAt) : '',
    amount: d.feeTotal.toLocaleString('vi-VN'),
    link: linkFor(template, d.code, contact !== null, origin(ctx)),
  };
  await ctx.db.transaction((tx) => notifyInTx(tx, ctx, { key: `${d.id}:${change.seq}`, template, params, contact, phone: d.applicant.phone ?? null, dossierId: d.id }));
  ctx.wakeOutbox();
}

type Contact = { citizenId: string; phone: string | null; email: string | null; language: Lang; channels: Channel[] };

/**
 * Tells a person something in the caller's transaction: one notification row per channel (the
 * citizen's choice and language when there is an account, else SMS to `phone` or e-mail to `email`,
 * in Vietnamese), SMS and e-mail queued on the outbox. In-app messages are delivered by being written.
 * `key` makes a repeat write nothing twice.
 */
export async function notifyInTx(
  tx: Db,
  ctx: Pick<AppContext, 'clock' | 'ids'>,
  m: { key: string; template: TemplateId; params: Record<string, string | number>; contact: Contact | null; phone?: string | null; email?: string | null; dossierId?: string | null },
): Promise<void> {
  const lang: Lang = m.contact?.language ?? 'vi';
  const now = ctx.clock.now();
  const citizenId = m.contact?.citizenId ?? null;
  for (const channel of channelsFor(m.contact, m.phone, m.email)) {
    const key = `${m.key}:${channel}`;
    const id = idFromKey(key);
    const to = channel === 'sms' ? (m.contact?.phone ?? m.phone!) : channel === 'email' ? (m.contact?.email ?? m.email!) : m.contact!.citizenId;
    await tx
      .insert(notifications)
      .values({ id, citizenId, dossierId: m.dossierId ?? null, event: m.template, channel, recipient: to, lang, body: render(m.template, lang, m.params, channel), status: channel === 'inapp' ? 'sent' : 'queued', createdAt: now, sentAt: channel === 'inapp' ? now : null })
      .onConflictDoNothing();
    if (channel !== 'inapp') {
      await enqueueInTx(tx, ctx, { topic: channel === 'sms' ? SMS_TOPIC : EMAIL_TOPIC, idempotencyKey: key, payload: { to, template: m.template, params: m.params, lang, notificationId: id, citizenId, dossierId: m.dossierId ?? null } satisfies SendPayload });
    }
  }
}

/**
 * In-app notices to staff, in the caller's transaction: one row per user (the recipient is the
 * user's id; no citizen), written as delivered. Staff have no language setting yet: Vietnamese.
 * `key` makes a repeat write nothing twice.
 */
export async function notifyStaffInTx(
  tx: Db,
  ctx: Pick<AppContext, 'clock'>,
  m: { key: string; template: TemplateId; params: Record<string, string | number>; userIds: string[]; dossierId?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  const body = render(m.template, 'vi', m.params, 'inapp');
  for (const userId of m.userIds) {
    await tx
      .insert(notifications)
      .values({ id: idFromKey(`${m.key}:staff:${userId}`), citizenId: null, dossierId: m.dossierId ?? null, event: m.template, channel: 'inapp', recipient: userId, lang: 'vi', body, status: 'sent', createdAt: now, sentAt: now })
      .onConflictDoNothing();
  }
}

const staffNotice = (userId: string) => and(eq(notifications.recipient, userId), isNull(notifications.citizenId), eq(notifications.channel, 'inapp'));

/** A staff member's in-app notices, newest first. */
export function staffInbox(ctx: Pick<AppContext, 'db'>, userId: string, limit = 50) {
  return ctx.db.select().from(notifications).where(staffNotice(userId)).orderBy(desc(notifications.createdAt)).limit(limit);
}

export async function markStaffRead(ctx: Pick<AppContext, 'db' | 'clock'>, userId: string, id: string): Promise<boolean> {
  const rows = await ctx.db
    .update(notifications)
    .set({ status: 'read', readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), staffNotice(userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** A citizen's in-app messages, newest first. */
export function inbox(ctx: Pick<AppContext, 'db'>, citizenId: string, limit = 50) {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.citizenId, citizenId), eq(notifications.channel, 'inapp')))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function markRead(ctx: Pick<AppContext, 'db' | 'clock'>, citizenId: string, id: string): Promise<boolean> {
  const rows = await ctx.db
    .update(notifications)
    .set({ status: 'read', readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.citizenId, citizenId), eq(notifications.channel, 'inapp'), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Delivery log of a dossier (staff see whether the citizen was told). */
export function deliveriesOf(ctx: Pick<AppContext, 'db'>, dossierId: string) {
  return ctx.db.select().from(notifications).where(eq(notifications.dossierId, dossierId)).orderBy(notifications.createdAt);
}
