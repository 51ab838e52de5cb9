import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView, PaymentSummary, PaymentView } from '@motcua/contracts';
import { paymentError } from './payment-errors.ts';
import { money, paymentsApi, receiptUrl } from './payments-api.ts';
import './payments.css';

const cashiers = new Set(['counter_officer', 'leader', 'director']);

/**
 * On the staff dossier page: the fee due, "take cash" with its numbered receipt (A4 or thermal),
 * or how it was paid. `onPaid` lets the page reload the dossier (awaiting payment → finished).
 */
export function CashPanel({ dossier, role, onPaid }: { dossier: Pick<DossierView, 'id' | 'code' | 'status' | 'feePaid'>; role: string; onPaid?: () => void }) {
  const { t, i18n } = useTranslation('payments');
  const { t: shared } = useTranslation();
  const [summary, setSummary] = useState<PaymentSummary | null>(null);
  const [taken, setTaken] = useState<PaymentView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    paymentsApi.summary(dossier.code, controller.signal).then(setSummary, (e: unknown) => {
      if (!controller.signal.aborted) setFailure(e);
    });
    return () => controller.abort();
  }, [dossier.code, dossier.status, dossier.feePaid]);

  if (!summary || (summary.notPayableReason === 'no_fee' && summary.payments.length === 0)) return null;
  const paid = taken ?? summary.payments.find((p) => p.status === 'paid') ?? null;

  async function take() {
    if (!summary) return;
    setBusy(true);
    setFailure(null);
    try {
      setTaken(await paymentsApi.cash(dossier.id, summary.amountDue));
      onPaid?.();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="cash-heading" className="cash-panel">
      <h2 id="cash-heading">{t('cash.heading')}</h2>
      {paid ? (
        <>
          <p role="status" className="done">
            {paid.receiptNo ? t('cash.taken', { receipt: paid.receiptNo }) : t('cash.paid', { method: t(`pay.method_${paid.method}`) })}
          </p>
          <p className="receipt-links">
            <a href={receiptUrl(paid.id)} target="_blank" rel="noreferrer">
              {t('cash.printA4')}
            </a>{' '}
            <a href={receiptUrl(paid.id, 'thermal')} target="_blank" rel="noreferrer">
              {t('cash.printThermal')}
            </a>
          </p>
        </>
      ) : summary.notPayableReason === 'closed' ? (
        <p>{t('cash.closed')}</p>
      ) : (
        <>
          <p>{t('cash.due', { amount: money(summary.amountDue, i18n.language) })}</p>
          {cashiers.has(role) && (
            <button type="button" className="button" onClick={() => void take()} disabled={busy}>
              {t('cash.take', { amount: money(summary.amountDue, i18n.language) })}
            </button>
          )}
        </>
      )}
      {failure !== null && (
        <p role="alert" className="alert">
          {paymentError(failure, t, shared)}
        </p>
      )}
    </section>
  );
}
