import fs from 'node:fs';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentSimulator, type PaymentSimulator } from '../../src/simulators/payment.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { loadOperations, makeWorld, outcome, pathValue, plausibleRequest, type Fixtures, type Identity, type Operation } from './openapi-support.ts';

/**
 * Two walks over every route of the OpenAPI document, on one seeded database with real Phường Phú
 * Xuân rows (a dossier with a scan, a ticket, a citizen's draft and upload, a petition):
 *
 * 1. The role matrix: each route tried by every kind of caller with a plausible request. The reviewed
 *    table of what each caller may do is role-matrix.expected.json; regenerate it with
 *    `MOTCUA_WRITE_MATRIX=1 npx vitest run apps/api/test/security/openapi-routes.test.ts` and review
 *    the diff by hand before committing it.
 * 2. Fuzzing (after the matrix, so it cannot disturb it): no input, however wrong, makes the server
 *    answer 5xx. Invalid and boundary values in path, query, body and content type, from anonymous and
 *    signed-in callers. CI runs MOTCUA_FUZZ_RUNS (default 400) requests; `npm run soak:security` runs
 *    100,000. The seed is printed so a failure replays with MOTCUA_FUZZ_SEED.
 */
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 400);
const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 20261123);
const EXPECTED = path.join(import.meta.dirname, 'role-matrix.expected.json');
type Table = Record<string, Record<string, string>>;

let t: TestApp;
let sms: SmsSimulator;
let payment: PaymentSimulator;
let ops: Operation[];
let fixtures: Fixtures;
let identities: Identity[];
const actual: Table = {};

beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  payment = await startPaymentSimulator({ secret: 'motcua-security-payment-secret', now: () => new Date('2026-11-23T02:00:00Z') });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url, MOTCUA_PAYMENT_URL: payment.url, MOTCUA_PAYMENT_SECRET: 'motcua-security-payment-secret' } });
  ({ fixtures, identities } = await makeWorld(t, sms));
  // Signing out ends the caller's session: try it last.
  ops = (await loadOperations(t)).sort((a, b) => Number(a.key === 'POST /api/v1/auth/logout') - Number(b.key === 'POST /api/v1/auth/logout'));
  for (const op of ops) {
    actual[op.key] = {};
    // One address per caller: per-address rate limits must not decide a cell.
    const ask = (who: Identity, n: number) => t.app.inject({ ...plausibleRequest(op, fixtures, who.headers), remoteAddress: `10.61.0.${n + 1}` });
    // Reads change nothing, so the callers may ask at once; writes go one after another, in a fixed order.
    const answers = op.method === 'GET' ? await Promise.all(identities.map(ask)) : [];
    for (const [n, who] of identities.entries()) {
      const res = answers[n] ?? (await ask(who, n));
      actual[op.key]![who.name] = `${outcome(res.statusCode)} ${res.statusCode}`;
    }
  }
  if (process.env.MOTCUA_WRITE_MATRIX === '1') fs.writeFileSync(EXPECTED, `${JSON.stringify(actual, null, 1)}\n`);
}, 600_000);
afterAll(async () => {
  await t.close();
  await sms.close();
  await payment.close();
});

const expected = (): Table => JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Table;
const kind = (cell: string | undefined) => cell?.split(' ')[0];

