import type { FormEvent, FormSource } from './forms.data.ts';
import { trackingUrl } from './forms.data.ts';
import { applicantLines, clip, letterhead, limitText, qrImage, signatures, title } from './pdf/parts.ts';
import { Sheet, type Layout } from './pdf/sheet.ts';
import { vnDateTime, vnMoney, vnShort } from './vn-format.ts';

/**
 * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025/TT-VPCP, Appendix I): what was
 * received, from whom, by whom, and when to come back, with a QR code to the public tracking page.
 */
type Receipt = {
  documents: { name: string; originals: number; copies: number }[];
  fees: { label: string; amount: number }[];
  feeCollected: number;
  receivedAt: Date;
  dueAt: Date | null;
  limit: string;
  officer: string | null;
};

function receiptOf(src: FormSource, event: FormEvent): Receipt {
  const d = src.dossier;
  // The checklist was ticked at intake; an accept after a supplement request reuses it.
  const withChecklist = src.events.filter((e) => e.seq <= event.seq && Array.isArray(e.data.checklist)).at(-1);
  const provided = new Set(((withChecklist?.data.checklist ?? []) as { itemId: string; provided: boolean }[]).filter((c) => c.provided).map((c) => c.itemId));
  const documents = (src.version?.documents ?? []).filter((doc) => provided.has(doc.id)).map((doc) => ({ name: clip(doc.name), originals: doc.originals, copies: doc.copies }));
  const channel = src.version?.channels.find((c) => c.channel === 'counter') ?? src.version?.channels[0];
  return {
    documents,
    fees: channel?.fees ?? [],
    feeCollected: d.feeTotal,
    receivedAt: d.receivedAt,
    dueAt: typeof event.data.dueAt === 'string' ? new Date(event.data.dueAt) : d.dueAt,
    limit: limitText(d.timeLimit),
    officer: event.actorName,
  };
}

export async function renderReceipt(src: FormSource, event: FormEvent, layout: Layout): Promise<Uint8Array> {
  const r = receiptOf(src, event);
  const d = src.dossier;
  const sheet = await Sheet.create(layout, {
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.code}`,
    subject: 'Mẫu số 01 — Thông tư 03/2025/TT-VPCP',
    author: src.receiving.name,
    keywords: [d.code, 'form-01'],
    createdAt: src.printedAt,
  });
  const qr = await qrImage(sheet, trackingUrl(src));
  return layout === 'thermal' ? thermal(sheet, src, r, qr) : a4(sheet, src, r, qr);
}

async function a4(sheet: Sheet, src: FormSource, r: Receipt, qr: Awaited<ReturnType<typeof qrImage>>): Promise<Uint8Array> {
  const d = src.dossier;
  letterhead(sheet, src.receiving, d.code, r.receivedAt);
  title(sheet, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  sheet.aside(qr, 64, [
    [`Mã hồ sơ: ${d.code}`, { bold: true, size: sheet.baseSize + 1 }],
    ['Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng hồ sơ:', { size: sheet.baseSize - 1 }],
    [trackingUrl(src), { size: sheet.baseSize - 1, italic: true }],
    ...(src.trackingSecret ? [[`Mã tra cứu bí mật: ${src.trackingSecret}`, { bold: true }] as [string, { bold: boolean }]] : []),
  ]);
  sheet.text(`${src.receiving.name} đã tiếp nhận hồ sơ của:`);
  applicantLines(sheet, d.applicant);
  sheet.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  if (d.competentCenterId !== d.centerId) sheet.field('Cơ quan giải quyết', src.competent.name);
  sheet.text('1. Thành phần hồ sơ nộp gồm:', { bold: true });
  sheet.table(
    [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Tên giấy tờ', width: 64 },
      { header: 'Bản chính', width: 12, align: 'center' },
      { header: 'Bản sao', width: 12, align: 'center' },
    ],
    r.documents.length > 0 ? r.documents.map((doc, i) => [String(i + 1), clip(doc.name, 180), String(doc.originals), String(doc.copies)]) : [['—', 'Không có giấy tờ nào được đánh dấu đã nộp', '', '']],
  );
  sheet.field('2. Số lượng hồ sơ', '01 bộ');
  sheet.field('3. Thời hạn giải quyết theo quy định', r.limit);
  sheet.field('4. Thời gian nhận hồ sơ', vnDateTime(r.receivedAt));
  sheet.field('5. Thời gian trả kết quả', r.dueAt ? vnDateTime(r.dueAt) : 'chưa xác định');
  sheet.field('6. Nhận kết quả tại', `${src.receiving.name}${src.receiving.address ? `, ${src.receiving.address}` : ''}`);
  sheet.field('7. Phí, lệ phí', feeText(r));
  signatures(sheet, [
    { heading: 'Người nộp hồ sơ', name: d.applicant.fullName },
    { heading: 'Người tiếp nhận hồ sơ', name: r.officer },
  ]);
  return sheet.save();
}

async function thermal(sheet: Sheet, src: FormSource, r: Receipt, qr: Awaited<ReturnType<typeof qrImage>>): Promise<Uint8Array> {
  const d = src.dossier;
  const s = sheet.baseSize;
  sheet.text(src.receiving.name.normalize('NFC').toLocaleUpperCase('vi-VN'), { bold: true, align: 'center', size: s });
  sheet.rule();
  sheet.text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { bold: true, align: 'center', size: s + 1 });
  sheet.text(d.code, { bold: true, align: 'center', size: s + 4, after: s * 0.6 });
  sheet.field('Người nộp', d.applicant.fullName);
  sheet.field('CCCD', d.applicant.idNumber);
  sheet.field('Thủ tục', `${d.procedureName} (${d.procedureCode})`);
  sheet.field('Giấy tờ đã nộp', r.documents.length > 0 ? String(r.documents.length) : '0');
  r.documents.forEach((doc, i) => sheet.text(`${i + 1}. ${clip(doc.name, 140)}`, { size: s - 1, indent: 6 }));
  sheet.field('Thời hạn', r.limit);
  sheet.field('Phí, lệ phí', feeText(r));
  sheet.field('Nhận lúc', vnShort(r.receivedAt));
  sheet.rule();
  sheet.text('HẸN TRẢ KẾT QUẢ', { bold: true, align: 'center' });
  sheet.text(r.dueAt ? vnShort(r.dueAt) : 'Chưa xác định', { bold: true, align: 'center', size: s + 4, after: s * 0.6 });
  sheet.field('Cán bộ tiếp nhận', r.officer ?? '—');
  sheet.rule();
  sheet.image(qr, 110, `Quét mã để tra cứu hồ sơ: ${trackingUrl(src)}`);
  if (src.trackingSecret) sheet.text(`Mã tra cứu bí mật: ${src.trackingSecret}`, { bold: true, align: 'center' });
  return sheet.save();
}

function feeText(r: Receipt): string {
  if (r.feeCollected > 0) return `đã thu ${vnMoney(r.feeCollected)}`;
  if (r.fees.length === 0) return 'không thu';
  return r.fees.map((f) => `${clip(f.label, 120)}: ${vnMoney(f.amount)}`).join('; ');
}
