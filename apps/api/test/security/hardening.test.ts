import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT_FAILURES, LOCKOUT_FAILURES, LOCKOUT_MINUTES } from '../../src/modules/auth/auth.lockout.ts';
import { applicant, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/harness.ts';

let t: TestApp;
let officer: Record<string, string>;
let ayun: Record<string, string>;
let dossier: { id: string; code: string };
let itemId: string;

beforeAll(async () => {
  t = await startTestApp({ env: { MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.gov.vn', MOTCUA_COOKIE_SECURE: '1' } });
  officer = { authorization: `Bearer ${await t.login('phuxuan.motcua')}` };
  ayun = { authorization: `Bearer ${await t.login('ayun.motcua')}` };
  const { checklist, documents } = await completeChecklist(t, '1.001193');
  itemId = documents[0]!.id;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: officer, payload: { procedureCode: '1.001193', applicant, checklist, decision: 'accept' } });
  dossier = res.json();
});
afterAll(() => t.close());

const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('response headers', () => {
  it('every answer carries CSP with frame-ancestors, no-sniff and frame and referrer limits', async () => {
    for (const url of ['/api/health', '/api/v1/procedures?q=khai%20sinh', '/api/v1/nope']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends HSTS when the public address is https', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path / and Secure when configured', async () => {
    const res = await login('phuxuan.chuyenvien', TEST_PASSWORD, '10.70.0.1');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^motcua_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Secure');
  });
});

describe('CSRF', () => {
  const cookieOf = async () => String((await login('phuxuan.lanhdao', TEST_PASSWORD, '10.70.0.2')).headers['set-cookie']).split(';')[0]!;

  it('refuses a cookie-authenticated write from another site, or with no provenance at all', async () => {
    const cookie = await cookieOf();
    const act = { method: 'POST' as const, url: `/api/v1/dossiers/${dossier.id}/actions`, payload: { action: 'start_review', expectedVersion: 1 } };
    for (const extra of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, {}]) {
      const res = await t.app.inject({ ...act, headers: { cookie, ...extra } });
      expect(res.statusCode, JSON.stringify(extra)).toBe(403);
      expect(res.json().code).toBe('csrf_rejected');
    }
  });

  it('lets the same write through from our own pages (same origin), where the rules then decide', async () => {
    const cookie = await cookieOf();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, origin: 'https://motcua.hue.gov.vn' } });
    expect(res.statusCode).toBe(204);
  });
});

describe('sign-in: lockout per account and address, and per account for untrusted addresses', () => {
  const fail = (username: string, ip: string) => login(username, 'not-the-password', ip);

  it('locks out the address that guesses, even for the right password, while the officer signs in from another address', async () => {
    for (let i = 0; i < LOCKOUT_FAILURES; i++) expect((await fail('phuxuan.giamdoc', '10.80.0.1')).statusCode).toBe(401);
    const locked = await login('phuxuan.giamdoc', TEST_PASSWORD, '10.80.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    // A first-time address: the account's total is still low, so nothing stops the right password.
    expect((await login('phuxuan.giamdoc', TEST_PASSWORD, '10.80.0.2')).statusCode).toBe(200);
    t.clock.advance((LOCKOUT_MINUTES + 1) * 60_000);
    expect((await login('phuxuan.giamdoc', TEST_PASSWORD, '10.80.0.1')).statusCode).toBe(200);
  });

  it('throttles guessing spread over many addresses: new addresses are refused, the officer’s usual address still gets in', async () => {
    expect((await login('phuxuan.lanhdao', TEST_PASSWORD, '10.82.0.1')).statusCode).toBe(200);
    // Fewer than the per-address limit from each address, so only the account's total can stop it.
    for (let i = 0; i < ACCOUNT_LOCKOUT_FAILURES; i++) expect((await fail('phuxuan.lanhdao', `10.82.1.${i}`)).statusCode).toBe(401);
    const fresh = await login('phuxuan.lanhdao', TEST_PASSWORD, '10.82.2.1');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().code).toBe('account_locked');
    expect((await fail('phuxuan.lanhdao', '10.82.2.2')).statusCode).toBe(429);
    // The refused guesses are not even checked, so they never reach the password.
    expect((await login('phuxuan.lanhdao', TEST_PASSWORD, '10.82.0.1')).statusCode).toBe(200);
    // Another account is not affected.
    expect((await login('phuxuan.motcua', TEST_PASSWORD, '10.82.2.3')).statusCode).toBe(200);
    t.clock.advance((LOCKOUT_MINUTES + 1) * 60_000);
    expect((await login('phuxuan.lanhdao', TEST_PASSWORD, '10.82.2.1')).statusCode).toBe(200);
  });

  it('locks an unknown username the same way, so lockout does not reveal which accounts exist', async () => {
    for (let i = 0; i < LOCKOUT_FAILURES; i++) expect((await fail('khong.ton.tai', '10.81.0.1')).statusCode).toBe(401);
    expect((await fail('khong.ton.tai', '10.81.0.1')).json().code).toBe('account_locked');
    for (let i = LOCKOUT_FAILURES; i < ACCOUNT_LOCKOUT_FAILURES; i++) expect((await fail('khong.ton.tai', `10.81.1.${i}`)).statusCode).toBe(401);
    const res = await fail('khong.ton.tai', '10.81.2.1');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('account_locked');
  });
});

