import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.gov.vn' } });
});
afterAll(() => t.close());

describe('taking a number from the phone (QR code at the door)', () => {
  it('the door QR encodes the remote-ticket page of that center, and an unknown center is a 404', async () => {
    const [center] = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string }[];
    const res = await t.app.inject({ url: `/api/v1/queue/centers/${center!.id}/door.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    // Same text, same options → the same symbol: the code carries exactly this address.
    const expected = await QRCode.toString(`https://motcua.hue.gov.vn/citizen/queue?center=${center!.id}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(res.body).toBe(expected);
    const unknown = await t.app.inject({ url: '/api/v1/queue/centers/01890000-0000-7000-8000-000000000000/door.svg' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('queue.center_not_found');
  });

  it('a ticket taken remotely joins the same line as the kiosk, behind those already waiting', async () => {
    const centers = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string; agencyCode: string }[];
    const center = centers.find((c) => c.agencyCode === 'H46.01')!;
    const [group] = (await t.app.inject({ url: `/api/v1/centers/${center.id}/service-groups` })).json() as { id: string; code: string }[];
    const take = (source: 'kiosk' | 'online') =>
      t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/tickets`, payload: { serviceGroupId: group!.id, priority: null, phone: null, source } });
    const atKiosk = (await take('kiosk')).json();
    const remote = await take('online');
    expect(remote.statusCode).toBe(201);
    const ticket = remote.json();
    expect(ticket.number).toBe(`${group!.code}${String(Number(atKiosk.number.slice(1)) + 1).padStart(3, '0')}`);
    expect(ticket.ahead).toBe(1);
  });
});
