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

const answered = {
  code: 'PAKN-46-2026-000001',
  kind: 'suggestion',
  title: 'Đề nghị thêm ghế chờ',
  content: 'Thiếu ghế.',
  senderInitials: null,
  published: true,
  centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
  status: 'answered',
  receivedAt: '2026-02-12T10:00:00+07:00',
  dueAt: '2026-03-12T10:00:00+07:00',
  answer: 'Đã bổ sung ghế.',
  refusalReason: null,
  closedAt: '2026-03-02T09:00:00+07:00',
  outcome: 'on_time',
  infoRequest: null,
  satisfaction: null,
};

describe('petitions', () => {
  it('shows a published answer with "Công dân" for an anonymous sender and no contact details', async () => {
    stubApi({ 'GET /api/v1/petitions/public/PAKN-46-2026-000001': { status: 200, body: answered } });
    renderApp('/pakn/PAKN-46-2026-000001');
    expect((await screen.findByTestId('petition-answer')).textContent).toBe('Đã bổ sung ghế.');
    expect(screen.getByTestId('petition-sender').textContent).toBe('Công dân');
    expect(screen.getByText('10:00 12/03/2026')).toBeTruthy();
    expect(screen.getByText('Trả lời đúng hạn')).toBeTruthy();
  });

  it('asks the sender for the follow-up code when the code alone opens nothing, then shows their petition with initials', async () => {
    const code = 'PAKN-46-2026-000002';
    stubApi({
      [`GET /api/v1/petitions/public/${code}`]: problem(404, 'feedback.petition_not_found', 'No such petition.'),
      [`GET /api/v1/petitions/public/${code}?secret=K7M2Q9XR4T8W`]: { status: 200, body: { ...answered, code, senderInitials: 'L.T.H.', published: false } },
    });
    const { user } = renderApp(`/pakn/${code}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Không tìm thấy phản ánh này, hoặc phản ánh chưa được công khai. Nếu bạn là người gửi, hãy nhập mã theo dõi.');
    await user.type(screen.getByLabelText('Mã theo dõi (nhận được khi gửi phản ánh)'), 'k7m2q9xr4t8w');
    await user.click(screen.getByRole('button', { name: 'Mở phản ánh' }));
    expect((await screen.findByTestId('petition-sender')).textContent).toBe('L.T.H.');
    expect(screen.getByText('Không, chỉ người có mã theo dõi xem được')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bạn có hài lòng với câu trả lời?' })).toBeTruthy();
  });

  it('sends the consent to publish only when the sender ticks it', async () => {
    const centerId = '0196d2f4-3c1e-7a10-8000-000000000002';
    const calls = stubApi({
      'GET /api/v1/queue/centers': { status: 200, body: [{ id: centerId, agencyCode: 'H46.01', name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân' }] },
      'POST /api/v1/petitions': { status: 201, body: { code: 'PAKN-46-2026-000003', secret: 'K7M2Q9XR4T8W', receivedAt: '2026-02-12T10:00:00+07:00', dueAt: '2026-03-12T10:00:00+07:00' } },
    });
    const { user } = renderApp('/pakn/gui');
    await user.selectOptions(await screen.findByLabelText('Trung tâm'), 'Trung tâm Phục vụ hành chính công phường Phú Xuân');
    await user.type(screen.getByLabelText('Tiêu đề'), 'Đề nghị thêm ghế chờ');
    await user.type(screen.getByLabelText('Nội dung'), 'Phòng chờ thiếu ghế vào buổi sáng.');
    await user.type(screen.getByLabelText('Họ và tên'), 'Lê Thị Hoa');
    await user.type(screen.getByLabelText('Số điện thoại'), '0912345678');
    const consent = screen.getByRole('checkbox', { name: 'Đồng ý công khai phản ánh và câu trả lời' });
    expect((consent as HTMLInputElement).checked).toBe(false);
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect((await screen.findByTestId('petition-code')).textContent).toBe('Đã nhận phản ánh PAKN-46-2026-000003');
    const sent = JSON.parse(String(calls.find((c) => c.key === 'POST /api/v1/petitions')!.init!.body));
    expect(sent).toMatchObject({ publish: true, anonymous: false, name: 'Lê Thị Hoa' });
  }, 20_000);
});