describe('scans: type sniffing and file download paths', () => {
  const attach = (bytes: Buffer, type: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/files?itemId=${itemId}`, headers: { ...officer, 'content-type': type }, payload: bytes });

  it('refuses HTML, SVG and an executable sent as PDF or PNG: the bytes decide, not the declared type', async () => {
    for (const [bytes, type] of [
      [Buffer.from('<!doctype html><script>alert(1)</script>'), 'application/pdf'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'application/pdf'],
    ] as const) {
      const res = await attach(bytes, type);
      expect(res.statusCode, type).toBe(400);
      expect(res.json().code).toBe('dossier.file_type');
    }
    const files = await t.app.inject({ url: `/api/v1/dossiers/${dossier.id}/files`, headers: officer });
    expect(files.json()).toEqual([]);
  });

  it('serves a real scan with its sniffed type and no-store, never a path outside storage', async () => {
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n${'x'.repeat(2000)}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
    const file = (await attach(pdf, 'application/octet-stream')).json();
    const ok = await t.app.inject({ url: `/api/v1/dossiers/${dossier.id}/files/${file.id}`, headers: officer });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['cache-control']).toBe('private, no-store');
    for (const evil of ['..%2F..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..\\..\\windows\\win.ini', `${file.id}%00.pdf`, '....//....//etc/passwd']) {
      for (const url of [`/api/v1/dossiers/${dossier.id}/files/${evil}`, `/api/v1/track/results/${evil}/pdf?t=abcdef`, `/api/v1/results/${evil}/pdf`, `/${evil}`]) {
        const res = await t.app.inject({ url, headers: officer });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toMatch(/root:|\[fonts\]/);
      }
    }
  });

  it('another commune’s officer cannot download the scan (404, like a missing one)', async () => {
    const files = (await t.app.inject({ url: `/api/v1/dossiers/${dossier.id}/files`, headers: officer })).json();
    const res = await t.app.inject({ url: `/api/v1/dossiers/${dossier.id}/files/${files[0].id}`, headers: ayun });
    expect(res.statusCode).toBe(404);
  });
});

describe('SQL injection in search parameters', () => {
  const payloads = ["' OR '1'='1", "'; drop table dossiers; --", "%' OR 1=1 --", "\\'; select pg_sleep(0); --", "' UNION SELECT username, password_hash FROM users --", '") OR ("1"="1'];

  it('every string query parameter of every GET route takes injection attempts as plain text', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { type?: string; enum?: unknown[]; format?: string } }[] }>>;
    };
    let tried = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const params = (methods.get?.parameters ?? []).filter((p) => p.in === 'query' && p.schema.type === 'string' && !p.schema.enum);
      // /api/v1/dev/ is off in production and answers 503 without an SMS simulator.
      if (params.length === 0 || path.includes('{') || path.endsWith('/events') || path.startsWith('/api/v1/dev/')) continue;
      for (const p of params) {
        for (const value of payloads) {
          const res = await t.app.inject({ url: path, query: { [p.name]: value }, headers: officer });
          tried++;
          expect(res.statusCode, `${path}?${p.name}=${value}`).toBeLessThan(500);
          expect(res.body, `${path}?${p.name}`).not.toMatch(/syntax error|SQLSTATE|unterminated quoted|password_hash|pg_catalog/i);
        }
      }
    }
    expect(tried).toBeGreaterThan(60);
  });

  it('the catalog search treats injection as words: never more results than the plain words, never the whole catalog', async () => {
    const all = (await t.app.inject({ url: '/api/v1/procedures' })).json();
    const base = (await t.app.inject({ url: '/api/v1/procedures', query: { q: 'khai sinh' } })).json();
    expect(base.total).toBeGreaterThan(0);
    for (const q of ["khai sinh' OR 1=1 --", "khai sinh%' OR '%'='"]) {
      const injected = await t.app.inject({ url: '/api/v1/procedures', query: { q } });
      expect(injected.statusCode).toBe(200);
      expect(injected.json().total, q).toBeLessThanOrEqual(base.total);
    }
    const tautology = await t.app.inject({ url: '/api/v1/procedures', query: { q: "' OR '1'='1" } });
    expect(tautology.statusCode).toBe(200);
    expect(tautology.json().total).toBeLessThan(all.total / 4);
  });

  it('a NUL byte in a path, query or body is a 400, not a database error', async () => {
    for (const req of [
      { url: `/api/v1/track/results/${dossier.code}-KQ1%00.pdf/pdf?t=abcdef` },
      { url: '/api/v1/procedures?q=khai%00sinh' },
      { url: '/api/v1/track', method: 'POST' as const, payload: { code: `${dossier.code}\u0000`, factor: '1234' } },
    ]) {
      const res = await t.app.inject({ ...req, headers: officer, remoteAddress: '10.91.0.1' });
      expect(res.statusCode, req.url).toBe(400);
      expect(res.json().code).toBe('invalid_characters');
    }
  });
});

describe('tracking-code enumeration', () => {
  it('walking consecutive dossier codes from one address gets the same 404 for each, then 429', async () => {
    const prefix = dossier.code.slice(0, -4);
    const bodies = new Set<string>();
    const statuses: number[] = [];
    for (let n = 1; n <= 40; n++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/track', payload: { code: `${prefix}${String(n).padStart(4, '0')}`, factor: '1234' }, remoteAddress: '10.90.0.1' });
      statuses.push(res.statusCode);
      if (res.statusCode === 404) {
        const { instance: _i, requestId: _r, ...rest } = res.json();
        bodies.add(JSON.stringify(rest));
      }
    }
    expect(statuses).not.toContain(200);
    expect(bodies.size).toBe(1);
    expect(statuses.at(-1)).toBe(429);
  });
});
