import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, stubApi } from './helpers.tsx';

const centerId = '0196d2f4-3c1e-7a10-8000-000000000002';
const ticketId = '0196d2f4-3c1e-7a10-8000-0000000000f1';
const centerName = 'Trung tâm Phục vụ hành chính công phường Phú Xuân';

describe('remote queue number (phone)', () => {
  it('from the door QR (center preselected), a phone and a group take an online ticket and open its page', async () => {
    const calls = stubApi({
      'GET /api/v1/queue/centers': { status: 200, body: [{ id: centerId, agencyCode: 'H46.01', name: centerName }] },
      [`GET /api/v1/centers/${centerId}/service-groups`]: { status: 200, body: [{ id: '0196d2f4-3c1e-7a10-8000-0000000000a1', centerId, code: 'A', name: 'Hộ tịch', sortOrder: 0 }] },
      [`POST /api/v1/queue/centers/${centerId}/tickets`]: { status: 201, body: { id: ticketId } },
      [`GET /api/v1/queue/tickets/${ticketId}`]: {
        status: 200,
        body: {
          id: ticketId, centerId, centerName, number: 'A007', serviceGroupCode: 'A', serviceGroupName: 'Hộ tịch', priority: null, status: 'waiting',
          issuedAt: '2026-11-23T02:50:00.000Z', ahead: 3, estimatedWaitMinutes: 12, counterNumber: null,
          statusUrl: `http://localhost/queue/tickets/${ticketId}`, qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', rating: null,
        },
      },
    });
    const { user } = renderApp(`/citizen/queue?center=${centerId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lấy số thứ tự từ xa' })).toBeTruthy();
    await user.type(await screen.findByLabelText('Số điện thoại (không bắt buộc)'), '0905123456');
    await user.click(await screen.findByRole('button', { name: 'A · Hộ tịch' }));
    const body = JSON.parse(String(calls.find((c) => c.key === `POST /api/v1/queue/centers/${centerId}/tickets`)!.init!.body));
    expect(body).toEqual({ serviceGroupId: '0196d2f4-3c1e-7a10-8000-0000000000a1', priority: null, phone: '0905123456', source: 'online' });
    // The ticket page follows the line from here.
    expect((await screen.findAllByText('A007')).length).toBeGreaterThan(0);
  });
});
