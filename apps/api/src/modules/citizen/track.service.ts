import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TrackView } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { toLocalIso } from '../calendar/index.ts';
import { findDossier, findDossierBySecondFactor, listEvents, statusCodes, trackingSecretOf, type DossierRow } from '../dossier/index.ts';
import { findResultByCode, listResults, verifyPath } from '../results/index.ts';
import { openSupplementRequest } from './supplement.service.ts';
import { isPublicEvent, nextStepOf } from './track.rules.ts';

type Deps = Pick<AppContext, 'db' | 'clock'>;
const channels = { 1: 'counter', 2: 'online', 3: 'postal', 4: 'outreach' } as const;
const DOWNLOAD_LINK_SECONDS = 30 * 60;

/** The one answer for an unknown code, a wrong second factor and a locked code alike. */
export const trackNotFound = () => notFound('track.not_found', 'No dossier matches this code and second factor.');

/** Public tracking: status, deadline, timeline, what to do next and the signed results. */
export async function track(deps: Deps, input: { code: string; factor: string }): Promise<TrackView> {
  const d = await findDossierBySecondFactor(deps, input.code, input.factor);
  if (!d) throw trackNotFound();
  return trackView(deps, d);
}

export async function trackView(deps: Deps, d: DossierRow): Promise<TrackView> {
  const events = await listEvents(deps.db, d.id);
  const results = await listResults(deps.db, d.id);
  const exp = Math.floor(deps.clock.now().getTime() / 1000) + DOWNLOAD_LINK_SECONDS;
  const secret = await trackingSecretOf(deps, d.id);
  const supplementRequest = await openSupplementRequest(deps, d);
  return {
    code: d.code,
    procedureName: d.procedureName,
    channel: channels[d.channel as 1 | 2 | 3 | 4],
    status: d.status,
    statusCode: statusCodes[d.status],
    step: d.step,
    receivedAt: toLocalIso(d.receivedAt),
    dueAt: d.dueAt ? toLocalIso(d.dueAt) : null,
    paused: d.pausedAt !== null,
    finishedAt: d.finishedAt ? toLocalIso(d.finishedAt) : null,
    outcome: d.outcome,
    feeTotal: d.feeTotal,
    feePaid: d.feePaid,
    nextStep: nextStepOf(d.status, d.feeTotal, d.feePaid),
    supplementItems: supplementRequest.map((r) => r.name).filter(Boolean),
    supplementRequest,
    timeline: events.filter((e) => isPublicEvent(e.action)).map((e) => ({ at: toLocalIso(e.at), action: e.action, toState: e.toState })),
    results: results.map((r) => ({
      code: r.code,
      signedAt: toLocalIso(r.signedAt),
      downloadUrl: `/api/v1/track/results/${encodeURIComponent(r.code)}/pdf?t=${exp}.${linkMac(secret, r.code, exp)}`,
      verifyUrl: verifyPath(r.code),
    })),
  };
}

const linkMac = (secret: string, resultCode: string, exp: number) => createHmac('sha256', secret).update(`${resultCode}|${exp}`).digest('base64url').slice(0, 32);

/** The signed PDF behind a download link from the tracking page; an expired or forged link is a 404. */
export async function downloadByLink(deps: Deps & Pick<AppContext, 'storage'>, resultCode: string, token: string): Promise<{ code: string; bytes: Uint8Array }> {
  const [expText, mac] = token.split('.');
  const exp = Number(expText);
  const r = await findResultByCode(deps.db, resultCode);
  if (!r || !mac || !Number.isInteger(exp) || exp * 1000 < deps.clock.now().getTime()) throw notFound('track.link_invalid', 'This download link is not valid any more; look the dossier up again.');
  const d = await findDossier(deps.db, r.dossierId);
  const expected = d ? linkMac(await trackingSecretOf(deps, d.id), r.code, exp) : '';
  if (!d || expected.length !== mac.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) {
    throw notFound('track.link_invalid', 'This download link is not valid any more; look the dossier up again.');
  }
  const bytes = await deps.storage.get(r.fileKey);
  if (!bytes) throw notFound('results.file_missing', 'The result file is missing from storage.');
  return { code: r.code, bytes };
}
