import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, stubApi } from './helpers.tsx';

afterEach(() => vi.unstubAllGlobals());

const id = '0196d2f4-3c1e-7a10-8000-0000000000d1';
const waiting = {
  code: 'H46.01-261123-0007',
  procedureName: 'Thủ tục đăng ký khai sinh',
  channel: 'online',
  status: 'supplement_requested',
  statusCode: 5,
  step: null,
  receivedAt: '2026-11-23T09:00:00+07:00',
  dueAt: '2026-11-24T17:00:00+07:00',
  paused: true,
  finishedAt: null,
  outcome: null,
  feeTotal: 0,
  feePaid: false,
  nextStep: 'supplement',
  supplementItems: ['Giấy chứng sinh'],
  supplementRequest: [{ key: 'tp1', name: 'Giấy chứng sinh', note: 'Bản chụp bị mờ, vui lòng gửi lại bản rõ nét.' }],
  timeline: [
    { at: '2026-11-23T09:00:00+07:00', action: 'submit_online', toState: 'new' },
    { at: '2026-11-23T10:00:00+07:00', action: 'request_supplement', toState: 'supplement_requested' },
  ],
  results: [],
};
const resumed = {
  ...waiting,
  status: 'processing',
  statusCode: 4,
  step: 'in_review',
  paused: false,
  nextStep: 'wait_processing',
  supplementItems: [],
  supplementRequest: [],
  timeline: [...waiting.timeline, { at: '2026-11-23T11:00:00+07:00', action: 'receive_supplement', toState: 'processing:in_review' }],
};
const fileId = '0196d2f4-3c1e-7a10-8000-0000000000f1';
const file = { id: fileId, name: 'giay-chung-sinh.pdf', mime: 'application/pdf', size: 9, received: 0, status: 'uploading', source: 'upload', itemId: 'tp1', createdAt: '2026-11-23T11:00:00+07:00' };

describe('answering a supplement request on my dossier page', () => {
  it('shows what was asked, uploads the document, sends it, and then shows the dossier back in processing', async () => {
    const calls = stubApi({
      [`GET /api/v1/citizen/dossiers/${id}`]: { status: 200, body: waiting },
      'POST /api/v1/citizen/uploads': { status: 201, body: file },
      [`PATCH /api/v1/citizen/uploads/${fileId}`]: { status: 200, body: { ...file, received: 9, status: 'complete' } },
      [`POST /api/v1/citizen/dossiers/${id}/supplement`]: { status: 200, body: resumed },
    });
    const { user } = renderApp(`/citizen/dossiers/${id}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Gửi giấy tờ bổ sung trực tuyến' })).toBeTruthy();
    expect(screen.getByText('Ghi chú của trung tâm: Bản chụp bị mờ, vui lòng gửi lại bản rõ nét.')).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Gửi bổ sung' }) as HTMLButtonElement;
    // Nothing uploaded yet: nothing to send.
    expect(send.disabled).toBe(true);

    await user.upload(screen.getByLabelText('Chọn tệp cho: Giấy chứng sinh'), new File(['%PDF-1.4\n'], 'giay-chung-sinh.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Đã tải lên: giay-chung-sinh.pdf')).toBeTruthy();
    expect(JSON.parse(String(calls.find((c) => c.key === 'POST /api/v1/citizen/uploads')!.init!.body))).toMatchObject({ mime: 'application/pdf', itemId: 'tp1' });

    await user.click(screen.getByRole('button', { name: 'Gửi bổ sung' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã gửi giấy tờ bổ sung. Hồ sơ của bạn đang được tiếp tục giải quyết.');
    expect(JSON.parse(String(calls.find((c) => c.key === `POST /api/v1/citizen/dossiers/${id}/supplement`)!.init!.body))).toEqual({ files: [{ key: 'tp1', fileId }] });
    expect(screen.getByTestId('dossier-status').textContent).toBe('Đang giải quyết');
    expect(screen.queryByRole('button', { name: 'Gửi bổ sung' })).toBeNull();
    expect(screen.getByText(/Trung tâm nhận giấy tờ bổ sung/)).toBeTruthy();
  });
});
