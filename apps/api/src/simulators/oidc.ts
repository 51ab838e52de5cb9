import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import { close, listen, sendJson } from './http-sim.ts';

/**
 * A tiny OpenID Connect provider in the style of the national electronic identity (VNeID):
 * discovery, JWKS, an authorization endpoint that signs in a configured person at once, and a
 * token endpoint that checks the PKCE verifier (S256) and returns an RS256-signed ID token.
 */
export type OidcPerson = { sub: string; name: string; phone_number: string };
export type OidcSimulator = { issuer: string; person: OidcPerson; tokenRequests: number; close(): Promise<void> };

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function signJwt(key: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  return `${head}.${body}.${b64url(sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key))}`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcSimulator(o: { port?: number; clientId: string; person: OidcPerson }): Promise<OidcSimulator> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'sim-1';
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();
  const state = { issuer: '', tokenRequests: 0 };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', state.issuer || 'http://sim');
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer: state.issuer,
        authorization_endpoint: `${state.issuer}/authorize`,
        token_endpoint: `${state.issuer}/token`,
        jwks_uri: `${state.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return sendJson(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== o.clientId || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !p.get('state') || !p.get('redirect_uri')) {
        return sendJson(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: p.get('code_challenge')!, nonce: p.get('nonce') ?? '', redirectUri: p.get('redirect_uri')! });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state')!);
      back.searchParams.set('iss', state.issuer);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      state.tokenRequests++;
      const form = await readForm(req);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        return sendJson(res, 400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = signJwt(privateKey, kid, { iss: state.issuer, aud: o.clientId, sub: o.person.sub, name: o.person.name, phone_number: o.person.phone_number, nonce: grant.nonce, iat: now, exp: now + 300 });
      return sendJson(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    sendJson(res, 404, { error: 'not found' });
  });
  state.issuer = await listen(server, o.port ?? 0);
  return {
    get issuer() {
      return state.issuer;
    },
    person: o.person,
    get tokenRequests() {
      return state.tokenRequests;
    },
    close: () => close(server),
  };
}
