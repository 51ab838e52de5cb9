import type { Center } from '@motcua/contracts';
import { letterhead, Sheet, signatures, title, vnDateTime, type Layout } from '../forms/index.ts';
import type { DossierRow } from '../dossier/index.ts';
import type { PaymentRow } from './payments.repo.ts';
import { amountInWords, vnMoney } from './vn-words.ts';

/**
 * The printable receipt of a paid fee (biên lai thu phí, lệ phí): A4 with the letterhead, or the
 * 80 mm thermal roll of the counter printer; Vietnamese fonts from the forms toolkit.
 */
export async function renderPaymentReceipt(p: PaymentRow, d: DossierRow, center: Center, cashier: string | null, layout: Layout): Promise<Uint8Array> {
  const number = p.receiptNo ?? p.txnRef;
  const at = p.paidAt ?? p.createdAt;
  const sheet = await Sheet.create(layout, { title: `Biên lai thu phí, lệ phí ${number}`, subject: `Hồ sơ ${d.code}`, author: center.name, keywords: [number, d.code], createdAt: at });
  const s = sheet.baseSize;
  if (layout === 'a4') {
    letterhead(sheet, center, number, at);
    title(sheet, 'Biên lai thu phí, lệ phí', p.method === 'cash' ? 'Thu bằng tiền mặt tại bộ phận một cửa' : 'Thanh toán trực tuyến qua cổng thanh toán');
  } else {
    sheet.text(center.name.normalize('NFC').toLocaleUpperCase('vi-VN'), { bold: true, align: 'center', size: s });
    sheet.rule();
    sheet.text('BIÊN LAI THU PHÍ, LỆ PHÍ', { bold: true, align: 'center', size: s + 1 });
    sheet.text(number, { bold: true, align: 'center', size: s + 2, after: s * 0.6 });
  }
  sheet.field('Số biên lai', number);
  sheet.field('Người nộp', p.payerName);
  sheet.field('Mã hồ sơ', d.code);
  sheet.field('Thủ tục', `${d.procedureName} (${d.procedureCode})`);
  sheet.field('Hình thức', p.method === 'cash' ? 'Tiền mặt' : `Trực tuyến, mã giao dịch ${p.gatewayTxnId ?? p.txnRef}`);
  sheet.field('Thời điểm thu', vnDateTime(at));
  sheet.table(
    [
      { header: 'STT', width: 10, align: 'center' },
      { header: 'Khoản thu', width: 60 },
      { header: 'Số tiền', width: 30, align: 'right' },
    ],
    [...p.feeLines.map((l, i) => [String(i + 1), l.label, vnMoney(l.amount)]), ['', 'Tổng cộng', vnMoney(p.amount)]],
  );
  sheet.field('Bằng chữ', amountInWords(p.amount), { italic: true });
  if (layout === 'a4') signatures(sheet, [{ heading: 'Người nộp tiền', name: p.payerName }, { heading: 'Người thu tiền', name: cashier }]);
  else sheet.field('Người thu', cashier ?? '—');
  return sheet.save();
}
