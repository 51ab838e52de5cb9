import type { TestApp } from '../support/harness.ts';

/** Shared steps of the queue tests, spoken as the people in the hall would. */
export function queueSteps(t: TestApp) {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let ip = 0;

  return {
    auth,
    async centerOf(username: string): Promise<{ id: string; counters: { id: string; number: number }[] }> {
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
