import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { onBehalfOf, portalApi, setOnBehalfOf } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import './portal.css';

/**
 * Assisted mode: a counter officer or registered volunteer, signed in, records the citizen's
 * consent and then uses the portal on their behalf; the dossier records who helped.
 */
export function AssistPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('assist.title'));
  const [who, setWho] = useState(onBehalfOf());
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setOnBehalfOf(null);
      const r = await portalApi.recordConsent(phone.trim(), name.trim());
      const next = { citizenId: r.citizenId, phone: r.phone };
      setOnBehalfOf(next);
      setWho(next);
    } catch (err) {
      setError(portalError(err, t));
    }
  };
  return (
    <>
      <h1>{t('assist.title')}</h1>
      <p>{t('assist.lead')}</p>
      {who ? (
        <>
          <p className="portal-ok" role="status">
            {t('assist.active', { phone: who.phone })}
          </p>
          <ul className="portal-links">
            <li>
              <Link to="/citizen/procedures">{t('home.find')}</Link>
            </li>
            <li>
              <Link to="/citizen/dossiers">{t('home.mine')}</Link>
            </li>
          </ul>
          <button type="button" className="button button-secondary" onClick={() => (setOnBehalfOf(null), setWho(null))}>
            {t('assist.stop')}
          </button>
        </>
      ) : (
        <form className="portal-form" onSubmit={(e) => void start(e)} noValidate>
          <div className="field">
            <label htmlFor="assist-phone">{t('assist.phone')}</label>
            <input id="assist-phone" type="tel" required value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="assist-name">{t('apply.fullName')}</label>
            <input id="assist-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <label className="portal-row">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('assist.consent')}
          </label>
          <p>
            <button type="submit" className="button" disabled={!consent}>
              {t('assist.start')}
            </button>
          </p>
          {error && (
            <p role="alert" className="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </>
  );
}

/** Shown on portal pages while filing for someone else. */
export function AssistBanner() {
  const { t } = useTranslation('portal');
  const who = onBehalfOf();
  if (!who) return null;
  return (
    <p className="portal-ok">
      {t('assist.active', { phone: who.phone })} <Link to="/citizen/assist">{t('assist.manage')}</Link>
    </p>
  );
}
