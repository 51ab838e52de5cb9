import { sql } from 'drizzle-orm';
import pino from 'pino';
import { sample } from 'openapi-sampler';
import type { InjectOptions } from 'fastify';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import type { SmsSimulator } from '../../src/simulators/sms.ts';
import { asCitizen, samplePdf } from '../support/citizen-fixtures.ts';
import { applicant, completeChecklist } from '../support/dossier-fixtures.ts';
import type { TestApp } from '../support/harness.ts';

/** The operations of our OpenAPI document, as the matrix and the fuzzer walk them. */
export type Operation = {
  key: string;
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: object }[];
  body: { type: string; schema: object } | null;
};

type OpenApiDoc = { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content: Record<string, { schema: object }> } }>> };

/** Streams never end under inject; their access rules are tested in the queue SSE tests. */
export const STREAMING = new Set(['GET /api/v1/queue/centers/{centerId}/events']);

export async function loadOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as OpenApiDoc;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (STREAMING.has(key)) continue;
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content).find((c) => c === 'application/json') ?? Object.keys(content)[0];
      ops.push({
        key,
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: type ? { type, schema: content[type]!.schema } : null,
      });
    }
  }
  return ops;
}

/** Real rows of Phường Phú Xuân (H46.01), so that access decided by ownership is really exercised. */
export type Fixtures = {
  centerId: string;
  otherCenterId: string;
  serviceGroupId: string;
  counterId: string;
  ticketId: string;
  dossierId: string;
  dossierCode: string;
  fileId: string;
  itemId: string;
  procedureCode: string;
  versionId: string;
  draftId: string;
  uploadId: string;
  petitionId: string;
  petitionCode: string;
  /** A complete counter intake: the sampler cannot fill a checklist that matches the procedure. */
  intake: object;
};

export type Identity = { name: string; headers: Record<string, string> };

/** Who knocks: the seven kinds of caller of the issue, plus a specialist and another province's admin. */
export const IDENTITIES = [
  ['anonymous', null],
  ['citizen', null],
  ['other_commune_officer', 'ayun.motcua'],
  ['counter_officer', 'phuxuan.motcua'],
  ['specialist', 'phuxuan.chuyenvien'],
  ['leader', 'phuxuan.lanhdao'],
  ['director', 'phuxuan.giamdoc'],
  ['province_admin', 'admin'],
  ['other_province_admin', 'gialai.admin'],
] as const;

const rows = async <T>(t: TestApp, q: ReturnType<typeof sql>) => (await t.ctx.db.execute(q)) as unknown as { rows: T[] };

export async function makeWorld(t: TestApp, sms: SmsSimulator, citizenPhone = '0912000111', ip = '10.60.0.1'): Promise<{ fixtures: Fixtures; identities: Identity[] }> {
  const worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }) });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
  const citizen = await asCitizen(t, sms, worker, citizenPhone, ip);

  const identities: Identity[] = [];
  for (const [name, username] of IDENTITIES) {
    if (name === 'anonymous') identities.push({ name, headers: {} });
    else if (name === 'citizen') identities.push({ name, headers: { authorization: `Bearer ${citizen.token}` } });
    else identities.push({ name, headers: { authorization: `Bearer ${await t.login(username!)}` } });
  }
  const officer = identities.find((i) => i.name === 'counter_officer')!.headers;

  const centers = (await rows<{ id: string; agency_code: string }>(t, sql`select id, agency_code from centers where agency_code in ('H46.01', 'H52.01')`)).rows;
  const centerId = centers.find((c) => c.agency_code === 'H46.01')!.id;
  const otherCenterId = centers.find((c) => c.agency_code === 'H52.01')!.id;
  const serviceGroupId = (await rows<{ id: string }>(t, sql`select id from service_groups where center_id = ${centerId} order by code limit 1`)).rows[0]!.id;
  const counterId = (await rows<{ id: string }>(t, sql`select id from counters where center_id = ${centerId} order by number limit 1`)).rows[0]!.id;
  const ticket = await t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${centerId}/tickets`, payload: { serviceGroupId }, remoteAddress: ip });
  if (ticket.statusCode !== 201) throw new Error(`ticket: ${ticket.statusCode} ${ticket.body}`);

  const procedureCode = '1.001193';
  const { checklist, documents } = await completeChecklist(t, procedureCode);
  const dossier = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: officer, payload: { procedureCode, applicant, checklist, decision: 'accept' } });
  if (dossier.statusCode !== 201) throw new Error(`dossier: ${dossier.statusCode} ${dossier.body}`);
  const itemId = documents[0]!.id;
  const file = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossier.json().id}/files?itemId=${itemId}`,
    headers: { ...officer, 'content-type': 'application/pdf' },
    payload: Buffer.from(samplePdf()),
  });
  if (file.statusCode !== 201) throw new Error(`file: ${file.statusCode} ${file.body}`);
  const versions = (await t.app.inject({ url: `/api/v1/procedures/${procedureCode}/versions` })).json() as { items?: { id: string }[] } | { id: string }[];
  const versionId = (Array.isArray(versions) ? versions : (versions.items ?? []))[0]!.id;

  const draft = await citizen.post('/api/v1/citizen/drafts', { procedureCode, centerId });
  if (draft.statusCode !== 201) throw new Error(`draft: ${draft.statusCode} ${draft.body}`);
  const bytes = samplePdf();
  const upload = await citizen.post('/api/v1/citizen/uploads', { name: 'giay.pdf', mime: 'application/pdf', size: bytes.byteLength });
  if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);

  const petition = await t.app.inject({
    method: 'POST',
    url: '/api/v1/petitions',
    remoteAddress: ip,
    payload: { centerId, kind: 'complaint', title: 'Chờ lâu ở quầy', content: 'Tôi chờ hai tiếng ở quầy số 1 mà chưa được gọi.', name: 'Lê Văn An', phone: '0905000111' },
  });
  if (petition.statusCode !== 201) throw new Error(`petition: ${petition.statusCode} ${petition.body}`);

  return {
    identities,
    fixtures: {
      centerId,
      otherCenterId,
      serviceGroupId,
      counterId,
      ticketId: ticket.json().id,
      dossierId: dossier.json().id,
      dossierCode: dossier.json().code,
      fileId: file.json().id,
      itemId,
      procedureCode,
      versionId,
      draftId: draft.json().id,
      uploadId: upload.json().id,
      petitionId: (await rows<{ id: string }>(t, sql`select id from petitions where code = ${petition.json().code}`)).rows[0]!.id,
      petitionCode: petition.json().code,
      intake: { procedureCode, applicant, checklist, decision: 'accept' },
    },
  };
}

