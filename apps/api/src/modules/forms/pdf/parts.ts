import type { Applicant, Center, TimeLimit } from '@motcua/contracts';
import QRCode from 'qrcode';
import type { PDFImage } from 'pdf-lib';
import { vnLongDate } from '../vn-format.ts';
import type { Sheet } from './sheet.ts';

/** Pieces every administrative form shares: letterhead, applicant lines, signature blocks, QR codes. */

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');

/** The issuing authority as the letterhead names it: the People's Committee, then the center. */
export function authorityLines(center: Pick<Center, 'name' | 'communeName' | 'provinceName' | 'level'>): [string, string] {
  const parent = center.level === 'commune' && center.communeName ? `UBND ${center.communeName}` : `UBND ${center.provinceName}`;
  return [upper(parent), upper(center.name)];
}

/** Where a document is dated: the commune (or province) name without its unit word. */
export function placeName(center: Pick<Center, 'communeName' | 'provinceName'>): string {
  const name = center.communeName ?? center.provinceName;
  return name.replace(/^(Phường|Xã|Đặc khu|Thị trấn|Thành phố|Tỉnh)\s+/u, '');
}

/** Left: authority and number; right: the national motto and the date, as on every official document. */
export function letterhead(sheet: Sheet, center: Center, number: string, at: Date): void {
  const [parent, name] = authorityLines(center);
  const s = sheet.baseSize;
  sheet.columns([
    { width: 0.42, lines: [[parent, { size: s - 1 }], [name, { size: s - 1, bold: true, underline: true }]] },
    { width: 0.58, lines: [['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: s - 1, bold: true }], ['Độc lập - Tự do - Hạnh phúc', { size: s, bold: true, underline: true }]] },
  ]);
  sheet.columns([
    { width: 0.42, lines: [[`Số: ${number}`, { size: s - 1 }]] },
    { width: 0.58, lines: [[`${placeName(center)}, ${vnLongDate(at)}`, { size: s - 1, italic: true }]] },
  ]);
  sheet.space(s * 0.8);
}

export function title(sheet: Sheet, text: string, subtitle?: string): void {
  sheet.text(upper(text), { bold: true, align: 'center', size: sheet.baseSize + 1, after: subtitle ? 0 : sheet.baseSize * 0.8 });
  if (subtitle) sheet.text(subtitle, { italic: true, align: 'center', after: sheet.baseSize * 0.8 });
}

export function applicantLines(sheet: Sheet, a: Applicant): void {
  sheet.field('Ông/Bà', a.fullName);
  sheet.field('Số định danh cá nhân (CCCD)', a.idNumber);
  sheet.field('Địa chỉ', a.address.line);
  if (a.phone || a.email) sheet.field('Điện thoại / thư điện tử', [a.phone, a.email].filter(Boolean).join(' — '));
  if (a.representative) sheet.field('Người được ủy quyền', `${a.representative.fullName} (${a.representative.relation}), CCCD ${a.representative.idNumber}`);
}

/** Signature blocks side by side: each with its heading, the "(sign, full name)" hint, and the printed name. */
export function signatures(sheet: Sheet, blocks: { heading: string; name: string | null }[]): void {
  const s = sheet.baseSize;
  sheet.space(s * 0.5);
  sheet.columns(
    blocks.map((b) => ({
      width: 1 / blocks.length,
      lines: [
        [upper(b.heading), { bold: true, size: s - 1 }],
        ['(Ký và ghi rõ họ tên)', { italic: true, size: s - 2 }],
        ['\n\n', { size: s }],
        [b.name ?? '', { bold: true, size: s - 1 }],
      ] as [string, { bold?: boolean; italic?: boolean; size: number }][],
    })),
  );
}

export async function qrImage(sheet: Sheet, url: string): Promise<PDFImage> {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  return sheet.doc.embedPng(png);
}

/** A time limit as people say it: "5 ngày làm việc", "8 giờ làm việc", "Trong ngày". */
export function limitText(limit: TimeLimit): string {
  if ('workingDays' in limit) return `${String(limit.workingDays).replace('.', ',')} ngày làm việc`;
  if ('workingHours' in limit) return `${String(limit.workingHours).replace('.', ',')} giờ làm việc`;
  return `Trong ngày (nhận sau ${limit.cutoff} trả trong ngày làm việc tiếp theo)`;
}

/** Long catalog texts (a document name can run to paragraphs) cut to what a form line can hold. */
export const clip = (s: string, max = 320) => {
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
