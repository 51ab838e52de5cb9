import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { AskResponse } from '@motcua/contracts';
import { AssistantWidget } from '../src/features/assistant/assistant-widget.tsx';
import { renderApp, stubApi } from './helpers.tsx';

const cite = (section: string) => ({
  id: `1.001193@1#${section}`,
  code: '1.001193',
  version: 1,
  versionId: '0196d2f4-3c1e-7a10-8000-0000000000c1',
  section,
  procedureName: 'Thủ tục đăng ký khai sinh',
  url: '/citizen/procedures/1.001193',
});
const answer: AskResponse = {
  id: '0196d2f4-3c1e-7a10-8000-0000000000d1',
  kind: 'answer',
  language: 'vi',
  intents: ['documents'],
  text: 'Theo danh mục thủ tục hành chính: Thủ tục đăng ký khai sinh (mã 1.001193).',
  facts: [
    { intent: 'procedure', heading: 'Thủ tục', lines: ['Thủ tục đăng ký khai sinh — mã 1.001193, phiên bản 1 (lĩnh vực Hộ tịch)'], citations: ['1.001193@1#procedure'] },
    { intent: 'documents', heading: 'Giấy tờ cần chuẩn bị', lines: ['Giấy chứng sinh (1 bản chính)'], citations: ['1.001193@1#documents'] },
  ],
  citations: [cite('procedure'), cite('documents')],
  candidates: [],
  dossier: null,
  source: 'template',
};
const authAnswer: AskResponse = { ...answer, id: '0196d2f4-3c1e-7a10-8000-0000000000d2', kind: 'dossier_auth', intents: ['dossier'], text: 'Để xem hồ sơ, hãy đăng nhập…', facts: [], citations: [] };

function renderWidget(surface: 'portal' | 'kiosk' = 'kiosk') {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <AssistantWidget surface={surface} />
    </MemoryRouter>,
  );
  return user;
}

describe('procedure assistant widget', () => {
  it('shows the answer in a live log, each fact linked to its procedure page, and sends a thumbs up', async () => {
    const calls = stubApi({ 'POST /api/v1/assistant/ask': { status: 200, body: answer }, [`POST /api/v1/assistant/answers/${answer.id}/feedback`]: { status: 204 } });
    const user = renderWidget();
    await user.click(screen.getByLabelText('Câu hỏi của bạn'));
    await user.paste('lam giay khai sinh can gi');
    await user.click(screen.getByRole('button', { name: 'Hỏi' }));
    const log = screen.getByRole('log', { name: 'Hội thoại với trợ lý' });
    expect(await within(log).findByText(answer.text)).toBeTruthy();
    const documents = within(log).getByRole('region', { name: 'Giấy tờ cần chuẩn bị' });
    expect(within(documents).getByText('Giấy chứng sinh (1 bản chính)')).toBeTruthy();
    expect(within(documents).getByRole('link', { name: /Thủ tục đăng ký khai sinh \(mã 1\.001193, phiên bản 1\) — giấy tờ/ }).getAttribute('href')).toBe('/citizen/procedures/1.001193');
    expect(JSON.parse(String(calls[0]!.init!.body))).toEqual({ language: 'vi', surface: 'kiosk', question: 'lam giay khai sinh can gi' });
    await user.click(screen.getByRole('button', { name: /Có ích/ }));
    expect(await screen.findByText('Cảm ơn bạn đã góp ý.')).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain(`POST /api/v1/assistant/answers/${answer.id}/feedback`);
  });

  it('hides voice input where the browser has no speech recognition and offers it where it has', async () => {
    renderWidget();
    expect(screen.queryByRole('button', { name: 'Nói câu hỏi' })).toBeNull();
    const start = vi.fn();
    vi.stubGlobal('webkitSpeechRecognition', class { start = start; stop() {} });
    const user = renderWidget();
    await user.click(screen.getAllByRole('button', { name: 'Nói câu hỏi' })[0]!);
    expect(start).toHaveBeenCalled();
  });

  it('asks for the dossier code and the last 4 phone digits before any dossier answer', async () => {
    const calls = stubApi({
      'POST /api/v1/assistant/ask': { status: 200, body: authAnswer },
      'POST /api/v1/assistant/dossier-questions': { status: 404, body: { type: 'x', title: 'x', status: 404, detail: 'x', code: 'assistant.dossier_not_found' } },
    });
    const user = renderWidget('portal');
    await user.click(screen.getByLabelText('Câu hỏi của bạn'));
    await user.paste('hồ sơ của tôi đến đâu rồi');
    await user.click(screen.getByRole('button', { name: 'Hỏi' }));
    await user.click(await screen.findByLabelText('Mã hồ sơ (trên giấy hẹn)'));
    await user.paste('h46.01-261123-0001');
    await user.click(screen.getByLabelText('4 số cuối điện thoại người nộp'));
    await user.paste('3456');
    await user.click(screen.getByRole('button', { name: 'Xem tình trạng' }));
    expect(await screen.findByText(/Không tìm thấy hồ sơ với mã và 4 số này/)).toBeTruthy();
    expect(JSON.parse(String(calls[1]!.init!.body)).dossier).toEqual({ code: 'H46.01-261123-0001', phoneLast4: '3456' });
  });

  it('opens from a button on the citizen portal pages', async () => {
    stubApi({ 'GET /api/v1/procedures/sectors': { status: 200, body: [] }, 'GET /api/v1/procedures?q=&limit=30': { status: 200, body: { items: [], total: 0 } } });
    const { user } = renderApp('/citizen');
    await user.click(screen.getByRole('button', { name: 'Hỏi trợ lý thủ tục' }));
    expect(screen.getByRole('heading', { name: 'Trợ lý thủ tục' })).toBeTruthy();
    expect(screen.getByLabelText('Câu hỏi của bạn')).toBeTruthy();
  });
});
