import { sql } from 'drizzle-orm';
import type { RateVisitRequest, VisitRating, VisitRatingResult } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { QueueDeps } from './queue.deps.ts';
import { execRows, findTicket } from './queue.repo.ts';

type RatingRow = { ticket_id: string; rating: VisitRating; channel: 'phone' | 'kiosk'; rated_at: string | Date };

const toResult = (r: RatingRow): VisitRatingResult => ({ ticketId: r.ticket_id, rating: r.rating, channel: r.channel, ratedAt: new Date(r.rated_at).toISOString() });

export async function findRating(db: Db, ticketId: string): Promise<VisitRatingResult | null> {
  const [row] = await execRows<RatingRow>(db, sql`select ticket_id, rating, channel, rated_at from queue_ratings where ticket_id = ${ticketId}`);
  return row ? toResult(row) : null;
}

/**
 * The ticket holder rates the visit once it is finished. Whoever holds the ticket's id (the QR on the
 * paper, the status page) holds the ticket; a second rating is refused, never overwritten.
 */
export async function rateVisit(deps: QueueDeps, ticketId: string, input: Required<RateVisitRequest>): Promise<VisitRatingResult> {
  const { ctx } = deps;
  return ctx.db.transaction(async (tx) => {
    const t = await findTicket(tx, ticketId, { lock: true });
    if (!t) throw notFound('queue.ticket_not_found', 'No such ticket.');
    if (t.status !== 'done') throw conflict('queue.not_finished', 'A visit can be rated once its service is finished.', { ticketStatus: t.status });
    const [row] = await execRows<RatingRow>(
      tx,
      sql`insert into queue_ratings (ticket_id, province_code, center_id, rating, channel, rated_at)
          values (${t.id}, ${t.provinceCode}, ${t.centerId}, ${input.rating}, ${input.channel}, ${ctx.clock.now()})
          on conflict (ticket_id) do nothing
          returning ticket_id, rating, channel, rated_at`,
    );
    if (!row) throw conflict('queue.already_rated', 'This visit has already been rated.');
    return toResult(row);
  });
}
