import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, toLocalIso } from '../../src/modules/calendar/index.ts';
import { petitionedDossiers, petitionsForReports } from '../../src/modules/feedback/index.ts';
import { closingOutcome, petitionDeadlines } from '../../src/modules/feedback/petition.rules.ts';
import { nextStatus } from '../../src/modules/feedback/petition.states.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { bearer, feeDossier } from './payments-support.ts';

let t: TestApp;
let centerId: string;
// Thursday 12 February 2026, 10:00 in Huế: the last working day before Tết Bính Ngọ.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-02-12T03:00:00Z' });
  const centers = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string; agencyCode: string }[];
  centerId = centers.find((c) => c.agencyCode === 'H46.01')!.id;
});
afterAll(() => t.close());

let ip = 0;
// Each submission from its own address: the endpoint allows 5 a minute per address.
const submit = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/petitions', payload: body, remoteAddress: `10.1.0.${++ip}` });
const complaint = (extra: object = {}) => ({ kind: 'complaint', centerId, title: 'Cán bộ hẹn lại nhiều lần', content: 'Tôi phải đến trung tâm ba lần mà hồ sơ vẫn chưa được giải quyết.', name: 'Lê Thị Hoa', phone: '0912345678', ...extra });

describe('petition deadlines on the working calendar', () => {
  it('counts 2, 5 and 15 working days from receipt across Tết 2026', async () => {
    const d = petitionDeadlines(await loadCalendar(t.ctx), new Date('2026-02-12T03:00:00Z'));
    expect(toLocalIso(d.refuseBy)).toBe('2026-02-23T10:00:00+07:00');
    expect(toLocalIso(d.infoBy)).toBe('2026-02-26T10:00:00+07:00');
    expect(toLocalIso(d.dueAt)).toBe('2026-03-12T10:00:00+07:00');
    expect(closingOutcome('refuse', new Date('2026-02-23T03:00:00Z'), d)).toBe('on_time');
    expect(closingOutcome('refuse', new Date('2026-02-23T03:00:01Z'), d)).toBe('late');
    expect(closingOutcome('answer', new Date('2026-03-12T03:00:00Z'), d)).toBe('on_time');
  });

  it('lets each action happen only from the statuses the table allows', () => {
    expect(nextStatus('received', 'answer')).toBe('answered');
    expect(nextStatus('info_requested', 'answer')).toBe('answered');
    expect(nextStatus('info_requested', 'refuse')).toBeNull();
    expect(nextStatus('answered', 'request_info')).toBeNull();
    expect(nextStatus('info_requested', 'provide_info')).toBe('received');
  });
});

