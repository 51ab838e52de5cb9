import type { Center, ProcedureVersion } from '@motcua/contracts';
import type { DossierRow } from '../dossier/index.ts';
import { applicantLines, letterhead, qrImage, Sheet, title, vnDateTime } from '../forms/index.ts';

/**
 * The e-result as a document: the competent center's letterhead, the result code, what was decided
 * for whom, who signed and when, and a QR code to the public verify page. The procedure's own result
 * template (a birth certificate, a licence) is not modelled yet: this is the cover every result shares.
 */
export type ResultDocument = {
  code: string;
  dossier: DossierRow;
  version: ProcedureVersion | null;
  center: Center;
  signerName: string;
  signerTitle: string;
  certificateFingerprint: string;
  signedAt: Date;
  note: string | null;
  verifyUrl: string;
};

export async function drawResult(r: ResultDocument): Promise<Sheet> {
  const d = r.dossier;
  const resultNames = (r.version?.results ?? []).map((x) => x.name.normalize('NFC').trim()).filter(Boolean);
  const sheet = await Sheet.create('a4', {
    title: r.code,
    subject: `Kết quả giải quyết thủ tục hành chính — ${d.procedureName}`,
    author: r.center.name,
    keywords: [r.code, d.code, 'e-result'],
    createdAt: r.signedAt,
  });
  letterhead(sheet, r.center, r.code, r.signedAt);
  title(sheet, 'Kết quả giải quyết thủ tục hành chính', `Mã kết quả: ${r.code}`);
  sheet.field('Thủ tục', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  sheet.field('Mã hồ sơ', d.code);
  sheet.field('Ngày nhận hồ sơ', vnDateTime(d.receivedAt));
  sheet.text('Người yêu cầu:', { bold: true });
  applicantLines(sheet, d.applicant);
  sheet.field('Kết quả', `Hồ sơ đã được giải quyết và phê duyệt${resultNames.length > 0 ? `; cấp: ${resultNames.join('; ')}` : ''}.`);
  if (r.note) sheet.field('Ghi chú của người ký', r.note);
  sheet.space(8);
  sheet.columns([
    { width: 0.45, lines: [['']] },
    {
      width: 0.55,
      lines: [
        [r.signerTitle.toLocaleUpperCase('vi-VN'), { bold: true }],
        ['(Đã ký số)', { italic: true, size: sheet.baseSize - 1 }],
        [r.signerName, { bold: true }],
        [`Thời gian ký: ${vnDateTime(r.signedAt)}`, { size: sheet.baseSize - 2 }],
        [`Chứng thư số SHA-256: ${r.certificateFingerprint.slice(0, 32)}…`, { size: sheet.baseSize - 3 }],
      ],
    },
  ]);
  sheet.space(6);
  const qr = await qrImage(sheet, r.verifyUrl);
  sheet.image(qr, 90, `Xác thực văn bản điện tử: ${r.verifyUrl}`);
  sheet.text('Văn bản điện tử được ký số bởi người có thẩm quyền (Nghị định 45/2020/NĐ-CP, Điều 14). Mọi thay đổi sau khi ký đều bị phát hiện khi xác thực.', {
    italic: true,
    size: sheet.baseSize - 2,
    align: 'center',
  });
  return sheet;
}
