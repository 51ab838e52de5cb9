import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { problem, renderApp, stubApi } from './helpers.tsx';

const code = 'H46.01-261123-0001';

describe('rating a dossier', () => {
  it('asks a visitor who is not signed in for the second factor, then takes the rating once', async () => {
    const calls = stubApi({
      [`GET /api/v1/feedback/ratings/${code}`]: problem(404, 'dossier.not_found', 'No such dossier.'),
      [`GET /api/v1/feedback/ratings/${code}?secondFactor=3456`]: { status: 200, body: { dossierCode: code, procedureName: 'Thủ tục đăng ký khai sinh', rateable: true, reason: null, rating: null } },
      'POST /api/v1/feedback/ratings': { status: 201, body: { dossierCode: code, overall: 'very_satisfied', criteria: {}, comment: null, channel: 'kiosk', ratedAt: '2026-11-23T10:00:00+07:00' } },
    });
    const { user } = renderApp(`/citizen/dossiers/${code}/rate`);
    await user.type(await screen.findByLabelText('4 số cuối điện thoại của người nộp (hoặc mã tra cứu trên giấy hẹn)'), '3456');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(within(await screen.findByRole('group', { name: 'Mức độ hài lòng chung' })).getByRole('radio', { name: 'Rất hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá!')).toBeTruthy();
    const sent = JSON.parse(String(calls.find((c) => c.key === 'POST /api/v1/feedback/ratings')!.init!.body));
    expect(sent).toEqual({ dossierCode: code, overall: 'very_satisfied', criteria: {}, secondFactor: '3456' });
  }, 20_000);

  it('says when the result has not been returned yet', async () => {
    stubApi({ [`GET /api/v1/feedback/ratings/${code}?ticketId=01900000-0000-7000-8000-000000000009`]: { status: 200, body: { dossierCode: code, procedureName: 'Thủ tục đăng ký khai sinh', rateable: false, reason: 'not_returned', rating: null } } });
    renderApp(`/citizen/dossiers/${code}/rate?ticket=01900000-0000-7000-8000-000000000009`);
    expect(await screen.findByText('Hồ sơ chưa trả kết quả. Bạn có thể đánh giá sau khi nhận kết quả.')).toBeTruthy();
  });
});

describe('petitions', () => {
  it('shows the public answer without contact details', async () => {
    stubApi({
      'GET /api/v1/petitions/public/PAKN-46-2026-000001': {
        status: 200,
        body: { code: 'PAKN-46-2026-000001', kind: 'suggestion', title: 'Đề nghị thêm ghế chờ', content: 'Thiếu ghế.', submitterName: null, centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân', status: 'answered', receivedAt: '2026-02-12T10:00:00+07:00', dueAt: '2026-03-12T10:00:00+07:00', answer: 'Đã bổ sung ghế.', refusalReason: null, closedAt: '2026-03-02T09:00:00+07:00', outcome: 'on_time', infoRequest: null, satisfaction: null },
      },
    });
    renderApp('/pakn/PAKN-46-2026-000001');
    expect((await screen.findByTestId('petition-answer')).textContent).toBe('Đã bổ sung ghế.');
    expect(screen.getByText('Giấu tên')).toBeTruthy();
    expect(screen.getByText('10:00 12/03/2026')).toBeTruthy();
    expect(screen.getByText('Trả lời đúng hạn')).toBeTruthy();
  });
});
