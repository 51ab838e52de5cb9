import type { TFunction } from 'i18next';
import type { FeeLine, TimeLimit } from '@motcua/contracts';

const money = new Intl.NumberFormat('vi-VN');

/** "3 ngày làm việc", "Trong ngày (nộp trước 15:00)", or "not published". */
export function timeLimitText(limit: TimeLimit | null, t: TFunction): string {
  if (!limit) return t('catalog.time.unknown');
  if ('workingDays' in limit) return t('catalog.time.workingDays', { count: limit.workingDays });
  if ('workingHours' in limit) return t('catalog.time.workingHours', { count: limit.workingHours });
  return t('catalog.time.sameDay', { cutoff: limit.cutoff });
}

export function feesText(fees: FeeLine[] | null, t: TFunction): string {
  if (fees === null) return t('catalog.fee.unknown');
  if (fees.length === 0) return t('catalog.fee.free');
  return fees.map((f) => `${f.label}: ${t('catalog.fee.amount', { amount: money.format(f.amount) })}`).join('; ');
}
