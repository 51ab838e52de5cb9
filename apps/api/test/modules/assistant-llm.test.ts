import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '@motcua/contracts';
import { startTestApp, type TestApp } from '../support/harness.ts';

/** A tiny OpenAI-compatible endpoint whose next reply the test chooses. */
let reply: (passageIds: string[]) => { answer: string; citations: string[] };
const seen: { model: string; passageIds: string[]; auth: string | undefined }[] = [];
const stub = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const request = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
    const user = JSON.parse(request.messages.find((m) => m.role === 'user')!.content) as { passages: { id: string }[] };
    const passageIds = user.passages.map((p) => p.id);
    seen.push({ model: request.model, passageIds, auth: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(reply(passageIds)) } }] }));
  });
});

let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((ok) => stub.listen(0, '127.0.0.1', ok));
  const { port } = stub.address() as AddressInfo;
  t = await startTestApp({ env: { MOTCUA_LLM_URL: `http://127.0.0.1:${port}/v1`, MOTCUA_LLM_MODEL: 'stub-model', MOTCUA_LLM_KEY: 'stub-key' } });
});
afterAll(async () => {
  await t.close();
  await new Promise((ok) => stub.close(ok));
});

const ask = async (question: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/assistant/ask', payload: { question } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AskResponse;
};

const logOf = async (id: string) => {
  const admin = await t.login('admin');
  const log = (await t.app.inject({ url: '/api/v1/assistant/answers?limit=200', headers: { authorization: `Bearer ${admin}` } })).json();
  return log.items.find((i: { id: string }) => i.id === id);
};

describe('an optional language model rephrases grounded answers only', () => {
  it('shows the model text when it cites only retrieved passages; the model saw only those passages', async () => {
    reply = (ids) => {
      const fees = ids.find((id) => id.endsWith('#fees'))!;
      return { answer: `Đăng ký khai sinh miễn lệ phí [${fees}].`, citations: [fees] };
    };
    const a = await ask('dang ky khai sinh co mat phi khong');
    expect(a.source).toBe('model');
    expect(a.text).toBe('Đăng ký khai sinh miễn lệ phí [1.001193@1#fees].');
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ model: 'stub-model', auth: 'Bearer stub-key' });
    expect(last.passageIds).toEqual(a.citations.map((c) => c.id));
    expect(last.passageIds.every((id) => id.startsWith('1.001193@1#'))).toBe(true);
  });

  it('rejects an answer citing a passage that was not retrieved and shows the template answer', async () => {
    reply = () => ({ answer: 'Lệ phí là 500.000 đồng [1.000894@1#fees].', citations: ['1.000894@1#fees'] });
    const a = await ask('dang ky khai sinh co mat phi khong');
    expect(a.source).toBe('template');
    expect(a.text).toBe('Theo danh mục thủ tục hành chính: Thủ tục đăng ký khai sinh (mã 1.001193). Phí, lệ phí: Nộp trực tiếp: Miễn phí; Nộp trực tuyến: Miễn phí; Qua bưu chính: Miễn phí.');
    expect(JSON.stringify(a)).not.toContain('500.000');
    expect((await logOf(a.id)).source).toBe('template');
    expect(seen.at(-1)!.passageIds).not.toContain('1.000894@1#fees');
  });

  it('rejects an answer with no citation at all, or an invented id inside the text', async () => {
    reply = () => ({ answer: 'Bạn cứ mang giấy tờ tùy thân đến là được.', citations: [] });
    expect((await ask('lam giay khai sinh can gi')).source).toBe('template');
    reply = (ids) => ({ answer: `Mang giấy chứng sinh [${ids[1]}] và sổ hộ khẩu [9.999999@1#documents].`, citations: [ids[1]!] });
    expect((await ask('lam giay khai sinh can gi')).source).toBe('template');
  });

  it('is never asked about a question nothing in the catalog answers', async () => {
    const before = seen.length;
    const a = await ask('giá vàng hôm nay bao nhiêu');
    expect(a.kind).toBe('not_found');
    expect(seen.length).toBe(before);
  });
});
