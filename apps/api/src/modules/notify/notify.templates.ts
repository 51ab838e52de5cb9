/** Messages per language (to citizens, and in-app notices to staff). Pure: no DB, no clock. Keep SMS texts short (one or two SMS). */
export type Lang = 'vi' | 'en' | 'id';
export type TemplateId =
  | 'citizen.otp'
  | 'queue.ticket_issued'
  | 'queue.near_turn'
  | 'dossier.submitted'
  | 'dossier.received'
  | 'dossier.supplement'
  | 'dossier.payment_due'
  | 'dossier.result_ready'
  | 'dossier.apology'
  | 'dossier.refused'
  | 'petition.answered'
  | 'sync.dead_letter';

type Params = Record<string, string | number>;
type Table = Record<TemplateId, (p: Params) => string>;

/** The systems a dossier change is delivered to (sync targets), as staff call them. */
const targets: Record<Lang, Record<string, string>> = {
  vi: { portal: 'Cổng Dịch vụ công quốc gia', civil_status: 'CSDL hộ tịch điện tử', household_business: 'Hệ thống đăng ký hộ kinh doanh', webhook: 'hệ thống tích hợp (webhook)' },
  en: { portal: 'the National Public Service Portal', civil_status: 'the civil-status database', household_business: 'the household-business registry', webhook: 'an integrator (webhook)' },
  id: { portal: 'Portal Layanan Publik Nasional', civil_status: 'basis data catatan sipil', household_business: 'sistem pendaftaran usaha rumah tangga', webhook: 'integrator (webhook)' },
};
const target = (lang: Lang, p: Params) => targets[lang][String(p.target)] ?? String(p.target);

const vi: Table = {
  'citizen.otp': (p) => `Motcua: mã xác thực của bạn là ${p.code}. Mã có hiệu lực 5 phút. Không chia sẻ mã này với ai.`,
  'queue.ticket_issued': (p) => `Motcua: bạn đã lấy số ${p.number} (${p.group}). Chúng tôi sẽ nhắn tin khi gần đến lượt.`,
  'queue.near_turn': (p) => `Motcua: số ${p.number} còn ${p.ahead} người nữa là đến lượt. Vui lòng có mặt gần quầy.`,
  'dossier.submitted': (p) => `Motcua: đã nhận hồ sơ trực tuyến ${p.code} (${p.procedure}). Trung tâm sẽ kiểm tra và báo lại.`,
  'dossier.received': (p) => `Motcua: hồ sơ ${p.code} đã được tiếp nhận. Hẹn trả kết quả: ${p.dueAt}.`,
  'dossier.supplement': (p) => `Motcua: hồ sơ ${p.code} cần bổ sung giấy tờ. Xem chi tiết tại ${p.link}`,
  'dossier.payment_due': (p) => `Motcua: hồ sơ ${p.code} cần nộp phí ${p.amount} đồng. Thanh toán tại ${p.link}`,
  'dossier.result_ready': (p) => `Motcua: hồ sơ ${p.code} đã có kết quả. Tải kết quả điện tử tại ${p.link}`,
  'dossier.apology': (p) => `Motcua: xin lỗi vì hồ sơ ${p.code} bị trễ hạn. Ngày hẹn mới: ${p.dueAt}.`,
  'dossier.refused': (p) => `Motcua: hồ sơ ${p.code} không được tiếp nhận. Xem lý do tại ${p.link}`,
  'petition.answered': (p) => `Motcua: phản ánh, kiến nghị ${p.code} đã có câu trả lời. Xem tại ${p.link}`,
  'sync.dead_letter': (p) => `Motcua: thay đổi của hồ sơ ${p.code} không gửi được tới ${target('vi', p)} và đã bị gác lại (${p.error}). Kiểm tra và gửi lại tại ${p.link}`,
};

