import type { FormSource } from './forms.data.ts';
import { applicantLines, letterhead, limitText, title } from './pdf/parts.ts';
import { Sheet } from './pdf/sheet.ts';
import { DEFAULT_SPLIT, judgeSteps, phases, plan, type Phase } from './step-budget.ts';
import { actionLabels, outcomeLabels, roleLabels, vnDateTime, vnShort, vnWorkingDuration } from './vn-format.ts';

/**
 * Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ: every handover on the timeline — who gave,
 * who took, when — and, for each step, the working time used against its budget.
 */
const phaseLabels: Record<Phase, string> = { intake: 'Tiếp nhận', processing: 'Xử lý, thẩm định', approval: 'Phê duyệt', return: 'Trả kết quả' };

export type ControlRow = { seq: number; at: Date; action: string; giver: string; receiver: string; step: string; used: string; verdict: string };

/** Who took the result: the person at the counter, the post office with its tracking code, or the citizen online. */
function returnReceiver(data: Record<string, unknown>, applicant: string): string {
  const by = typeof data.receivedBy === 'string' ? data.receivedBy : applicant;
  if (data.returnMethod === 'post') return `Bưu điện, mã bưu gửi ${String(data.postalTrackingCode ?? '')} (gửi ${by})`;
  if (data.returnMethod === 'online') return `${by} (nhận trực tuyến)`;
  return by === applicant ? `${applicant} (người nộp)` : `${by} (người được ủy quyền)`;
}

/** The rows of the sheet, computed apart from drawing so they can be checked on their own. */
export function controlRows(src: FormSource): ControlRow[] {
  const d = src.dossier;
  const events = src.events;
  const verdicts = judgeSteps(src.calendar, events, d.clockStartsAt, d.originalDueAt);
  const who = (name: string | null, role: string) => (name ? `${name} (${roleLabels[role] ?? role})` : (roleLabels[role] ?? role));
  return events.map((e, i) => {
    const next = events[i + 1];
    let receiver: string;
    if (e.action === 'return_result') receiver = returnReceiver(e.data, d.applicant.fullName);
    else if ((e.action === 'assign' || e.action === 'reassign') && typeof e.data.assigneeId === 'string') receiver = who(src.names.get(e.data.assigneeId) ?? null, 'specialist');
    else receiver = next ? who(next.actorName, next.actorRole) : '—';
    const v = verdicts.get(i);
    return {
      seq: e.seq,
      at: e.at,
      action: actionLabels[e.action] ?? e.action,
      giver: who(e.actorName, e.actorRole),
      receiver,
      step: v ? phaseLabels[v.phase] : '',
      used: v ? `${vnWorkingDuration(v.usedMs)} / ${vnWorkingDuration(v.budgetMs)}` : '',
      verdict: v ? outcomeLabels[v.outcome] : '',
    };
  });
}

export async function renderControlSheet(src: FormSource): Promise<Uint8Array> {
  const d = src.dossier;
  const sheet = await Sheet.create('a4', {
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${d.code}`,
    subject: 'Mẫu số 06 — Thông tư 03/2025/TT-VPCP',
    author: src.competent.name,
    keywords: [d.code, 'form-06'],
    createdAt: src.printedAt,
  });
  letterhead(sheet, src.receiving, d.code, src.printedAt);
  title(sheet, 'Phiếu kiểm soát quá trình giải quyết hồ sơ', `Mã hồ sơ: ${d.code}`);
  applicantLines(sheet, d.applicant);
  sheet.field('Thủ tục', `${d.procedureName} (${d.procedureCode})`);
  sheet.field('Thời hạn giải quyết', limitText(d.timeLimit));
  sheet.field('Nhận hồ sơ', vnDateTime(d.receivedAt));
  sheet.field('Hẹn trả kết quả', d.originalDueAt ? vnDateTime(d.originalDueAt) : 'chưa tính (hồ sơ chưa được tiếp nhận đủ)');
  if (d.dueAt && d.originalDueAt && d.dueAt.getTime() !== d.originalDueAt.getTime()) sheet.field('Hẹn lại (thư xin lỗi / bổ sung)', vnDateTime(d.dueAt));

  if (d.clockStartsAt && d.originalDueAt) {
    const p = plan(src.calendar, d.clockStartsAt, d.originalDueAt);
    sheet.text(`Định mức thời gian từng bước (mặc định ${phases.map((ph) => `${phaseLabels[ph].toLowerCase()} ${Math.round(DEFAULT_SPLIT[ph] * 100)}%`).join(', ')} của ${vnWorkingDuration(p.totalMs)} làm việc):`, {
      size: sheet.baseSize - 1,
      italic: true,
    });
  }
  const rows = controlRows(src);
  sheet.table(
    [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Thời gian', width: 11 },
      { header: 'Nội dung', width: 15 },
      { header: 'Bên giao', width: 18 },
      { header: 'Bên nhận', width: 18 },
      { header: 'Bước', width: 10 },
      { header: 'Đã dùng / định mức', width: 13 },
      { header: 'Kết quả', width: 9, align: 'center' },
    ],
    rows.map((r, i) => [String(i + 1), vnShort(r.at), r.action, r.giver, r.receiver, r.step, r.used, r.verdict]),
    { size: 8 },
  );
  if (d.outcome) sheet.field('Kết quả giải quyết chung', outcomeLabels[d.outcome]);
  if (!src.chainIntact) sheet.text('CẢNH BÁO: chuỗi băm của nhật ký hồ sơ không khớp — nhật ký có thể đã bị sửa.', { bold: true });
  sheet.text(`In lúc ${vnDateTime(src.printedAt)}.`, { italic: true, size: sheet.baseSize - 2 });
  return sheet.save();
}
