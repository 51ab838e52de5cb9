import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PaymentReturnResult } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { payPageUrl, paymentsApi } from './payments-api.ts';
import './payments.css';

type Shown = 'success' | 'failed' | 'cancelled' | 'refund' | 'invalid';

/** What the result means to the citizen: the signed status is verified (and applied once) by the API. */
function shownOf(r: PaymentReturnResult | null, failed: boolean): Shown | null {
  if (failed) return 'invalid';
  if (!r) return null;
  if (r.paymentStatus === 'paid') return 'success';
  if (r.paymentStatus === 'refund_due') return 'refund';
  if (r.paymentStatus === 'cancelled') return 'cancelled';
  if (r.paymentStatus === 'failed') return 'failed';
  return 'invalid';
}

/** Where the payment gateway sends the browser back: /citizen/payments/return?txnRef=…&signature=… */
export function PaymentReturnPage() {
  const { t } = useTranslation('payments');
  useDocumentTitle(t('ret.title'));
  const [params] = useSearchParams();
  const [result, setResult] = useState<PaymentReturnResult | null>(null);
  const [failed, setFailed] = useState(false);
  const once = useRef(false);

  useEffect(() => {
    if (once.current) return;
    once.current = true;
    paymentsApi.returned(Object.fromEntries(params)).then(setResult, () => setFailed(true));
  }, [params]);

  const shown = shownOf(result, failed);
  const code = result?.dossierCode ?? null;
  return (
    <>
      <h1>{t('ret.title')}</h1>
      {shown === null && <p role="status">{t('ret.checking')}</p>}
      {shown && (
        <div role={shown === 'success' ? 'status' : 'alert'} className={shown === 'success' ? 'done result-box' : 'alert result-box'}>
          <h2 data-testid="payment-result">{t(`ret.${shown}`)}</h2>
          <p>{shown === 'success' ? t('ret.successText', { code: code ?? '' }) : t(`ret.${shown}Text`)}</p>
        </div>
      )}
      {code && (
        <p>
          <Link to={payPageUrl(code)}>{shown === 'failed' || shown === 'cancelled' ? t('ret.again') : t('ret.back')}</Link>
        </p>
      )}
    </>
  );
}
