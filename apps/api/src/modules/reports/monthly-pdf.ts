import type { ActivityFigures, ScoreResponse } from '@motcua/contracts';
import { Sheet, title, vnLongDate } from '../forms/index.ts';

const groupNames: Record<string, string> = {
  transparency: 'Công khai, minh bạch',
  progress: 'Tiến độ, kết quả giải quyết',
  online: 'Cung cấp dịch vụ trực tuyến',
  payment: 'Thanh toán trực tuyến',
  digitisation: 'Số hóa hồ sơ',
  satisfaction: 'Mức độ hài lòng',
};
const bandNames = { excellent: 'Xuất sắc', good: 'Tốt', average: 'Trung bình', weak: 'Yếu' } as const;
const vn = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export type MonthlyReport = { unitName: string; month: string; from: string; to: string; score: ScoreResponse; activity: ActivityFigures; createdAt: Date };

/** The monthly report (A4): the 766 index by group and indicator, then the month's activity. */
export async function renderMonthlyReport(r: MonthlyReport): Promise<Uint8Array> {
  const sheet = await Sheet.create('a4', { title: `Báo cáo tháng ${r.month} — ${r.unitName}`, subject: 'Bộ chỉ số 766', author: 'Motcua', createdAt: r.createdAt });
  title(sheet, `Báo cáo kết quả giải quyết thủ tục hành chính tháng ${r.month}`, r.unitName);
  sheet.text(`Kỳ báo cáo: từ ${r.from} đến ${r.to}. Lập ngày ${vnLongDate(r.createdAt)}.`, { italic: true, after: 8 });
  sheet.text(`Tổng điểm Bộ chỉ số 766: ${vn(r.score.total)}/100 — xếp loại ${bandNames[r.score.band]} — ${r.score.stars} sao`, { bold: true, after: 8 });
  sheet.table(
    [
      { header: 'Nhóm / chỉ số', width: 0.46 },
      { header: 'Tử số', width: 0.14, align: 'right' },
      { header: 'Mẫu số', width: 0.14, align: 'right' },
      { header: 'Điểm', width: 0.13, align: 'right' },
      { header: 'Tối đa', width: 0.13, align: 'right' },
    ],
    r.score.groups.flatMap((g) => [
      [groupNames[g.id] ?? g.id, '', '', vn(g.points), vn(g.max)],
      ...g.indicators.map((i) => [`   Chỉ số ${i.id}`, vn(i.numerator), vn(i.denominator), vn(i.points), vn(i.max)]),
    ]),
  );
  sheet.space(10);
  sheet.text('Tình hình tiếp nhận và giải quyết', { bold: true, after: 4 });
  const a = r.activity;
  const lines: [string, string][] = [
    ['Hồ sơ tiếp nhận', vn(a.received)],
    ['Hồ sơ đã giải quyết', vn(a.handled)],
    ['Trước hạn / đúng hạn / quá hạn', `${vn(a.early)} / ${vn(a.onTime)} / ${vn(a.late)}`],
    ['Đang giải quyết cuối kỳ', vn(a.inProgress)],
    ['Đã trả kết quả', vn(a.returned)],
    ['Thời gian giải quyết bình quân (ngày làm việc)', a.avgProcessingDays === null ? '—' : vn(a.avgProcessingDays)],
    ['Hồ sơ trực tuyến', vn(a.online)],
    ['Thanh toán trực tuyến', vn(a.paidOnline)],
    ['Có kết quả điện tử', vn(a.eResult)],
    ['Được số hóa', vn(a.digitized)],
    ['Đánh giá không hài lòng / lượt đánh giá', `${vn(a.dissatisfied)} / ${vn(a.rated)}`],
  ];
  for (const [k, v] of lines) sheet.field(k, v);
  return sheet.save();
}
