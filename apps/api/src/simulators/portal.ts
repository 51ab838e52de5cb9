import http from 'node:http';
import { applyFault, close, listen, readJson, sendJson, type Fault } from './http-sim.ts';

/**
 * Stand-in for the National Public Service Portal's dossier sync API. Stores what it receives (one
 * current record per dossier code, the highest `PhienBan` wins, plus every change key it applied)
 * and can be told to fail: down, 500s, slow, timeouts, a share of calls failing, acknowledgements
 * duplicated or out of order, changes applied but the answer lost, records of an agency rejected.
 */
export type PortalRecord = { MaHoSo: string; MaDonVi: string; TrangThaiHoSo: number; KenhThucHien: number; PhienBan: number; [field: string]: unknown };
type Change = { key: string; kind: string; at: string; record: PortalRecord };
type Ack = { key: string; result: 'applied' | 'duplicate' | 'stale' | 'rejected'; error?: string };
type Stored = { record: PortalRecord; history: { key: string; kind: string; at: string; version: number }[] };

export type PortalFaults = {
  /** Every call: none, down (connection reset), http500, slow (3 s), timeout (never answers). */
  mode: Fault;
  /** Share of calls (0-1) that fail with one of `failKinds`, picked at random. */
  failRate: number;
  failKinds: ('http500' | 'timeout' | 'lost_ack')[];
  /** Each acknowledgement twice, plus acknowledgements of changes from earlier calls. */
  duplicateAcks: boolean;
  /** Acknowledgements in a shuffled order. */
  outOfOrderAcks: boolean;
  /** Agency codes (MaDonVi) whose records are refused with a validation error. */
  rejectAgencies: string[];
};

export type PortalStats = { records: number; changesApplied: number; duplicatesReceived: number; staleReceived: number; rejected: number; calls: number; failedCalls: number; lostAnswers: number };

export type PortalSimulator = {
  url: string;
  records(): PortalRecord[];
  history(code: string): Stored['history'];
  stats(): PortalStats;
  setFaults(f: Partial<PortalFaults>): void;
  reset(): void;
  close(): Promise<void>;
};

const none: PortalFaults = { mode: 'none', failRate: 0, failKinds: ['http500', 'timeout'], duplicateAcks: false, outOfOrderAcks: false, rejectAgencies: [] };

function validate(r: PortalRecord): string | null {
  if (!r || typeof r.MaHoSo !== 'string' || !r.MaHoSo) return 'MaHoSo: bắt buộc';
  if (!Number.isInteger(r.TrangThaiHoSo) || r.TrangThaiHoSo < 1 || r.TrangThaiHoSo > 10) return 'TrangThaiHoSo: phải từ 1 đến 10';
  if (![1, 2, 3].includes(r.KenhThucHien)) return 'KenhThucHien: phải là 1, 2 hoặc 3';
  if (!Number.isInteger(r.PhienBan) || r.PhienBan < 1) return 'PhienBan: phải là số nguyên dương';
  return null;
}

