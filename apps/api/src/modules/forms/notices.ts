import type { FormEvent, FormNo, FormSource } from './forms.data.ts';
import { applicantLines, clip, letterhead, signatures, title } from './pdf/parts.ts';
import { Sheet } from './pdf/sheet.ts';
import { roleLabels, vnDateTime } from './vn-format.ts';

/**
 * Forms 02–05 (Circular 03/2025/TT-VPCP, Appendix I): one letter each, drawn from the timeline
 * event that produced it — its reason, its requested items, its dates — never from today's state.
 */
const titles: Record<'02' | '03' | '04' | '05', string> = {
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Thông báo dừng giải quyết hồ sơ',
};

type Requested = { itemId?: string; name?: string; legalReason?: string; note?: string };

export async function renderNotice(src: FormSource, event: FormEvent, form: '02' | '03' | '04' | '05'): Promise<Uint8Array> {
  const d = src.dossier;
  const center = form === '04' || form === '05' ? src.competent : src.receiving;
  const sheet = await Sheet.create('a4', {
    title: `${titles[form]} ${d.code}`,
    subject: `Mẫu số ${form} — Thông tư 03/2025/TT-VPCP`,
    author: center.name,
    keywords: [d.code, `form-${form}`],
    createdAt: src.printedAt,
  });
  letterhead(sheet, center, d.code, event.at);
  title(sheet, titles[form], `Mã hồ sơ: ${d.code}`);
  bodies[form](sheet, src, event);
  const heading = form === '04' || form === '05' ? 'Thủ trưởng cơ quan' : 'Người tiếp nhận hồ sơ';
  signatures(sheet, [{ heading: form === '04' || form === '05' ? `${heading}\n(${roleLabels[event.actorRole] ?? event.actorRole})` : heading, name: event.actorName }]);
  return sheet.save();
}

const bodies: Record<'02' | '03' | '04' | '05', (sheet: Sheet, src: FormSource, event: FormEvent) => void> = {
  '02': (sheet, src, event) => {
    const d = src.dossier;
    sheet.text(`${src.receiving.name} tiếp nhận hồ sơ của:`);
    applicantLines(sheet, d.applicant);
    sheet.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
    sheet.text('Sau khi kiểm tra, hồ sơ cần được bổ sung, hoàn thiện một lần những nội dung sau:', { bold: true });
    const items = (Array.isArray(event.data.requested) ? event.data.requested : []) as Requested[];
    const names = new Map((src.version?.documents ?? []).map((doc) => [doc.id, doc.name]));
    sheet.table(
      [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Giấy tờ cần bổ sung, hoàn thiện', width: 58 },
        { header: 'Lý do / căn cứ', width: 36 },
      ],
      items.map((it, i) => [
        String(i + 1),
        clip((it.itemId ? names.get(it.itemId) : undefined) ?? it.name ?? it.itemId ?? '—'),
        [it.note, it.legalReason ? `Căn cứ: ${it.legalReason}` : undefined].filter(Boolean).join('. ') || (it.itemId ? 'Thành phần hồ sơ theo quy định của thủ tục' : '—'),
      ]),
    );
    if (event.reason) sheet.field('Ghi chú', event.reason);
    sheet.text('Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định. Ông/Bà vui lòng bổ sung các giấy tờ trên và nộp lại tại nơi đã nộp hồ sơ; thời gian bổ sung không tính vào thời hạn giải quyết.', { italic: true });
  },
  '03': (sheet, src, event) => {
    const d = src.dossier;
    sheet.text(`${src.receiving.name} tiếp nhận hồ sơ của:`);
    applicantLines(sheet, d.applicant);
    sheet.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
    sheet.text('Sau khi xem xét, hồ sơ không đủ điều kiện để tiếp nhận giải quyết với lý do như sau:', { bold: true });
    sheet.text(event.reason ?? '—', { indent: 14 });
    sheet.text('Xin thông báo để Ông/Bà được biết và thực hiện.', { italic: true });
  },
  '04': (sheet, src, event) => {
    const d = src.dossier;
    const previous = typeof event.data.previousDueAt === 'string' ? new Date(event.data.previousDueAt) : d.originalDueAt;
    const next = typeof event.data.newDueAt === 'string' ? new Date(event.data.newDueAt) : d.dueAt;
    sheet.text(`Ngày ${vnDateTime(d.receivedAt)}, ${src.receiving.name} tiếp nhận hồ sơ của:`);
    applicantLines(sheet, d.applicant);
    sheet.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
    sheet.field('Thời gian hẹn trả kết quả', previous ? vnDateTime(previous) : '—');
    sheet.text(`Tuy nhiên đến nay, ${src.competent.name} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà.`);
    sheet.field('Lý do', event.reason ?? '—');
    if (typeof event.data.cause === 'string') sheet.field('Khâu / cơ quan làm chậm', event.data.cause);
    sheet.text(`Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${src.competent.name} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào ${next ? vnDateTime(next) : '—'}.`);
    sheet.text('Rất mong nhận được sự thông cảm của Ông/Bà.', { italic: true });
  },
  '05': (sheet, src, event) => {
    const d = src.dossier;
    const withdrawn = event.action === 'withdraw';
    sheet.text(`${src.competent.name} thông báo dừng giải quyết hồ sơ của:`);
    applicantLines(sheet, d.applicant);
    sheet.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
    sheet.field('Ngày tiếp nhận', vnDateTime(d.receivedAt));
    sheet.field('Thời điểm dừng', vnDateTime(event.at));
    sheet.field(withdrawn ? 'Lý do (theo đề nghị rút hồ sơ của người nộp)' : 'Lý do dừng giải quyết', event.reason ?? '—');
    sheet.text(withdrawn ? 'Hồ sơ được trả lại cho Ông/Bà theo đề nghị rút hồ sơ.' : 'Xin thông báo để Ông/Bà được biết.', { italic: true });
  },
};

export const noticeForms: readonly FormNo[] = ['02', '03', '04', '05'];
