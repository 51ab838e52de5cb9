import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PetitionSubmit } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { loadCalendar, toLocalIso } from '../calendar/index.ts';
import { citizenContact } from '../citizen/index.ts';
import { findDossierByCode } from '../dossier/index.ts';
import { notifyInTx } from '../notify/index.ts';
import { findCenter } from '../units/index.ts';
import { petitions } from './feedback.tables.ts';
import { closingOutcome, isPublic, petitionCode, petitionDeadlines } from './petition.rules.ts';
import { nextStatus, openStatuses, type PetitionAction } from './petition.states.ts';
import { earlierOnSameMatter, findPetition, findPetitionByCode, listPetitions, nextPetitionSeq, updatePetitionIfVersion, type PetitionRow } from './petitions.repo.ts';

const REPEAT_WINDOW_MS = 180 * 86_400_000;
const hashOf = (secret: string) => createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Receives a petition from anyone (signed in or not; anonymous allowed with a contact). The deadlines
 * are counted at once on the working calendar; a petition by the same person on the same matter
 * within six months is marked as a repeat (counted against the center in the 766 scoring).
 */
export async function submitPetition(ctx: AppContext, actor: Actor | null, input: PetitionSubmit): Promise<{ row: PetitionRow; secret: string }> {
  const center = await findCenter(ctx.db, input.centerId);
  if (!center) throw new DomainError('validation', 'feedback.unknown_center', 'Choose a center from the list.', { errors: [{ path: 'centerId', message: 'unknown center' }] });
  const given = input.dossierCode?.trim().toUpperCase() || null;
  const d = given ? await findDossierByCode(ctx.db, given) : null;
  // Linked only when the dossier is this center's; the answer never tells whether a code exists.
  const dossierId = d && (d.centerId === center.id || d.competentCenterId === center.id) ? d.id : null;
  const now = ctx.clock.now();
  const deadlines = petitionDeadlines(await loadCalendar(ctx), now);
  const citizenId = actor?.role === 'citizen' ? actor.userId : null;
  const contact = { contactPhone: input.phone ?? null, contactEmail: input.email?.toLowerCase() ?? null, citizenId };
  const earlier = await earlierOnSameMatter(ctx.db, { ...contact, centerId: center.id, dossierId, since: new Date(now.getTime() - REPEAT_WINDOW_MS) });
  const secret = Array.from(randomBytes(12), (b) => ALPHABET[b % 32]).join('');
  const year = Number(toLocalIso(now).slice(0, 4));
  const row = await ctx.db.transaction(async (tx) => {
    const seq = await nextPetitionSeq(tx, center.provinceCode, year);
    const [inserted] = await tx
      .insert(petitions)
      .values({
        id: ctx.ids.next(),
        code: petitionCode(center.provinceCode, year, seq),
        provinceCode: center.provinceCode,
        centerId: center.id,
        dossierId,
        dossierCodeGiven: given,
        kind: input.kind,
        title: input.title.normalize('NFC'),
        content: input.content.normalize('NFC'),
        submitterName: input.name?.normalize('NFC') ?? null,
        anonymous: input.anonymous ?? false,
        publish: input.publish ?? false,
        ...contact,
        secretHash: hashOf(secret),
        status: 'received',
        receivedAt: now,
        ...deadlines,
        repeatOf: earlier?.id ?? null,
        updatedAt: now,
      })
      .returning();
    return inserted!;
  });
  return { row, secret };
}

/** Center staff act on their center's petitions; a province admin on any of the province. */
export function canHandle(actor: Actor, p: Pick<PetitionRow, 'centerId' | 'provinceCode'>): boolean {
  if (actor.role === 'province_admin') return actor.provinceCode === p.provinceCode;
  return actor.role !== 'citizen' && actor.centerId === p.centerId;
}

