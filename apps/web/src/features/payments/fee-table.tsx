import { useTranslation } from 'react-i18next';
import type { PaymentSummary } from '@motcua/contracts';
import { money } from './payments-api.ts';

/** The fee lines of a dossier with their total, as a table a screen reader can walk. */
export function FeeTable({ summary }: { summary: PaymentSummary }) {
  const { t, i18n } = useTranslation('payments');
  return (
    <table className="table fee-table">
      <caption>{t('pay.feeTable')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pay.item')}</th>
          <th scope="col" className="num">
            {t('pay.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.feeLines.map((l, i) => (
          <tr key={i}>
            <td>{l.label}</td>
            <td className="num">{money(l.amount, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('pay.total')}</th>
          <td className="num">
            <strong data-testid="amount-due">{money(summary.amountDue, i18n.language)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