const MISSING = '01900000-0000-7000-8000-000000000000';

/** A real value for a path parameter: which `{id}` it is depends on the path it sits in. */
export function pathValue(path: string, name: string, f: Fixtures): string {
  if (name === 'centerId') return f.centerId;
  if (name === 'ticketId') return f.ticketId;
  if (name === 'counterId') return f.counterId;
  if (name === 'fileId') return f.fileId;
  if (name === 'versionId') return f.versionId;
  if (name === 'date') return '2026-12-24';
  if (name === 'year') return '2028';
  if (name === 'form') return '01';
  if (name === 'agency') return 'police';
  if (name === 'code') {
    if (path.startsWith('/api/v1/provinces/')) return '46';
    if (path.startsWith('/api/v1/procedures/') || path.startsWith('/api/v1/citizen/procedures/')) return f.procedureCode;
    if (path.startsWith('/api/v1/petitions/')) return f.petitionCode;
    if (path.includes('/results/')) return `${f.dossierCode}-KQ1`;
    return f.dossierCode;
  }
  if (name === 'id') {
    if (path.startsWith('/api/v1/centers/')) return f.centerId;
    if (path.startsWith('/api/v1/dossiers/')) return f.dossierId;
    if (path.startsWith('/api/v1/citizen/drafts/')) return f.draftId;
    if (path.startsWith('/api/v1/citizen/uploads/')) return f.uploadId;
    if (path.startsWith('/api/v1/citizen/dossiers/')) return f.dossierId;
    if (path.startsWith('/api/v1/petitions/')) return f.petitionId;
    return MISSING;
  }
  return 'x';
}

/** Body keys that must point at real rows for a request to get past "not found". */
function knownValues(f: Fixtures): Record<string, unknown> {
  return { centerId: f.centerId, serviceGroupId: f.serviceGroupId, procedureCode: f.procedureCode, dossierId: f.dossierId, itemId: f.itemId, code: f.dossierCode, dossierCode: f.dossierCode, unitCode: 'H46.01' };
}

function withKnown(value: unknown, known: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => withKnown(v, known));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in known && typeof v === 'string' ? known[k] : withKnown(v, known)]));
  }
  return value;
}

/** A plausible, schema-shaped request (sampled from the document), with real ids filled in. */
export function plausibleRequest(op: Operation, f: Fixtures, headers: Record<string, string>): InjectOptions {
  let url = op.path;
  const query: Record<string, string> = {};
  for (const p of op.params) {
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(pathValue(op.path, p.name, f)));
    else if (p.required || p.name in knownValues(f)) query[p.name] = sampleParam(p, f);
  }
  const req: InjectOptions = { method: op.method as InjectOptions['method'], url, query, headers: { ...headers } };
  if (op.key === 'POST /api/v1/dossiers') req.payload = f.intake;
  else if (op.body) {
    if (op.body.type === 'application/json') {
      req.payload = withKnown(sample(op.body.schema as never, { skipNonRequired: false, quiet: true }), knownValues(f)) as object;
    } else {
      req.headers = { ...req.headers, 'content-type': op.body.type };
      req.payload = Buffer.from(samplePdf());
    }
  }
  return req;
}

function sampleParam(p: Operation['params'][number], f: Fixtures): string {
  const known = knownValues(f);
  if (p.name in known) return String(known[p.name]);
  const v = sample(p.schema as never, { quiet: true });
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** allow: the request did what it asked; deny: refused (401/403) or hidden (404/405); invalid: reached the rules and was refused by them. */
export function outcome(status: number): 'allow' | 'deny' | 'invalid' | 'error' {
  if (status >= 500) return 'error';
  if (status < 400) return 'allow';
  if (status === 401 || status === 403 || status === 404 || status === 405) return 'deny';
  return 'invalid';
}
