import { eq } from 'drizzle-orm';
import type { RatingRequest, RatingState, RatingView } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { toLocalIso } from '../calendar/index.ts';
import { citizenContactOfDossier } from '../citizen/index.ts';
import { canWork, findDossierByCode, findDossierBySecondFactor, recordNoteInTx, type DossierRow } from '../dossier/index.ts';
import { dossierRatings } from './feedback.tables.ts';

type Channel = 'online' | 'counter' | 'kiosk';
type Proof = { secondFactor?: string | undefined; ticketId?: string | undefined };
const missing = () => notFound('dossier.not_found', 'No such dossier.');

/**
 * Who may rate a dossier, and through which channel: the citizen who filed it (signed in: online),
 * counter staff of the center handing the result over (the citizen rates on the counter screen),
 * or anyone at the kiosk holding the dossier's queue ticket or its second factor (phone's last 4
 * digits / Form 01 secret). Anything else answers the 404 of a missing dossier.
 */
async function rater(ctx: AppContext, actor: Actor | null, code: string, proof: Proof): Promise<{ d: DossierRow; channel: Channel }> {
  if (actor?.role === 'citizen') {
    const d = await findDossierByCode(ctx.db, code);
    if (d && (await citizenContactOfDossier(ctx.db, d.id))?.citizenId === actor.userId) return { d, channel: 'online' };
    throw missing();
  }
  if (actor && ['counter_officer', 'leader', 'director'].includes(actor.role)) {
    const d = await findDossierByCode(ctx.db, code);
    if (d && canWork(actor, d)) return { d, channel: 'counter' };
    throw missing();
  }
  if (proof.ticketId) {
    const d = await findDossierByCode(ctx.db, code);
    if (d && d.ticketId === proof.ticketId) return { d, channel: 'kiosk' };
    throw missing();
  }
  if (proof.secondFactor) {
    const d = await findDossierBySecondFactor(ctx, code, proof.secondFactor);
    if (d) return { d, channel: 'kiosk' };
  }
  throw missing();
}

const view = (r: typeof dossierRatings.$inferSelect, code: string): RatingView => ({
  dossierCode: code,
  overall: r.overall,
  criteria: {
    ...(r.timeRating ? { time: r.timeRating } : {}),
    ...(r.attitudeRating ? { attitude: r.attitudeRating } : {}),
    ...(r.visitsRating ? { visits: r.visitsRating } : {}),
    ...(r.transparencyRating ? { transparency: r.transparencyRating } : {}),
  },
  comment: r.comment,
  channel: r.channel,
  ratedAt: toLocalIso(r.ratedAt),
});

export async function ratingState(ctx: AppContext, actor: Actor | null, code: string, proof: Proof): Promise<RatingState> {
  const { d } = await rater(ctx, actor, code, proof);
  const [r] = await ctx.db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, d.id));
  const reason = r ? 'already_rated' : d.status !== 'returned' ? 'not_returned' : null;
  return { dossierCode: d.code, procedureName: d.procedureName, rateable: reason === null, reason, rating: r ? view(r, d.code) : null };
}

/**
 * One rating per dossier, only after its result was returned (status 10). In the same transaction
 * the rating becomes a dossier event (`rating`), so the outbox carries it to the National Public
 * Service Portal like every other change (field `DanhGia`, kind `DanhGia`).
 */
export async function rateDossier(ctx: AppContext, actor: Actor | null, input: RatingRequest): Promise<RatingView> {
  const { d, channel } = await rater(ctx, actor, input.dossierCode, input);
  if (d.status !== 'returned') throw conflict('feedback.not_returned', 'A dossier can be rated once its result has been returned.');
  const c = input.criteria ?? {};
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(dossierRatings)
      .values({
        dossierId: d.id,
        provinceCode: d.provinceCode,
        centerId: d.centerId,
        overall: input.overall,
        timeRating: c.time ?? null,
        attitudeRating: c.attitude ?? null,
        visitsRating: c.visits ?? null,
        transparencyRating: c.transparency ?? null,
        comment: input.comment?.normalize('NFC') || null,
        channel,
        ratedBy: actor?.userId ?? null,
        ticketId: input.ticketId ?? null,
        ratedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw conflict('feedback.already_rated', 'This dossier has already been rated.');
    // At the kiosk nobody is signed in: the timeline shows the system as the recorder.
    const by = actor ? { userId: actor.userId, role: actor.role } : ({ userId: null, role: 'system' } as const);
    await recordNoteInTx(tx, ctx, { dossierId: d.id, actor: by, action: 'rating', data: { overall: input.overall, channel } });
    return inserted;
  });
  ctx.wakeOutbox();
  return view(row, d.code);
}