const en: Table = {
  'citizen.otp': (p) => `Motcua: your code is ${p.code}. It is valid for 5 minutes. Do not share it.`,
  'queue.ticket_issued': (p) => `Motcua: your number is ${p.number} (${p.group}). We will text you when your turn is near.`,
  'queue.near_turn': (p) => `Motcua: number ${p.number}, ${p.ahead} people before you. Please come to the counter area.`,
  'dossier.submitted': (p) => `Motcua: online dossier ${p.code} (${p.procedure}) received. The center will check it and tell you.`,
  'dossier.received': (p) => `Motcua: dossier ${p.code} has been accepted. Result due: ${p.dueAt}.`,
  'dossier.supplement': (p) => `Motcua: dossier ${p.code} needs more documents. Details: ${p.link}`,
  'dossier.payment_due': (p) => `Motcua: dossier ${p.code}: please pay ${p.amount} VND. Pay at ${p.link}`,
  'dossier.result_ready': (p) => `Motcua: the result of dossier ${p.code} is ready. Download it at ${p.link}`,
  'dossier.apology': (p) => `Motcua: we apologise, dossier ${p.code} is late. New date: ${p.dueAt}.`,
  'dossier.refused': (p) => `Motcua: dossier ${p.code} was not accepted. Reasons: ${p.link}`,
  'petition.answered': (p) => `Motcua: your petition ${p.code} has been answered. Read it at ${p.link}`,
  'sync.dead_letter': (p) => `Motcua: a change of dossier ${p.code} could not be delivered to ${target('en', p)} and was set aside (${p.error}). Check and retry at ${p.link}`,
};

const id: Table = {
  'citizen.otp': (p) => `Motcua: kode Anda ${p.code}. Berlaku 5 menit. Jangan bagikan kode ini.`,
  'queue.ticket_issued': (p) => `Motcua: nomor Anda ${p.number} (${p.group}). Kami akan mengirim SMS saat giliran Anda dekat.`,
  'queue.near_turn': (p) => `Motcua: nomor ${p.number}, ${p.ahead} orang lagi sebelum Anda. Silakan menuju loket.`,
  'dossier.submitted': (p) => `Motcua: berkas daring ${p.code} (${p.procedure}) diterima. Pusat layanan akan memeriksanya.`,
  'dossier.received': (p) => `Motcua: berkas ${p.code} telah diterima. Hasil dijadwalkan: ${p.dueAt}.`,
  'dossier.supplement': (p) => `Motcua: berkas ${p.code} perlu dokumen tambahan. Rincian: ${p.link}`,
  'dossier.payment_due': (p) => `Motcua: berkas ${p.code}: harap bayar ${p.amount} VND. Bayar di ${p.link}`,
  'dossier.result_ready': (p) => `Motcua: hasil berkas ${p.code} sudah siap. Unduh di ${p.link}`,
  'dossier.apology': (p) => `Motcua: mohon maaf, berkas ${p.code} terlambat. Tanggal baru: ${p.dueAt}.`,
  'dossier.refused': (p) => `Motcua: berkas ${p.code} tidak diterima. Alasan: ${p.link}`,
  'petition.answered': (p) => `Motcua: pengaduan/saran ${p.code} telah dijawab. Baca di ${p.link}`,
  'sync.dead_letter': (p) => `Motcua: perubahan berkas ${p.code} tidak dapat dikirim ke ${target('id', p)} dan disisihkan (${p.error}). Periksa dan kirim ulang di ${p.link}`,
};

const tables: Record<Lang, Table> = { vi, en, id };
export const templateIds = Object.keys(vi) as TemplateId[];

export function isTemplate(t: string): t is TemplateId {
  return (templateIds as string[]).includes(t);
}

/** Without diacritics: an ASCII SMS stays one 160-character message and shows on every phone. */
export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The text of a message; SMS are folded to ASCII, in-app and e-mail keep the diacritics. */
export function render(template: TemplateId, lang: Lang, params: Params, channel: 'sms' | 'email' | 'inapp' = 'inapp'): string {
  const text = tables[lang][template](params);
  return channel === 'sms' ? fold(text) : text.normalize('NFC');
}

/**
 * The subject of an e-mail: the first sentence of its text, so the three channels keep one wording
 * per event and language ("Motcua: hồ sơ … cần bổ sung giấy tờ"). Codes like H46.01 hold a dot
 * without a space after it, so only a dot before a space or the end closes the sentence.
 */
export function subjectOf(template: TemplateId, lang: Lang, params: Params): string {
  return render(template, lang, params, 'email').split(/\.(?:\s|$)/)[0]!.slice(0, 150);
}

/** What is kept in the delivery log: one-time codes are never stored. */
export function loggedBody(template: TemplateId, lang: Lang, params: Params, channel: 'sms' | 'email' | 'inapp'): string {
  return render(template, lang, template === 'citizen.otp' ? { ...params, code: '******' } : params, channel);
}
