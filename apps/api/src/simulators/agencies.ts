import http from 'node:http';
import { applyFault, close, listen, readJson, sendJson, type Fault } from './http-sim.ts';

/**
 * Stand-in for the police (residence) and social insurance (health insurance card) systems that
 * decide parts of interconnected dossiers. Speaks HTTP like a real gateway: accepts a submission
 * (idempotent per key), then calls back with the outcome after `decisionDelayMs`.
 */
export type AgencySimOptions = { port?: number; secret: string; decisionDelayMs?: number };
type Agency = 'police' | 'social_insurance';
type Submission = { agency: Agency; key: string; code: string; callbackUrl: string; receivedAt: string };

export type AgencySimulator = {
  url: string;
  received: Submission[];
  /** Fault injected on the submission endpoint of an agency. */
  setFault(agency: Agency, fault: Fault): void;
  /** How the agency decides its next parts: grant (default) or refuse with a reason. */
  setDecision(agency: Agency, decision: 'finish' | 'refuse'): void;
  close(): Promise<void>;
};

export async function startAgencySimulator(o: AgencySimOptions): Promise<AgencySimulator> {
  const received: Submission[] = [];
  const faults = new Map<Agency, Fault>();
  const decisions = new Map<Agency, 'finish' | 'refuse'>();
  const timers = new Set<NodeJS.Timeout>();

  const callback = async (s: Submission, attempt = 1): Promise<void> => {
    const refuse = decisions.get(s.agency) === 'refuse';
    const body = refuse
      ? { code: s.code, outcome: 'refused', reason: s.agency === 'police' ? 'Chỗ ở chưa đủ điều kiện đăng ký thường trú' : 'Thông tin thẻ BHYT không khớp' }
      : { code: s.code, outcome: 'finished', resultRef: `${s.agency === 'police' ? 'CA' : 'BHXH'}-${s.code}` };
    try {
      const res = await fetch(s.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-motcua-agency-secret': o.secret },
        body: JSON.stringify(body),
      });
      if (!res.ok && res.status >= 500) throw new Error(`callback HTTP ${res.status}`);
    } catch {
      // A real gateway retries its callbacks; so do we, a few times.
      if (attempt < 5) schedule(() => callback(s, attempt + 1), 500 * attempt);
    }
  };
  const schedule = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const m = /^\/agencies\/(police|social_insurance)\/submissions$/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        const agency = m[1] as Agency;
        if (await applyFault(faults.get(agency) ?? 'none', res)) return;
        const body = (await readJson(req)) as { code?: string; callbackUrl?: string };
        const key = String(req.headers['idempotency-key'] ?? '');
        if (!key || !body?.code || !body.callbackUrl) return sendJson(res, 400, { error: 'code, callbackUrl and idempotency-key are required' });
        const seen = received.find((r) => r.key === key);
        if (seen) return sendJson(res, 202, { accepted: true, duplicate: true });
        const s: Submission = { agency, key, code: body.code, callbackUrl: body.callbackUrl, receivedAt: new Date().toISOString() };
        received.push(s);
        schedule(() => void callback(s), o.decisionDelayMs ?? 2000);
        return sendJson(res, 202, { accepted: true });
      }
      if (req.method === 'GET' && req.url === '/admin/received') return sendJson(res, 200, received);
      if (req.method === 'POST' && req.url === '/admin/faults') {
        const b = (await readJson(req)) as { agency: Agency; fault?: Fault; decision?: 'finish' | 'refuse' };
        if (b.fault) faults.set(b.agency, b.fault);
        if (b.decision) decisions.set(b.agency, b.decision);
        return sendJson(res, 200, { ok: true });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendJson(res, 400, { error: String(err) });
    }
  });
  const url = await listen(server, o.port ?? 0);
  return {
    url,
    received,
    setFault: (agency, fault) => void faults.set(agency, fault),
    setDecision: (agency, d) => void decisions.set(agency, d),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await close(server);
    },
  };
}
