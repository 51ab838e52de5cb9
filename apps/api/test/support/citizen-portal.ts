import pino from 'pino';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startTestApp, type TestApp } from './harness.ts';

export type CitizenPortal = {
  t: TestApp;
  /** Where the sign-in codes and dossier notices arrive. */
  sms: SmsSimulator;
  /** Delivers the notify topics only when a test runs it, so each test decides when messages go out. */
  worker: OutboxWorker;
  /** The center (H46.01) that takes birth registrations (1.001193) online. */
  centerId: string;
  /** The papers birth registration asks for. */
  docs: { id: string; name: string; requirement: string }[];
};

/** A test app a citizen can sign in to by SMS code, ready to file a birth registration online. */
export async function startCitizenPortal(env: Record<string, string> = {}): Promise<CitizenPortal> {
  const sms = await startSmsSimulator({ echo: false });
  const t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url, ...env } });
  const worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }) });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
  const centers = (await t.app.inject({ url: '/api/v1/citizen/procedures/1.001193/centers' })).json();
  const centerId = centers.centers.find((c: { agencyCode: string }) => c.agencyCode === 'H46.01').id;
  const docs = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json().documents;
  return { t, sms, worker, centerId, docs };
}
