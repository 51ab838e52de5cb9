import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '@motcua/contracts';
import { ensureCitizenUser, openSession } from '../../src/modules/auth/index.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist, receivedBirthRegistration } from '../support/dossier-fixtures.ts';

let t: TestApp;
let dossierCode: string;
let dossierId: string;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  ({ code: dossierCode, id: dossierId } = await receivedBirthRegistration(t));
});
afterAll(() => t.close());

const ask = async (question: string, extra: object = {}, ip = '10.1.0.1') => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/assistant/ask', payload: { question, ...extra }, remoteAddress: ip });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AskResponse;
};
const askDossier = (body: object, headers: Record<string, string> = {}, ip = '10.2.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/assistant/dossier-questions', payload: body, headers, remoteAddress: ip });

/** Every fact cites at least one citation of the answer, and every citation links to its procedure page. */
function expectGrounded(a: AskResponse) {
  expect(a.facts.length).toBeGreaterThan(0);
  expect(a.citations.length).toBeGreaterThan(0);
  const ids = new Set(a.citations.map((c) => c.id));
  for (const f of a.facts) {
    expect(f.citations.length).toBeGreaterThan(0);
    for (const id of f.citations) expect(ids.has(id), `${f.heading} cites ${id}`).toBe(true);
  }
  for (const c of a.citations) {
    expect(c.url).toBe(`/citizen/procedures/${c.code}`);
    expect(c.id).toBe(`${c.code}@${c.version}#${c.section}`);
  }
}

describe('answers from the catalog, with citations', () => {
  it('"lam giay khai sinh can gi" names Đăng ký khai sinh with its code and version and lists the documents', async () => {
    const a = await ask('lam giay khai sinh can gi');
    expect(a.kind).toBe('answer');
    expect(a.intents).toEqual(['documents']);
    expect(a.source).toBe('template');
    expectGrounded(a);
    expect(a.text).toContain('1.001193');
    expect(a.facts[0]!.lines[0]).toMatch(/^Thủ tục đăng ký khai sinh — mã 1\.001193, phiên bản 1/);
    const documents = a.facts.find((f) => f.intent === 'documents')!;
    expect(documents.citations).toEqual(['1.001193@1#documents']);
    expect(documents.lines.some((l) => l.startsWith('Giấy chứng sinh'))).toBe(true);
  });

  it('answers fees and time per channel when asked, in the language of the question', async () => {
    const fees = await ask('đăng ký kết hôn mất bao nhiêu tiền');
    expect(fees.intents).toEqual(['fees']);
    expect(fees.citations[0]!.code).toBe('1.000894');
    expect(fees.facts.find((f) => f.intent === 'fees')!.lines).toEqual(['Nộp trực tiếp: Miễn phí', 'Nộp trực tuyến: Miễn phí', 'Qua bưu chính: Miễn phí']);
    const time = await ask('how long does marriage registration take');
    expect(time.language).toBe('en');
    expect(time.text).toBe('From the procedure catalog: Thủ tục đăng ký kết hôn (code 1.000894). Time limit: At the counter: 1 working day; Online: 1 working day; By post: 1 working day.');
    expect(time.facts.find((f) => f.intent === 'time')!.lines).toContain('At the counter: 1 working day');
    const id = await ask('berapa biaya akta kelahiran');
    expect(id.language).toBe('id');
    expect(id.facts.find((f) => f.intent === 'fees')!.lines[0]).toBe('Di loket: Gratis');
  });

  it('never gives an answer without citations, whatever is asked', async () => {
    const questions = ['dang ky thuong tru can giay to gi', 'xin giấy phép xây dựng nhà ở', 'chứng thực bản sao ở đâu', 'cap doi the can cuoc co nop online duoc khong', 'thủ tục công nhận hộ nghèo căn cứ pháp lý', 'dieu kien dang ky ket hon', 'register a death', 'syarat pendaftaran pernikahan'];
    for (const q of questions) {
      const a = await ask(q);
      expect(['answer', 'clarify'], q).toContain(a.kind);
      expectGrounded(a);
    }
  });

  it('says where to go at this center when asked from its kiosk', async () => {
    const token = await t.login('phuxuan.motcua');
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: { authorization: `Bearer ${token}` } })).json();
    const a = await ask('đăng ký khai sinh ở đâu', { centerId: center.id, surface: 'kiosk' });
    const where = a.facts.find((f) => f.intent === 'where')!;
    expect(where.lines.some((l) => l.startsWith('Tại trung tâm này: lấy số nhóm'))).toBe(true);
  });

  it('asks back with the candidates when two procedures fit equally, and answers the one picked', async () => {
    const a = await ask('chứng thực chữ ký trên giấy ủy quyền');
    expect(a.kind).toBe('clarify');
    expect(a.text).toBe('Tôi tìm thấy vài thủ tục gần giống. Bạn muốn hỏi thủ tục nào?');
    expect(a.candidates.length).toBeGreaterThan(1);
    expect(a.candidates.map((c) => c.code)).toContain('2.000884');
    expectGrounded(a);
    const picked = await ask('chứng thực chữ ký trên giấy ủy quyền', { procedureCode: '2.000884' });
    expect(picked.kind).toBe('answer');
    expect(picked.citations.every((c) => c.code === '2.000884')).toBe(true);
  });
});