describe('petitions (PAKN) from submission to public answer', () => {
  it('receives a petition with its deadlines, and the desk answers it on time; the sender’s page shows the answer with initials only, the code alone shows nothing', async () => {
    const res = await submit(complaint());
    expect(res.statusCode, res.body).toBe(201);
    const { code, secret, dueAt } = res.json();
    expect(code).toBe('PAKN-46-2026-000001');
    expect(dueAt).toBe('2026-03-12T10:00:00+07:00');

    const director = await bearer(t, 'phuxuan.giamdoc');
    const list = (await t.app.inject({ url: '/api/v1/petitions', headers: director })).json();
    const item = list.items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ status: 'received', refuseBy: '2026-02-23T10:00:00+07:00', infoBy: '2026-02-26T10:00:00+07:00', contactPhone: '0912345678', repeated: false });
    expect((await t.app.inject({ url: '/api/v1/petitions', headers: await bearer(t, 'ayun.giamdoc') })).json().items).toEqual([]);

    t.clock.set('2026-03-02T02:00:00Z');
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${item.id}/actions`, headers: await bearer(t, 'phuxuan.giamdoc'), payload: { action: 'answer', text: 'Trung tâm đã kiểm tra và xin lỗi ông/bà; hồ sơ đã được giải quyết ngày 02/3/2026.', expectedVersion: item.version } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', outcome: 'on_time' });

    // The sender's page (with the follow-up code): the answer, their initials, never their name or phone.
    const pub = (await t.app.inject({ url: `/api/v1/petitions/public/${code}?secret=${secret}` })).json();
    expect(pub).toMatchObject({ code, status: 'answered', outcome: 'on_time', senderInitials: 'L.T.H.', published: false, infoRequest: null });
    expect(pub.answer).toContain('xin lỗi');
    expect(JSON.stringify(pub)).not.toContain('0912345678');
    expect(JSON.stringify(pub)).not.toContain('Hoa');

    // The sender did not agree to publish: the code alone or a wrong follow-up code finds nothing.
    // Everything but the request's own address and id.
    const problem = (body: string) => {
      const { type, title, status, detail, code: problemCode } = JSON.parse(body);
      return { type, title, status, detail, problemCode };
    };
    const unknown = await t.app.inject({ url: '/api/v1/petitions/public/PAKN-46-2026-999999' });
    expect(unknown.statusCode).toBe(404);
    for (const url of [`/api/v1/petitions/public/${code}`, `/api/v1/petitions/public/${code}?secret=AAAAAAAAAAAA`]) {
      const res = await t.app.inject({ url });
      expect(problem(res.body), url).toEqual(problem(unknown.body));
    }

    // The submitter says whether the answer satisfied them, once, with the follow-up code.
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/public/${code}/follow-up`, payload: { secret: 'AAAAAAAAAAAA', satisfaction: 'dissatisfied' } });
    expect(wrong.statusCode).toBe(404);
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/public/${code}/follow-up`, payload: { secret, satisfaction: 'dissatisfied' } });
    expect(rated.json().satisfaction).toBe('dissatisfied');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/public/${code}/follow-up`, payload: { secret, satisfaction: 'satisfied' } });
    expect(again.statusCode).toBe(409);
  });

  it('asks for information, takes the reply, and a refusal after 2 working days counts as late', async () => {
    t.clock.set('2026-02-12T03:00:00Z');
    const { code, secret } = (await submit(complaint({ kind: 'suggestion', anonymous: true, name: undefined, phone: undefined, email: 'an.danh@example.vn', title: 'Đề nghị thêm ghế chờ', content: 'Phòng chờ của trung tâm thiếu ghế vào buổi sáng.' }))).json();
    const officer = await bearer(t, 'phuxuan.motcua');
    const item = (await t.app.inject({ url: '/api/v1/petitions', headers: officer })).json().items.find((i: { code: string }) => i.code === code);
    expect(item.submitterName).toBeNull();

    t.clock.set('2026-02-24T02:00:00Z');
    const later = await bearer(t, 'phuxuan.motcua');
    const ask = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${item.id}/actions`, headers: later, payload: { action: 'request_info', text: 'Xin cho biết buổi nào thiếu ghế.' } });
    expect(ask.json().status).toBe('info_requested');
    expect((await t.app.inject({ url: `/api/v1/petitions/public/${code}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/petitions/public/${code}?secret=${secret}` })).json().infoRequest).toBe('Xin cho biết buổi nào thiếu ghế.');
    const reply = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/public/${code}/follow-up`, payload: { secret, info: 'Sáng thứ Hai hằng tuần.' } });
    expect(reply.json().status).toBe('received');

    const refuse = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${item.id}/actions`, headers: later, payload: { action: 'refuse', text: 'Nội dung thuộc thẩm quyền của UBND phường.' } });
    expect(refuse.json()).toMatchObject({ status: 'refused', outcome: 'late', infoReply: 'Sáng thứ Hai hằng tuần.' });
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${item.id}/actions`, headers: later, payload: { action: 'answer', text: 'Trả lời sau khi đã từ chối.' } });
    expect(twice.statusCode, twice.body).toBe(409);
  });

  it('marks a second petition by the same person about the same dossier as a repeat, and never reveals whether a dossier code exists', async () => {
    // A dossier of November 2026 (the procedure's seeded version is in force from then).
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await feeDossier(t, '0912345678');
    const first = (await submit(complaint({ dossierCode: d.code }))).json();
    const second = (await submit(complaint({ dossierCode: d.code, title: 'Vẫn chưa được giải quyết' }))).json();
    const unknown = await submit(complaint({ dossierCode: 'H46.01-000000-9999', phone: '0987654321' }));
    expect(unknown.statusCode).toBe(201);
    const items = (await t.app.inject({ url: '/api/v1/petitions', headers: await bearer(t, 'phuxuan.giamdoc') })).json().items as { code: string; repeated: boolean; dossierCode: string }[];
    expect(items.find((i) => i.code === first.code)).toMatchObject({ repeated: false, dossierCode: d.code });
    expect(items.find((i) => i.code === second.code)).toMatchObject({ repeated: true });
  });

  it('gives the scoring each petition with on-time and "counts against" (late, dissatisfied, repeated)', async () => {
    const rows = await petitionsForReports(t.ctx.db, null, new Date('2026-11-23T02:00:00Z'));
    const by = (code: string) => rows.find((r) => r.code === code)!;
    expect(by('PAKN-46-2026-000001')).toMatchObject({ onTime: true, bad: true }); // answered on time, answer rated dissatisfied
    expect(by('PAKN-46-2026-000002')).toMatchObject({ onTime: false, bad: true }); // refused after 2 working days
    expect(by('PAKN-46-2026-000004')).toMatchObject({ onTime: false, bad: true }); // a repeat, and still open
    const linked = rows.filter((r) => r.dossierId).map((r) => r.dossierId!);
    expect((await petitionedDossiers(t.ctx.db, linked)).size).toBe(1);
  });

  it('refuses a petition with no contact or no name unless anonymous, and writes nothing', async () => {
    const noContact = await submit(complaint({ phone: undefined }));
    expect(noContact.statusCode).toBe(400);
    const noName = await submit(complaint({ name: undefined }));
    expect(noName.statusCode).toBe(400);
    const noCenter = await submit(complaint({ centerId: '01900000-0000-7000-8000-000000000000' }));
    expect(noCenter.statusCode).toBe(400);
  });
  it('publishes an answered petition by its code only when the sender agreed, with initials and no contacts; walking the codes finds nothing else', async () => {
    t.clock.set('2026-02-12T03:00:00Z');
    const published = (await submit(complaint({ publish: true, name: 'Đặng Văn Ánh', phone: '0912000111' }))).json();
    const anonymous = (await submit(complaint({ publish: true, anonymous: true, name: undefined, phone: '0912000222' }))).json();
    const director = await bearer(t, 'phuxuan.giamdoc');
    // Not answered yet: not public, even with consent.
    expect((await t.app.inject({ url: `/api/v1/petitions/public/${published.code}` })).statusCode).toBe(404);
    const items = (await t.app.inject({ url: '/api/v1/petitions', headers: director })).json().items as { id: string; code: string; published: boolean; submitterName: string | null }[];
    expect(items.find((i) => i.code === published.code)).toMatchObject({ published: true, submitterName: 'Đặng Văn Ánh' });
    for (const code of [published.code, anonymous.code]) {
      const id = items.find((i) => i.code === code)!.id;
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${id}/actions`, headers: director, payload: { action: 'answer', text: 'Trung tâm đã bố trí thêm cán bộ tiếp nhận vào buổi sáng.' } });
      expect(res.statusCode, res.body).toBe(200);
    }

    const open = await t.app.inject({ url: `/api/v1/petitions/public/${published.code}` });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ status: 'answered', senderInitials: 'Đ.V.A.', published: true, infoRequest: null });
    expect(open.body).not.toMatch(/Đặng|0912000111/);
    expect((await t.app.inject({ url: `/api/v1/petitions/public/${anonymous.code}` })).json().senderInitials).toBeNull();
    // Reading is open, acting is not: only the follow-up code lets someone rate the answer.
    const stranger = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/public/${published.code}/follow-up`, payload: { secret: 'AAAAAAAAAAAA', satisfaction: 'satisfied' } });
    expect(stranger.statusCode).toBe(404);

    // Someone walking the sequential codes of the year sees only the two published answers.
    const seen: string[] = [];
    for (let n = 1; n <= 12; n++) {
      const code = `PAKN-46-2026-${String(n).padStart(6, '0')}`;
      const res = await t.app.inject({ url: `/api/v1/petitions/public/${code}`, remoteAddress: '10.1.9.9' });
      if (res.statusCode === 200) seen.push(code);
      else expect(res.json().code).toBe('feedback.petition_not_found');
    }
    expect(seen.sort()).toEqual([published.code, anonymous.code].sort());
  });
});