export async function actOnPetition(ctx: AppContext, actor: Actor, id: string, req: { action: Exclude<PetitionAction, 'provide_info'>; text: string; expectedVersion?: number | undefined }): Promise<PetitionRow> {
  const p = await findPetition(ctx.db, id);
  if (!p || !canHandle(actor, p)) throw notFound('feedback.petition_not_found', 'No such petition.');
  if (req.expectedVersion !== undefined && req.expectedVersion !== p.version) throw conflict('feedback.stale', 'Someone else changed this petition first; reload it.', { currentStatus: p.status, version: p.version });
  const to = nextStatus(p.status, req.action);
  if (!to) throw conflict('feedback.illegal_action', `A petition that is ${p.status} cannot be given "${req.action}".`, { currentStatus: p.status, version: p.version });
  const now = ctx.clock.now();
  const text = req.text.normalize('NFC');
  const patch: Partial<PetitionRow> = { status: to, handledBy: actor.userId, updatedAt: now };
  if (req.action === 'request_info') Object.assign(patch, { infoRequest: text, infoRequestedAt: now });
  else Object.assign(patch, req.action === 'answer' ? { answer: text } : { refusalReason: text }, { closedAt: now, outcome: closingOutcome(req.action, now, p) });
  const contact = req.action === 'answer' && p.citizenId ? await citizenContact(ctx.db, p.citizenId) : null;
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updatePetitionIfVersion(tx, p.id, p.version, patch);
    if (!row) throw conflict('feedback.stale', 'Someone else changed this petition first; reload it.');
    // The answer is published: the person who sent it is told, in the same transaction (their
    // account's channels and language when they were signed in, else SMS / e-mail to the contact given).
    if (req.action === 'answer') {
      const link = `${ctx.config.publicOrigin ?? `http://localhost:${ctx.config.port}`}/pakn/${encodeURIComponent(row.code)}`;
      await notifyInTx(tx, ctx, { key: `petition:${row.id}:answered`, template: 'petition.answered', params: { code: row.code, link }, contact, phone: row.contactPhone, email: row.contactEmail, dossierId: row.dossierId });
    }
    return row;
  });
  if (req.action === 'answer') ctx.wakeOutbox();
  return updated;
}

/**
 * A petition by its code. Codes are sequential, so the code alone opens only what the sender chose
 * to publish (once answered); everything else needs the follow-up code given at submission. A wrong
 * follow-up code, an unpublished petition and a missing one all answer the same 404.
 */
export async function lookUp(ctx: Pick<AppContext, 'db'>, code: string, secret: string | undefined): Promise<{ p: PetitionRow; owner: boolean }> {
  const p = await findPetitionByCode(ctx.db, code.trim().toUpperCase());
  const owner = !!p && !!secret && timingSafeEqual(Buffer.from(hashOf(secret), 'hex'), Buffer.from(p.secretHash, 'hex'));
  if (!p || (!owner && !isPublic(p))) throw notFound('feedback.petition_not_found', 'No such petition.');
  return { p, owner };
}

export async function followUp(ctx: AppContext, code: string, input: { secret: string; info?: string | undefined; satisfaction?: 'satisfied' | 'dissatisfied' | undefined }): Promise<PetitionRow> {
  const { p, owner } = await lookUp(ctx, code, input.secret);
  // A published petition opens without the secret, but only its sender may reply or rate.
  if (!owner) throw notFound('feedback.petition_not_found', 'No such petition.');
  const now = ctx.clock.now();
  let patch: Partial<PetitionRow>;
  if (input.info) {
    const to = nextStatus(p.status, 'provide_info');
    if (!to) throw conflict('feedback.no_info_requested', 'No information was asked for.');
    patch = { status: to, infoReply: input.info.normalize('NFC'), infoRepliedAt: now, updatedAt: now };
  } else if (input.satisfaction) {
    if (openStatuses.includes(p.status)) throw conflict('feedback.not_answered', 'You can say whether the answer satisfied you once it is given.');
    if (p.satisfaction) throw conflict('feedback.already_rated', 'You have already rated this answer.');
    patch = { satisfaction: input.satisfaction, satisfactionAt: now, updatedAt: now };
  } else {
    throw new DomainError('validation', 'feedback.nothing_to_do', 'Give the information asked for, or rate the answer.', { errors: [{ path: 'info', message: 'required' }] });
  }
  const updated = await updatePetitionIfVersion(ctx.db, p.id, p.version, patch);
  if (!updated) throw conflict('feedback.stale', 'The petition changed meanwhile; reload it.');
  return updated;
}

export async function desk(ctx: AppContext, actor: Actor, filter: { open: boolean; limit: number }): Promise<PetitionRow[]> {
  let scope: SQL | undefined;
  if (actor.role === 'province_admin') scope = eq(petitions.provinceCode, actor.provinceCode);
  else if (actor.centerId && actor.role !== 'citizen') scope = eq(petitions.centerId, actor.centerId);
  else throw forbidden('feedback.staff_only', 'The petitions desk is for center staff.');
  return listPetitions(ctx.db, and(scope, filter.open ? inArray(petitions.status, [...openStatuses]) : undefined), filter.limit);
}
