import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TrackView } from '@motcua/contracts';

/** `2026-11-23T17:00:00+07:00` → `23/11/2026 17:00` (the API already speaks Vietnam time). */
export const vnTime = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
const KNOWN_ACTIONS = new Set(['submit_online', 'receive', 'accept', 'refuse', 'request_supplement', 'receive_supplement', 'start_review', 'submit_for_approval', 'send_back', 'approve', 'request_payment', 'record_payment', 'finish', 'return_result', 'withdraw', 'stop', 'apologize', 'rating']);

/** Status, deadline, next step, timeline and results of a dossier, in plain words. */
export function DossierStatus({ view, canPay = false }: { view: TrackView; canPay?: boolean }) {
  const { t } = useTranslation('portal');
  const code = encodeURIComponent(view.code);
  return (
    <>
      <p>
        <strong>{view.procedureName}</strong>
        <br />
        {view.code}
      </p>
      <dl className="facts">
        <dt>{t('dossier.status')}</dt>
        <dd data-testid="dossier-status">{t(`status.${view.status}`)}</dd>
        <dt>{t('dossier.received')}</dt>
        <dd>{vnTime(view.receivedAt)}</dd>
        <dt>{t('dossier.due')}</dt>
        <dd>{view.dueAt ? vnTime(view.dueAt) : t('dossier.noDue')}</dd>
        {view.feeTotal > 0 && (
          <>
            <dt>{t('dossier.fee', { amount: view.feeTotal.toLocaleString('vi-VN') })}</dt>
            <dd>{view.feePaid ? t('dossier.feePaid') : '—'}</dd>
          </>
        )}
      </dl>
      {view.paused && <p>{t('dossier.paused')}</p>}
      <h2>{t('dossier.next')}</h2>
      <p>{t(`next.${view.nextStep}`)}</p>
      {view.supplementItems.length > 0 && (
        <>
          <h3>{t('dossier.supplementItems')}</h3>
          <ul>
            {view.supplementItems.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {canPay && view.feeTotal > 0 && !view.feePaid && !['not_accepted', 'withdrawn', 'stopped', 'returned'].includes(view.status) && (
        <p>
          <Link className="button" to={`/citizen/dossiers/${code}/pay`}>
            {t('dossier.pay')}
          </Link>
        </p>
      )}
      {view.status === 'returned' && (
        <p>
          <Link to={`/citizen/dossiers/${code}/rate`}>{t('dossier.rate')}</Link>
        </p>
      )}
      {view.results.length > 0 && (
        <>
          <h2>{t('dossier.results')}</h2>
          <ul>
            {view.results.map((r) => (
              <li key={r.code}>
                <a href={r.downloadUrl} download>
                  {t('dossier.download', { code: r.code })}
                </a>{' '}
                · <Link to={r.verifyUrl}>{t('dossier.verify')}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('dossier.timeline')}</h2>
      <ol className="portal-timeline">
        {view.timeline.map((e, i) => (
          <li key={i}>
            {vnTime(e.at)} — {KNOWN_ACTIONS.has(e.action) ? t(`action.${e.action as 'accept'}`) : t('action.other')}
          </li>
        ))}
      </ol>
    </>
  );
}