export async function startPortalSimulator(o: { port?: number; token?: string; random?: () => number } = {}): Promise<PortalSimulator> {
  const random = o.random ?? Math.random;
  const store = new Map<string, Stored>();
  const seen = new Set<string>();
  const recentKeys: string[] = [];
  let faults: PortalFaults = { ...none };
  const s: PortalStats = { records: 0, changesApplied: 0, duplicatesReceived: 0, staleReceived: 0, rejected: 0, calls: 0, failedCalls: 0, lostAnswers: 0 };

  const apply = (c: Change): Ack => {
    const problem = validate(c?.record);
    if (!c?.key || problem) return (s.rejected++, { key: String(c?.key ?? ''), result: 'rejected', error: problem ?? 'key: bắt buộc' });
    if (faults.rejectAgencies.includes(c.record.MaDonVi)) {
      s.rejected++;
      return { key: c.key, result: 'rejected', error: `MaDonVi ${c.record.MaDonVi}: đơn vị chưa được cấp quyền đồng bộ` };
    }
    if (seen.has(c.key)) return (s.duplicatesReceived++, { key: c.key, result: 'duplicate' });
    seen.add(c.key);
    recentKeys.push(c.key);
    if (recentKeys.length > 1000) recentKeys.shift();
    const stored = store.get(c.record.MaHoSo);
    const entry = { key: c.key, kind: c.kind, at: c.at, version: c.record.PhienBan };
    if (!stored) {
      store.set(c.record.MaHoSo, { record: c.record, history: [entry] });
    } else {
      stored.history.push(entry);
      // A resync ("DongBoLai") overwrites at the same version; anything else older than what is held is stale.
      const older = c.kind === 'DongBoLai' ? c.record.PhienBan < stored.record.PhienBan : c.record.PhienBan <= stored.record.PhienBan;
      if (older) return (s.staleReceived++, { key: c.key, result: 'stale' });
      stored.record = c.record;
    }
    s.changesApplied++;
    return { key: c.key, result: 'applied' };
  };

  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };

  const sync = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    s.calls++;
    if (o.token && req.headers.authorization !== `Bearer ${o.token}`) return sendJson(res, 401, { error: 'Sai mã xác thực' });
    if (await applyFault(faults.mode, res)) return void s.failedCalls++;
    const kind = random() < faults.failRate ? faults.failKinds[Math.floor(random() * faults.failKinds.length)] : undefined;
    if (kind === 'http500' || kind === 'timeout') {
      s.failedCalls++;
      return void (await applyFault(kind, res));
    }
    const body = (await readJson(req)) as { changes?: Change[] };
    if (!Array.isArray(body?.changes)) return sendJson(res, 400, { error: 'changes: bắt buộc' });
    const earlier = faults.duplicateAcks ? recentKeys.slice(-5) : [];
    let acks = body.changes.map(apply);
    // Applied, but the answer never arrives: the caller must retry and must not apply it twice.
    if (kind === 'lost_ack') return void (s.failedCalls++, s.lostAnswers++, res.socket?.destroy());
    if (faults.duplicateAcks) acks = [...acks, ...acks, ...earlier.map((key) => ({ key, result: 'duplicate' as const }))];
    if (faults.outOfOrderAcks) acks = shuffle(acks);
    sendJson(res, 200, { acks });
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'POST' && url.pathname === '/portal/api/v1/dossiers/sync') return await sync(req, res);
      if (req.method === 'POST' && url.pathname === '/portal/api/v1/dossiers/query') {
        if (o.token && req.headers.authorization !== `Bearer ${o.token}`) return sendJson(res, 401, { error: 'Sai mã xác thực' });
        const b = (await readJson(req)) as { codes?: string[] };
        return sendJson(res, 200, { records: (b?.codes ?? []).map((c) => store.get(c)?.record).filter(Boolean) });
      }
      if (req.method === 'GET' && url.pathname === '/admin/stats') return sendJson(res, 200, { ...s, records: store.size });
      if (req.method === 'GET' && url.pathname === '/admin/records') return sendJson(res, 200, [...store.values()].map((v) => ({ ...v.record, history: v.history })));
      if (req.method === 'POST' && url.pathname === '/admin/faults') {
        faults = { ...faults, ...((await readJson(req)) as Partial<PortalFaults>) };
        return sendJson(res, 200, faults);
      }
      if (req.method === 'POST' && url.pathname === '/admin/reset') return (reset(), sendJson(res, 200, { ok: true }));
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 400, { error: String(err) });
    }
  });
  const reset = () => {
    store.clear();
    seen.clear();
    recentKeys.length = 0;
    faults = { ...none };
    Object.assign(s, { records: 0, changesApplied: 0, duplicatesReceived: 0, staleReceived: 0, rejected: 0, calls: 0, failedCalls: 0, lostAnswers: 0 });
  };
  const url = await listen(server, o.port ?? 0);
  return {
    url,
    records: () => [...store.values()].map((v) => v.record),
    history: (code) => store.get(code)?.history ?? [],
    stats: () => ({ ...s, records: store.size }),
    setFaults: (f) => void (faults = { ...faults, ...f }),
    reset,
    close: () => close(server),
  };
}
