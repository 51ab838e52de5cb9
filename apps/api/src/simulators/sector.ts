import http from 'node:http';
import { applyFault, close, listen, readJson, sendJson, type Fault } from './http-sim.ts';

/**
 * Stand-in for a sector system that receives results registered at a center, so nobody types them
 * in again: the national civil-status database (birth, death, marriage… registrations) or the
 * household-business registration system. Stores each result once per idempotency key.
 */
export type SectorSystem = 'civil_status' | 'household_business';
export type SectorRecord = { key: string; dossierCode: string; procedureCode: string; kind: string; subject: string; resultCodes: string[]; registeredAt: string };

export const sectorPaths: Record<SectorSystem, string> = {
  civil_status: '/hotich/api/v1/registrations',
  household_business: '/dkkd/api/v1/household-businesses',
};

export type SectorSimulator = {
  url: string;
  system: SectorSystem;
  records(): SectorRecord[];
  duplicates(): number;
  setFault(f: Fault): void;
  close(): Promise<void>;
};

export async function startSectorSimulator(o: { system: SectorSystem; port?: number }): Promise<SectorSimulator> {
  const records = new Map<string, SectorRecord>();
  let duplicates = 0;
  let fault: Fault = 'none';
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'POST' && url.pathname === sectorPaths[o.system]) {
        if (await applyFault(fault, res)) return;
        const key = String(req.headers['idempotency-key'] ?? '');
        const b = (await readJson(req)) as Partial<SectorRecord>;
        if (!key || !b?.dossierCode || !b.procedureCode || !b.subject) return sendJson(res, 422, { error: 'idempotency-key, dossierCode, procedureCode và subject là bắt buộc' });
        if (records.has(key)) return (duplicates++, sendJson(res, 200, { accepted: true, duplicate: true, id: key }));
        records.set(key, { key, dossierCode: b.dossierCode, procedureCode: b.procedureCode, kind: String(b.kind ?? ''), subject: b.subject, resultCodes: b.resultCodes ?? [], registeredAt: String(b.registeredAt ?? '') });
        return sendJson(res, 201, { accepted: true, id: key });
      }
      if (req.method === 'GET' && url.pathname === '/admin/records') return sendJson(res, 200, [...records.values()]);
      if (req.method === 'POST' && url.pathname === '/admin/faults') {
        fault = ((await readJson(req)) as { fault: Fault }).fault ?? 'none';
        return sendJson(res, 200, { fault });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 400, { error: String(err) });
    }
  });
  const url = await listen(server, o.port ?? 0);
  return {
    url,
    system: o.system,
    records: () => [...records.values()],
    duplicates: () => duplicates,
    setFault: (f) => void (fault = f),
    close: () => close(server),
  };
}
