import http from 'node:http';
import { applyFault, close, listen, readJson, sendJson, type Fault } from './http-sim.ts';

/**
 * Stand-in for the national population database (identity and residence) and the civil-status
 * registries of communes (marital status), seeded with synthetic citizens. Real HTTP, with the
 * shared fault modes.
 */
export type SyntheticCitizen = {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  phone: string;
  address: { line: string; communeCode: string };
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  /** Commune whose civil-status book holds the record. */
  civilStatusCommune: string;
};

/** Synthetic people (CCCD digits agree with birth year and sex). Not real persons. */
export const syntheticCitizens: SyntheticCitizen[] = [
  { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', phone: '0905123456', address: { line: '12 Lê Lợi', communeCode: '19753' }, maritalStatus: 'single', civilStatusCommune: '19753' },
  { idNumber: '046195004321', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1995-09-02', sex: 'female', phone: '0912345678', address: { line: '5 Trần Hưng Đạo', communeCode: '19753' }, maritalStatus: 'single', civilStatusCommune: '19774' },
  { idNumber: '052088765432', fullName: 'Lê Văn Cường', dateOfBirth: '1988-01-20', sex: 'male', phone: '0935111222', address: { line: 'Thôn 3', communeCode: '23701' }, maritalStatus: 'married', civilStatusCommune: '23701' },
  { idNumber: '024301112233', fullName: 'Phạm Thị Lan', dateOfBirth: '2001-07-15', sex: 'female', phone: '0987654321', address: { line: '20 Nguyễn Văn Cừ', communeCode: '09247' }, maritalStatus: 'divorced', civilStatusCommune: '09247' },
  { idNumber: '046200556677', fullName: 'Hoàng Minh Tuấn', dateOfBirth: '2000-03-30', sex: 'male', phone: '0968000111', address: { line: '8 Phan Bội Châu', communeCode: '19753' }, maritalStatus: 'single', civilStatusCommune: '19753' },
];

export type PopulationSimulator = { url: string; requests: { path: string; at: string }[]; setFault(fault: Fault): void; close(): Promise<void> };

export async function startPopulationSimulator(o: { port?: number; people?: SyntheticCitizen[] } = {}): Promise<PopulationSimulator> {
  const people = o.people ?? syntheticCitizens;
  const requests: { path: string; at: string }[] = [];
  let fault: Fault = 'none';
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'POST' && url.pathname === '/admin/faults') {
        fault = ((await readJson(req)) as { fault: Fault }).fault ?? 'none';
        return sendJson(res, 200, { ok: true });
      }
      requests.push({ path: url.pathname, at: new Date().toISOString() });
      if (await applyFault(fault, res)) return;
      // Identity and residence: the caller proves it knows the person's registered phone.
      if (req.method === 'POST' && url.pathname === '/population/lookup') {
        const b = (await readJson(req)) as { idNumber?: string; phone?: string };
        const p = people.find((x) => x.idNumber === b?.idNumber && x.phone === b?.phone);
        if (!p) return sendJson(res, 404, { error: 'no match' });
        return sendJson(res, 200, { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth, sex: p.sex, address: p.address, phone: p.phone });
      }
      const m = /^\/civil-status\/(\d{5})\/marital\/(\d{12})$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const p = people.find((x) => x.idNumber === m[2] && x.civilStatusCommune === m[1]);
        if (!p) return sendJson(res, 200, { communeCode: m[1], idNumber: m[2], found: false });
        return sendJson(res, 200, { communeCode: m[1], idNumber: p.idNumber, found: true, fullName: p.fullName, maritalStatus: p.maritalStatus });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendJson(res, 400, { error: String(err) });
    }
  });
  const url = await listen(server, o.port ?? 0);
  return { url, requests, setFault: (f) => void (fault = f), close: () => close(server) };
}
