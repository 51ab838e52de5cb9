import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';
import { SESSION_COOKIE } from './request.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browsers attach the session cookie to cross-site requests, so a cookie-authenticated write must
 * prove it came from our own pages (Sec-Fetch-Site or Origin). Bearer-token clients are not at risk:
 * no browser adds an Authorization header on its own.
 */
export function registerCsrfGuard(app: FastifyInstance, publicOrigin: string | undefined): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    if (/^bearer /i.test(request.headers.authorization ?? '')) return;
    const hasCookie = (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (site === 'same-origin' || site === 'none') return;
    if (origin) {
      if (origin === publicOrigin || sameHost(origin, request.headers.host)) return;
      throw new DomainError('forbidden', 'csrf_rejected', 'Cross-site request refused.');
    }
    if (site === 'cross-site' || site === 'same-site') {
      throw new DomainError('forbidden', 'csrf_rejected', 'Cross-site request refused.');
    }
    // No browser provenance headers at all: only acceptable without a cookie (scripts, curl).
    if (hasCookie) throw new DomainError('forbidden', 'csrf_rejected', 'Cookie-authenticated writes must come from the Motcua pages.');
  });
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