describe('role × endpoint matrix from the OpenAPI document', () => {
  it('walks every documented route with every caller', () => {
    expect(ops.length).toBeGreaterThan(140);
    expect(Object.values(actual).every((row) => Object.keys(row).length === identities.length)).toBe(true);
  });

  it('no caller is let through where the reviewed table says refuse (0 unexpected allows)', () => {
    const table = expected();
    const unexpected: string[] = [];
    for (const [route, row] of Object.entries(actual)) {
      for (const [who, cell] of Object.entries(row)) {
        if (kind(cell) === 'allow' && kind(table[route]?.[who]) !== 'allow') unexpected.push(`${route} as ${who}: ${cell}, expected ${table[route]?.[who] ?? 'no entry (new route: regenerate and review the table)'}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('no request of the matrix makes the server fail (no 5xx)', () => {
    const errors = Object.entries(actual).flatMap(([route, row]) => Object.entries(row).filter(([, c]) => kind(c) === 'error').map(([who, c]) => `${route} as ${who}: ${c}`));
    expect(errors).toEqual([]);
  });

  it('what the reviewed table allows still works (a refusal here means the table or the code changed)', () => {
    const table = expected();
    const lost: string[] = [];
    for (const [route, row] of Object.entries(table)) {
      for (const [who, cell] of Object.entries(row)) {
        if (kind(cell) === 'allow' && actual[route] && kind(actual[route]![who]) !== 'allow') lost.push(`${route} as ${who}: ${actual[route]![who]}, expected ${cell}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('nobody but Phú Xuân staff and Huế’s province admin reads the Phú Xuân dossier', () => {
    const row = actual['GET /api/v1/dossiers/{id}']!;
    expect(Object.entries(row).filter(([, c]) => kind(c) === 'allow').map(([who]) => who).sort()).toEqual(['counter_officer', 'director', 'leader', 'province_admin', 'specialist']);
  });
});

/** Values that have broken parsers, queries and path handling elsewhere. */
const nasty = fc.constantFrom<unknown>(
  '', ' ', '0', '-1', 'null', 'undefined', 'NaN', 'true', '[]', '{}',
  "' OR '1'='1", "'; drop table dossiers; --", '" OR ""="', '%', '_', '\\', "\\'", '%27%20OR%201%3D1',
  '../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '....//....//etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini',
  '\u0000', 'a\u0000b', '\uFEFF', '\uD800', '💥🇻🇳', 'Đăng ký khai sinh', '<script>alert(1)</script>', '${7*7}', '{{7*7}}',
  'x'.repeat(5000), '9'.repeat(400), '1e309', '-0', '0x10', '2026-02-30', '2026-13-01T25:61:00Z', '99999-01-01',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '01900000-0000-7000-8000-00000000000g',
  -1, 0, 1, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, null, true, false, [], {}, [[[[[]]]]],
  { $ne: null }, { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } },
);
const scalar = fc.oneof(nasty, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const text = scalar.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));

function arbRequest(op: Operation): fc.Arbitrary<InjectOptions> {
  const base = (who: Identity) => plausibleRequest(op, fixtures, who.headers);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryNames = [...op.params.filter((p) => p.in === 'query').map((p) => p.name), 'limit', 'offset', 'q', 'centerId'];
  return fc
    .record({
      who: fc.constantFrom(...identities),
      // For each path parameter: the real value or a hostile one.
      path: fc.tuple(...pathParams.map(() => fc.option(text, { nil: undefined, freq: 2 }))),
      query: fc.dictionary(fc.constantFrom(...queryNames), text, { maxKeys: 4 }),
      body: fc.oneof(
        { weight: 3, arbitrary: fc.constant('sample' as const) },
        { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), scalar).map(([k, v]) => ({ mutate: k, v })) },
        { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }).map((v) => ({ replace: v })) },
        { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\\u0000"', '{"__proto__":{"x":1}}', 'x'.repeat(70_000)).map((raw) => ({ raw })) },
      ),
      contentType: fc.constantFrom(undefined, undefined, undefined, 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16'),
    })
    .map(({ who, path, query, body, contentType }) => {
      const req = base(who);
      let url = op.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(path[i] ?? pathValue(op.path, p.name, fixtures))));
      });
      req.url = url;
      req.query = { ...(req.query as Record<string, string>), ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, wellFormed(v)])) };
      if (op.method !== 'GET' && op.method !== 'DELETE') {
        const sampled = req.payload;
        if (body !== 'sample') {
          if ('mutate' in body) {
            const obj = sampled && typeof sampled === 'object' && !Buffer.isBuffer(sampled) ? { ...(sampled as object) } : {};
            const keys = Object.keys(obj);
            (obj as Record<string, unknown>)[keys.length > 0 && body.mutate.length % 2 === 0 ? keys[body.mutate.length % keys.length]! : body.mutate] = body.v;
            req.payload = obj;
          } else if ('replace' in body) req.payload = JSON.stringify(body.replace ?? null);
          else req.payload = body.raw;
          req.headers = { ...req.headers, 'content-type': 'application/json' };
        }
        if (contentType) req.headers = { ...req.headers, 'content-type': contentType };
      }
      return req;
    });
}

const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

describe('fuzzing every route from the OpenAPI document', () => {
  it(`${RUNS} invalid and boundary requests: no 5xx, and the server stays healthy`, async () => {
    // A world of its own: the matrix signed everybody out and moved its dossier along.
    ({ fixtures, identities } = await makeWorld(t, sms, '0912000222', '10.60.0.2'));
    // Signing out would end the session the other requests use.
    const fuzzed = ops.filter((o) => o.key !== 'POST /api/v1/auth/logout');
    const perOp = Math.max(1, Math.ceil(RUNS / fuzzed.length));
    const failures: string[] = [];
    let sent = 0;
    for (const [i, op] of fuzzed.entries()) {
      for (const req of fc.sample(arbRequest(op), { numRuns: perOp, seed: SEED + i })) {
        const res = await t.app.inject(req);
        sent++;
        if (res.statusCode >= 500 && failures.length < 20) {
          failures.push(`${op.key} → ${res.statusCode} ${res.body.slice(0, 200)}\n   request: ${JSON.stringify({ url: req.url, query: req.query, headers: { 'content-type': (req.headers as Record<string, string>)?.['content-type'] }, payload: typeof req.payload === 'string' ? req.payload.slice(0, 300) : req.payload }).slice(0, 600)}`);
        }
      }
    }
    console.log(`fuzz: ${sent} requests over ${ops.length} routes, seed ${SEED}, ${failures.length} 5xx`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const officer = identities.find((w) => w.name === 'counter_officer')!;
    expect((await t.app.inject({ url: `/api/v1/dossiers/${fixtures.dossierId}`, headers: officer.headers })).json().code).toBe(fixtures.dossierCode);
  }, Math.max(120_000, RUNS * 50));
});
