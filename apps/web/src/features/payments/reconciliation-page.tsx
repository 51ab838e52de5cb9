import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, ReconciliationView } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { paymentError } from './payment-errors.ts';
import { money, paymentsApi } from './payments-api.ts';
import './payments.css';

/** Yesterday in Vietnam time, as YYYY-MM-DD. */
const yesterday = () => new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

/** Director / province admin: the daily reconciliation with the payment gateway and its differences. */
export function ReconciliationPage() {
  const { t } = useTranslation('payments');
  useDocumentTitle(t('recon.title'));
  return <SignedIn>{(me) => <Reconciliation me={me} />}</SignedIn>;
}

function Reconciliation({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('payments');
  const { t: shared } = useTranslation();
  const [items, setItems] = useState<ReconciliationView[] | null>(null);
  const [day, setDay] = useState(yesterday);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const allowed = me.user.role === 'director' || me.user.role === 'province_admin';

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    paymentsApi.reconciliations(controller.signal).then((r) => setItems(r.items), (e: unknown) => !controller.signal.aborted && setFailure(e));
    return () => controller.abort();
  }, [allowed]);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const report = await paymentsApi.reconcile(day);
      setItems((old) => [report, ...(old ?? []).filter((r) => r.day !== report.day)]);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const m = (n: number | null) => (n === null ? '—' : money(n, i18n.language));
  return (
    <>
      <h1>{t('recon.title')}</h1>
      {!allowed ? (
        <p role="alert" className="alert">
          {t('recon.forbidden')}
        </p>
      ) : (
        <>
          <p className="lead">{t('recon.lead')}</p>
          <form className="form recon-form" onSubmit={(e) => void run(e)}>
            <div className="field">
              <label htmlFor="recon-day">{t('recon.day')}</label>
              <input id="recon-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('recon.running') : t('recon.run')}
            </button>
          </form>
          {failure !== null && (
            <p role="alert" className="alert">
              {paymentError(failure, t, shared)}
            </p>
          )}
          <h2>{t('recon.reports')}</h2>
          {items === null && failure === null && <p role="status">{shared('app.loading')}</p>}
          {items?.length === 0 && <p>{t('recon.none')}</p>}
          {items?.map((r) => (
            <section key={r.day} aria-labelledby={`recon-${r.day}`} className="card recon-day">
              <h3 id={`recon-${r.day}`}>{r.day}</h3>
              <p>{t('recon.summary', { gatewayCount: r.gatewayCount, gatewayTotal: m(r.gatewayTotal), ourCount: r.ourCount, ourTotal: m(r.ourTotal), matched: r.matched })}</p>
              {r.mismatches.length === 0 ? (
                <p className="done">{t('recon.ok')}</p>
              ) : (
                <div className="table-scroll">
                  <table className="table">
                    <caption>{t('recon.mismatches')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('recon.kind')}</th>
                        <th scope="col">{t('recon.dossier')}</th>
                        <th scope="col" className="num">
                          {t('recon.gatewayAmount')}
                        </th>
                        <th scope="col" className="num">
                          {t('recon.ourAmount')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.mismatches.map((x) => (
                        <tr key={x.txnRef}>
                          <td>{t(`recon.kind_${x.kind}`)}</td>
                          <td>
                            {x.dossierCode ?? '—'}
                            <br />
                            <small>{x.txnRef}</small>
                          </td>
                          <td className="num">{m(x.gatewayAmount)}</td>
                          <td className="num">{m(x.ourAmount)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
