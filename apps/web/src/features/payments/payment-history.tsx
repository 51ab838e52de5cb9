import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentSummary } from '@motcua/contracts';
import { paymentError } from './payment-errors.ts';
import { money, paymentsApi, receiptUrl } from './payments-api.ts';

/** Every attempt with its status; a pending online one can be checked with the gateway again. */
export function PaymentHistory({ summary, onChanged }: { summary: PaymentSummary; onChanged: () => void }) {
  const { t, i18n } = useTranslation('payments');
  const { t: shared } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  if (summary.payments.length === 0) return null;

  async function refresh(id: string) {
    setFailure(null);
    try {
      await paymentsApi.refresh(id);
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <section aria-labelledby="payments-history">
      <h2 id="payments-history">{t('pay.history')}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('pay.when')}</th>
              <th scope="col">{t('pay.ref')}</th>
              <th scope="col" className="num">
                {t('pay.amount')}
              </th>
              <th scope="col">{t('pay.status')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.payments.map((p) => (
              <tr key={p.id}>
                <td>{(p.paidAt ?? p.createdAt).slice(0, 16).replace('T', ' ')}</td>
                <td>
                  {t(`pay.method_${p.method}`)}: {p.receiptNo ?? p.txnRef}
                </td>
                <td className="num">{money(p.amount, i18n.language)}</td>
                <td>
                  <span data-testid="payment-status">{t(`pay.status_${p.status}`)}</span>
                  {p.status === 'paid' && (
                    <>
                      {' '}
                      <a href={receiptUrl(p.id)} target="_blank" rel="noreferrer">
                        {t('pay.receipt')}
                      </a>
                    </>
                  )}
                  {p.status === 'pending' && p.method === 'online' && !p.gatewayError && (
                    <>
                      {' '}
                      <button type="button" className="button button-secondary" onClick={() => void refresh(p.id)}>
                        {t('pay.checkAgain')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failure !== null && (
        <p role="alert" className="alert">
          {paymentError(failure, t, shared)}
        </p>
      )}
    </section>
  );
}
