import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { pdfPageSizes, pdfText } from './forms-support.ts';

let t: TestApp;
// Monday 23 November 2026, 09:00 in Huế.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z', env: { MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.example', MOTCUA_SESSION_HOURS: '720' } });
});
afterAll(() => t.close());

type User = Awaited<ReturnType<typeof asUser>>;

async function form(user: User, id: string, f: string, query = '') {
  const res = await user.get(`/api/v1/dossiers/${id}/forms/${f}.pdf${query}`);
  return { res, pdf: new Uint8Array(res.rawPayload) };
}

/** All pages' text with line breaks folded, so a phrase split over two lines still matches. */
const flat = async (pdf: Uint8Array) => (await pdfText(pdf)).join('\n').replace(/\s+/g, ' ');

describe('Form 01, the receipt and appointment slip', () => {
  let officer: User;
  let d: { id: string; code: string };

  beforeAll(async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept', feesCollected: 8000 })).json();
  });

  it('prints on A4 in Vietnamese with code, applicant, procedure, documents, fees, dates, officer and tracking link', async () => {
    const { res, pdf } = await form(officer, d.id, '01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${d.code}-mau-01.pdf`);
    expect(await pdfPageSizes(pdf)).toEqual([{ width: 210, height: 297 }]);
    const text = await flat(pdf);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${d.code}`,
      'Trần Văn Bình',
      '046090123456',
      'Thủ tục đăng ký khai sinh (mã thủ tục 1.001193)',
      'Giấy chứng sinh',
      'đã thu 8.000 đồng',
      '09 giờ 00 phút, ngày 23/11/2026',
      '17 giờ 00 phút, ngày 23/11/2026',
      'Nguyễn Thị Mai',
      `https://motcua.hue.example/tra-cuu/${d.code}`,
      'Phú Xuân, ngày 23 tháng 11 năm 2026',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('prints on an 80 mm thermal roll, cut to its content', async () => {
    const { res, pdf } = await form(officer, d.id, '01', '?layout=thermal');
    expect(res.statusCode).toBe(200);
    const [size] = await pdfPageSizes(pdf);
    expect(size!.width).toBe(80);
    expect(size!.height).toBeGreaterThan(100);
    expect(size!.height).toBeLessThan(400);
    const text = await flat(pdf);
    expect(text).toContain('HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('23/11/2026 17:00');
    expect(text).toContain(d.code);
    expect(text).toContain(`https://motcua.hue.example/tra-cuu/${d.code}`);
  });

  it('lists what the dossier can print, and refuses what it cannot', async () => {
    const list = (await officer.get(`/api/v1/dossiers/${d.id}/forms`)).json();
    expect(list.items.map((i: { form: string }) => i.form)).toEqual(['01', '06']);
    expect(list.items[0]).toMatchObject({ layouts: ['a4', 'thermal'], url: `/api/v1/dossiers/${d.id}/forms/01.pdf?seq=1` });
    const missing = await form(officer, d.id, '02');
    expect(missing.res.statusCode).toBe(404);
    expect(missing.res.json().code).toBe('forms.not_available');
    const thermal06 = await form(officer, d.id, '06', '?layout=thermal');
    expect(thermal06.res.statusCode).toBe(400);
    expect((await form(officer, d.id, '07')).res.statusCode).toBe(400);
    const ayun = await asUser(t, 'ayun.motcua');
    expect((await form(ayun, d.id, '01')).res.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` })).statusCode).toBe(401);
  });
});

describe('Forms 02–05, the letters', () => {
  it('Form 02 lists every requested item at once, with the legal reason of an extra document', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist, documents } = await completeChecklist(t, '1.001193');
    const d = (
      await officer.intake({
        procedureCode: '1.001193',
        applicant,
        checklist,
        decision: 'supplement',
        supplementItems: [
          { itemId: documents[0]!.id, note: 'Bản sao mờ, không đọc được' },
          { name: 'Giấy xác nhận tình trạng hôn nhân', legalReason: 'Khoản 2 Điều 16 Luật Hộ tịch: cần xác minh quan hệ cha mẹ' },
        ],
      })
    ).json();
    const { res, pdf } = await form(officer, d.id, '02');
    expect(res.statusCode).toBe(200);
    const text = await flat(pdf);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain((documents[0] as unknown as { name: string }).name.replace(/\s+/g, ' ').trim());
    expect(text).toContain('Bản sao mờ, không đọc được');
    expect(text).toContain('Giấy xác nhận tình trạng hôn nhân');
    expect(text).toContain('Căn cứ: Khoản 2 Điều 16 Luật Hộ tịch');
  });

  it('Form 03 gives the reasons for refusing', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'refuse', reason: 'Trẻ đã được đăng ký khai sinh tại nơi khác' })).json();
    const text = await flat((await form(officer, d.id, '03')).pdf);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Trẻ đã được đăng ký khai sinh tại nơi khác');
  });

  it('Form 04 apologises with the old date, the new date and the cause; Form 05 records a withdrawal', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const officer = await asUser(t, 'phuxuan.motcua');
    const leader = await asUser(t, 'phuxuan.lanhdao');
    const { checklist } = await completeChecklist(t, '1.000689'); // 3 working days
    const d = (await officer.intake({ procedureCode: '1.000689', applicant, checklist, decision: 'accept' })).json();
    const apology = await leader.act(d.id, { action: 'apologize', reason: 'Chờ xác minh từ UBND xã khác', newDueAt: '2026-12-01T10:00:00+07:00' });
    expect(apology.statusCode, apology.body).toBe(200);
    const text04 = await flat((await form(leader, d.id, '04')).pdf);
    expect(text04).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text04).toContain('09 giờ 00 phút, ngày 26/11/2026');
    expect(text04).toContain('10 giờ 00 phút, ngày 01/12/2026');
    expect(text04).toContain('Chờ xác minh từ UBND xã khác');
    expect(text04).toContain('Tôn Nữ Thanh Hương');

    const withdrawn = await officer.act(d.id, { action: 'withdraw', reason: 'Người nộp xin rút hồ sơ để bổ sung giấy tờ' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const text05 = await flat((await form(officer, d.id, '05')).pdf);
    expect(text05).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text05).toContain('theo đề nghị rút hồ sơ của người nộp');
    expect(text05).toContain('Người nộp xin rút hồ sơ để bổ sung giấy tờ');
  });
});

describe('Form 06, the process control sheet', () => {
  async function run(steps: [string, string, number][]) {
    t.clock.set('2026-11-23T02:00:00Z');
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    for (const [username, action, minutesLater] of steps) {
      t.clock.advance(minutesLater * 60_000);
      const res = await (await asUser(t, username)).act(d.id, { action });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    return { d, text: await flat((await form(officer, d.id, '06')).pdf) };
  }

  it('shows every handover with who gave and took it, and every step on time for a same-day birth registration', async () => {
    const { text } = await run([
      ['phuxuan.chuyenvien', 'start_review', 30],
      ['phuxuan.chuyenvien', 'submit_for_approval', 10],
      ['phuxuan.lanhdao', 'approve', 10],
      ['phuxuan.chuyenvien', 'finish', 10],
      ['phuxuan.motcua', 'return_result', 10],
    ]);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    for (const action of ['Tiếp nhận hồ sơ', 'Chuyển chuyên viên xử lý', 'Trình lãnh đạo phê duyệt', 'Phê duyệt, ký kết quả', 'Hoàn thành, chuyển kết quả', 'Trả kết quả']) {
      expect(text, action).toContain(action);
    }
    expect(text).toContain('Nguyễn Thị Mai (Cán bộ một cửa)');
    expect(text).toContain('Tôn Nữ Thanh Hương (Lãnh đạo)');
    expect(text).toContain('Trần Văn Bình (người nộp)');
    expect(text.match(/Đúng hạn/g)?.length).toBe(5); // four steps and the overall outcome
    expect(text).not.toContain('Quá hạn');
  });

  it('marks a step that used more than its share of the time as late', async () => {
    // Processing may use 60% of the day's 7 working hours (4 h 12 min); this review takes 4 h 30 min.
    const { text } = await run([
      ['phuxuan.chuyenvien', 'start_review', 10],
      ['phuxuan.chuyenvien', 'submit_for_approval', 330],
      ['phuxuan.lanhdao', 'approve', 10],
    ]);
    expect(text).toMatch(/Xử lý, thẩm định \d.* Quá hạn/);
    expect(text.match(/Quá hạn/g)?.length).toBe(1);
  });
});
