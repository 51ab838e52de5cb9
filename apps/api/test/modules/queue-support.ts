import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/harness.ts';

export type QueueCenter = { id: string; counters: { id: string; number: number }[] };

/** The Phú Xuân center's hall on a Monday at 09:00 in Huế: its groups by code and an officer signed in. */
export async function openQueueHall() {
  const t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  const q = queueSteps(t);
  const center = await q.centerOf('phuxuan.motcua');
  return { t, q, center, g: await q.groups(center.id), officer: await t.login('phuxuan.motcua') };
}

/** Each test starts at 09:00 with an empty hall: no tickets, appointments, boards or ratings. */
export async function emptyHall(t: TestApp): Promise<void> {
  t.clock.set('2026-11-23T02:00:00Z');
  await t.ctx.db.execute(
    sql`truncate queue_ratings, queue_appointments, queue_appointment_slots, queue_events, queue_boards, queue_counter_states, queue_day_counters, queue_tickets`,
  );
}


/** Shared steps of the queue tests, spoken as the people in the hall would. */
export function queueSteps(t: TestApp) {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let ip = 0;

  return {
    auth,
    async centerOf(username: string): Promise<QueueCenter> {
      const token = await t.login(username);
      const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: auth(token) })).json();
      return center;
    },
    async groups(centerId: string): Promise<Record<string, string>> {
      const list = (await t.app.inject({ url: `/api/v1/centers/${centerId}/service-groups` })).json() as { id: string; code: string }[];
      return Object.fromEntries(list.map((g) => [g.code, g.id]));
    },
    /** A kiosk press; each from its own address so the public rate limit never interferes. */
    async take(centerId: string, body: Record<string, unknown>) {
      ip += 1;
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/queue/centers/${centerId}/tickets`,
        payload: body,
        remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      });
    },
    open(token: string, counterId: string, serviceGroupIds: string[]) {
      return t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${counterId}/open`, headers: auth(token), payload: { serviceGroupIds } });
    },
    callNext(token: string, counterId: string) {
      return t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${counterId}/call-next`, headers: auth(token) });
    },
    act(token: string, ticketId: string, action: string, payload?: unknown) {
      return t.app.inject({ method: 'POST', url: `/api/v1/queue/tickets/${ticketId}/${action}`, headers: auth(token), ...(payload ? { payload } : {}) });
    },
  };
}
