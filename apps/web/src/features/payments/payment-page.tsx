import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PaymentSummary } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { FeeTable } from './fee-table.tsx';
import { paymentError } from './payment-errors.ts';
import { PaymentHistory } from './payment-history.tsx';
import { paymentsApi } from './payments-api.ts';
import './payments.css';

/**
 * Citizen (or an officer helping one): the fee of a dossier and "Thanh toán trực tuyến", which sends
 * the browser to the payment gateway; the gateway brings it back to /citizen/payments/return.
 */
export function PaymentPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('payments');
  const { t: shared } = useTranslation();
  useDocumentTitle(t('pay.title'));
  const [summary, setSummary] = useState<PaymentSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [payFailure, setPayFailure] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    paymentsApi.summary(code, controller.signal).then(setSummary, (e: unknown) => {
      if (!controller.signal.aborted) setFailure(e);
    });
    return () => controller.abort();
  }, [code]);

  async function pay() {
    setBusy(true);
    setPayFailure(null);
    try {
      const started = await paymentsApi.startOnline(code);
      window.location.assign(started.redirectUrl);
    } catch (error) {
      setPayFailure(error);
      setBusy(false);
      paymentsApi.summary(code).then(setSummary, () => {});
    }
  }

  return (
    <>
      <h1>{t('pay.heading', { code })}</h1>
      {failure !== null && (
        <p role="alert" className="alert">
          {paymentError(failure, t, shared)}
        </p>
      )}
      {summary === null && failure === null && <p role="status">{t('pay.loading')}</p>}
      {summary && (
        <>
          <dl className="facts">
            <dt>{t('pay.procedure')}</dt>
            <dd>{summary.procedureName}</dd>
            <dt>{t('pay.applicant')}</dt>
            <dd>{summary.applicantName}</dd>
          </dl>
          {summary.feeLines.length > 0 && <FeeTable summary={summary} />}
          {summary.notPayableReason === 'paid' && (
            <p role="status" className="done">
              {t('pay.paid')} {summary.paidBy && t('pay.paidBy', { method: t(`pay.method_${summary.paidBy}`) })}
            </p>
          )}
          {summary.notPayableReason === 'no_fee' && <p>{t('pay.noFee')}</p>}
          {summary.notPayableReason === 'closed' && <p>{t('pay.closed')}</p>}
          {summary.notPayableReason === null && (
            <div className="pay-box">
              <p>{t('pay.gatewayHint')}</p>
              <button type="button" className="button" onClick={() => void pay()} disabled={busy}>
                {busy ? t('pay.redirecting') : t('pay.payOnline')}
              </button>
              <p className="hint">{t('pay.cashHint')}</p>
            </div>
          )}
          {payFailure !== null && (
            <p role="alert" className="alert">
              {paymentError(payFailure, t, shared)}
            </p>
          )}
          <PaymentHistory summary={summary} onChanged={() => void paymentsApi.summary(code).then(setSummary, setFailure)} />
        </>
      )}
    </>
  );
}