describe('on a procedure page', () => {
  it('answers a question that names no procedure about the procedure of the page', async () => {
    const a = await ask('mất bao lâu?', { contextCode: '1.004873' });
    expect(a.kind).toBe('answer');
    expect(a.intents).toEqual(['time']);
    expect(a.citations.map((c) => c.id)).toEqual(['1.004873@1#procedure', '1.004873@1#time']);
    // A question that names a procedure is still about that one.
    expect((await ask('đăng ký kết hôn mất bao lâu?', { contextCode: '1.004873' })).citations[0]!.code).toBe('1.000894');
  });
});

describe('questions the catalog cannot answer', () => {
  it.each(['thời tiết hôm nay thế nào', 'giá vàng hôm nay bao nhiêu', 'zzqqxx', 'what is the weather like'])('"%s" is answered honestly: nothing found, ask at the counter', async (q) => {
    const a = await ask(q);
    expect(a.kind).toBe('not_found');
    expect(a.facts).toEqual([]);
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/không tìm thấy|found no procedure/);
    expect(a.text).toMatch(/quầy|counter/);
  });

  it('rejects an empty or overlong question and writes nothing', async () => {
    for (const question of ['', 'x'.repeat(501)]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/assistant/ask', payload: { question } });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('questions about a dossier need proof of owning it', () => {
  it('tells nothing about a dossier named in a question without proof, even to staff', async () => {
    const anon = await ask(`hồ sơ ${dossierCode} của tôi đến đâu rồi?`);
    expect(anon.kind).toBe('dossier_auth');
    expect(anon.dossier).toBeNull();
    expect(anon.facts).toEqual([]);
    expect(JSON.stringify(anon)).not.toMatch(/processing|đang giải quyết|1\.001193/);
    const token = await t.login('phuxuan.motcua');
    const staff = (await askDossier({ question: `hồ sơ ${dossierCode} sao rồi` }, { authorization: `Bearer ${token}` })).json();
    expect(staff.kind).toBe('dossier_auth');
    const mine = await ask('why is my dossier waiting?');
    expect(mine.kind).toBe('dossier_auth');
  });

  it('answers the same 404 for an unknown code and a wrong phone, and the status with the right one', async () => {
    const wrong = await askDossier({ question: 'hồ sơ của tôi đến đâu rồi', dossier: { code: dossierCode, phoneLast4: '0000' } });
    const unknown = await askDossier({ question: 'hồ sơ của tôi đến đâu rồi', dossier: { code: 'H46.01-261123-9999', phoneLast4: '3456' } });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: string) => {
      const { instance: _i, requestId: _r, ...rest } = JSON.parse(b);
      return rest;
    };
    expect(strip(wrong.body)).toEqual(strip(unknown.body));

    const ok = await askDossier({ question: 'why is my dossier waiting?', dossier: { code: dossierCode, phoneLast4: '3456' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const a = ok.json() as AskResponse;
    expect(a.kind).toBe('dossier');
    expect(a.language).toBe('en');
    expect(a.dossier).toMatchObject({ code: dossierCode, status: 'processing', step: 'assigned', dueAt: '2026-11-23T17:00:00+07:00', paused: false });
    expect(a.dossier!.expected[0]).toMatch(/^Nothing for now/);
    expectGrounded(a);
    expect(JSON.stringify(a)).not.toContain(applicant.idNumber);
  });

  it('tells the owner which papers to bring when a supplement was requested', async () => {
    const officer = await asUser(t, 'phuxuan.chuyenvien');
    const current = (await officer.get(`/api/v1/dossiers/${dossierId}`)).json();
    const { documents } = await completeChecklist(t, '1.001193');
    const item = documents.find((d) => d.requirement === 'mandatory')!;
    const res = await officer.act(dossierId, { action: 'request_supplement', expectedVersion: current.version, supplementItems: [{ itemId: item.id }], reason: 'Bản chụp không đọc được' });
    expect(res.statusCode, res.body).toBe(200);
    const a = (await askDossier({ question: 'hồ sơ của tôi cần bổ sung gì', dossier: { code: dossierCode, phoneLast4: '3456' } })).json() as AskResponse;
    expect(a.dossier!.status).toBe('supplement_requested');
    expect(a.dossier!.paused).toBe(true);
    expect(a.dossier!.expected[0]).toMatch(/^Bổ sung các giấy tờ/);
    expect(a.dossier!.expected.length).toBe(2);
  });
});

describe('a signed-in citizen and their own dossier', () => {
  /** A citizen account (as the portal creates it on first sign-in) and a bearer token for it. */
  async function citizen(phone: string) {
    const userId = await ensureCitizenUser(t.ctx.db, t.ctx, { username: `citizen.${phone}`, fullName: 'Trần Văn Bình' });
    await t.ctx.db.execute(sql`insert into citizens (user_id, phone, created_at) values (${userId}, ${phone}, now())`);
    const { token } = await openSession(t.ctx.db, t.ctx, { id: userId, username: `citizen.${phone}` }, { ip: null, userAgent: null });
    return { userId, headers: { authorization: `Bearer ${token}` } };
  }

  it('answers the citizen who filed the dossier from their account without a second factor (by code, or their latest), and nobody else', async () => {
    const owner = await citizen('0905123456');
    const other = await citizen('0911222333');
    await t.ctx.db.execute(sql`insert into dossier_online (dossier_id, citizen_id, submitted_at) values (${dossierId}, ${owner.userId}, now())`);
    const question = { question: `hồ sơ ${dossierCode} của tôi sao rồi` };
    const mine = (await askDossier(question, owner.headers, '10.3.0.1')).json() as AskResponse;
    expect(mine.kind).toBe('dossier');
    expect(mine.dossier!.code).toBe(dossierCode);
    const latest = (await askDossier({ question: 'hồ sơ của tôi đến đâu rồi' }, owner.headers, '10.3.0.1')).json() as AskResponse;
    expect(latest.dossier!.code).toBe(dossierCode);
    const theirs = (await askDossier(question, other.headers, '10.3.0.2')).json() as AskResponse;
    expect(theirs.kind).toBe('dossier_auth');
    expect(theirs.dossier).toBeNull();
    expect(((await askDossier({ question: 'hồ sơ của tôi đến đâu rồi' }, other.headers, '10.3.0.2')).json() as AskResponse).kind).toBe('dossier_auth');
  });
});

describe('quality log without personal data', () => {
  it('redacts ID and phone numbers, keeps the retrieved codes, and takes a thumbs up once per answer id', async () => {
    const a = await ask('Tôi tên Bình, số định danh 046090123456, sđt 0905 123 456, làm giấy khai sinh cho con cần gì?');
    expect(a.kind).toBe('answer');
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/assistant/answers/${a.id}/feedback`, payload: { helpful: true } });
    expect(rated.statusCode).toBe(204);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/assistant/answers/019a0000-0000-7000-8000-000000000000/feedback', payload: { helpful: false } });
    expect(missing.statusCode).toBe(404);

    const admin = await t.login('admin');
    const log = (await t.app.inject({ url: '/api/v1/assistant/answers?rated=1', headers: { authorization: `Bearer ${admin}` } })).json();
    const entry = log.items.find((i: { id: string }) => i.id === a.id);
    expect(entry.question).toBe('Tôi tên Bình, số định danh [id], sđt [phone], làm giấy khai sinh cho con cần gì?');
    expect(entry.helpful).toBe(true);
    expect(entry.retrievedCodes).toContain('1.001193');
    const all = (await t.app.inject({ url: '/api/v1/assistant/answers?limit=200', headers: { authorization: `Bearer ${admin}` } })).json();
    expect(JSON.stringify(all)).not.toMatch(/0905123456|046090123456/);
    expect(JSON.stringify(all)).not.toContain(dossierCode);

    const officer = await t.login('phuxuan.motcua');
    expect((await t.app.inject({ url: '/api/v1/assistant/answers', headers: { authorization: `Bearer ${officer}` } })).statusCode).toBe(403);
  });
});

describe('pre-check of attached files before online submission', () => {
  it('lists missing mandatory documents, files of the wrong type and files it cannot place', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/precheck',
      payload: {
        procedureCode: '1.001193',
        files: [
          { name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: 120_000 },
          { name: 'to khai dang ky khai sinh.jpg', type: 'image/jpeg', size: 300_000 },
          { name: 'setup.exe', type: 'application/x-msdownload', size: 5_000 },
          { name: 'IMG_2041.png', type: 'image/png', size: 900_000 },
          { name: 'huge.pdf', type: 'application/pdf', size: 20 * 1024 * 1024 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const byName = new Map(r.items.map((i: { name: string; status: string; files: string[] }) => [i.name.slice(0, 15), i]));
    expect((byName.get('Giấy chứng sinh') as { status: string }).status).toBe('ok');
    expect((byName.get('Tờ khai đăng ký') as { files: string[] }).files).toEqual(['to khai dang ky khai sinh.jpg']);
    expect(r.missing.length).toBeGreaterThan(0);
    expect(r.missing.every((m: { itemId: string }) => r.items.find((i: { itemId: string }) => i.itemId === m.itemId).requirement === 'mandatory')).toBe(true);
    expect(r.rejected).toEqual([
      { name: 'setup.exe', reason: 'type' },
      { name: 'huge.pdf', reason: 'size' },
    ]);
    expect(r.unmatched).toEqual(['IMG_2041.png']);
    expect(r.text).toMatch(/^Còn thiếu \d+ giấy tờ bắt buộc\./);
    expect(r.citations).toEqual([expect.objectContaining({ id: '1.001193@1#documents', url: '/citizen/procedures/1.001193' })]);
  });

  it('is complete when each mandatory item has a file chosen for it', async () => {
    const { documents } = await completeChecklist(t, '1.000894');
    const files = documents.filter((d) => d.requirement === 'mandatory').map((d, i) => ({ name: `scan-${i}.pdf`, type: 'application/pdf', size: 1000, itemId: d.id }));
    const r = (await t.app.inject({ method: 'POST', url: '/api/v1/assistant/precheck', payload: { procedureCode: '1.000894', files, language: 'en' } })).json();
    expect(r.missing).toEqual([]);
    expect(r.text).toBe('Every mandatory document in the catalog has a file.');
  });
});
