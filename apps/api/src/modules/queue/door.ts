import QRCode from 'qrcode';
import { notFound } from '../../platform/errors.ts';
import type { QueueDeps } from './queue.deps.ts';
import { findCenterRow } from './queue.repo.ts';

/** The QR code printed at the center's door: it opens the remote-ticket page for this center. */
export async function doorQrSvg(deps: QueueDeps, centerId: string, origin: string): Promise<string> {
  const center = await findCenterRow(deps.ctx.db, centerId);
  if (!center) throw notFound('queue.center_not_found', 'No such center.');
  return QRCode.toString(`${origin}/citizen/queue?center=${center.id}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
