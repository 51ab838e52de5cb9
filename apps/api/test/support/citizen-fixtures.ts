import type { TestApp } from './harness.ts';
import type { SmsSimulator } from '../../src/simulators/sms.ts';
import type { OutboxWorker } from '../../src/platform/outbox/worker.ts';

/** Signs a citizen in through the real OTP flow (code read from the SMS simulator); returns an API client. */
export async function asCitizen(t: TestApp, sms: SmsSimulator, worker: OutboxWorker, phone: string, ip = '10.50.0.1') {
  const asked = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/otp', payload: { phone }, remoteAddress: ip });
  if (asked.statusCode !== 200) throw new Error(`otp ${phone}: ${asked.statusCode} ${asked.body}`);
  await worker.runOnce();
  const code = /(\d{6})/.exec(sms.messages.filter((m) => m.to === phone).at(-1)?.text ?? '')?.[1];
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/otp/verify', payload: { phone, code }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`verify ${phone}: ${res.statusCode} ${res.body}`);
  const { token, citizen } = res.json() as { token: string; citizen: { id: string } };
  return client(t, token, citizen.id);
}

export function client(t: TestApp, token: string, id: string, extra: Record<string, string> = {}) {
  const headers = { authorization: `Bearer ${token}`, ...extra };
  return {
    id,
    token,
    get: (url: string) => t.app.inject({ url, headers }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers, payload }),
    chunk: (id: string, offset: number, bytes: Uint8Array) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/citizen/uploads/${id}`, headers: { ...headers, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, payload: Buffer.from(bytes) }),
  };
}

/** A tiny valid PDF (enough for type sniffing). */
export const samplePdf = (text = 'Giay chung sinh') =>
  new TextEncoder().encode(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text} ${'x'.repeat(3000)}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
