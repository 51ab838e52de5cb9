import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { portalApi } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import './portal.css';

/** Phone number → 6-digit code by SMS → signed in (the account is created on the first sign-in). */
export function SignInPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/citizen/dossiers';
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(params.get('error') === 'oidc' ? t('errors.oidc') : null);
  const [oidc, setOidc] = useState(false);
  useEffect(() => {
    portalApi.oidcInfo().then((r) => setOidc(r.enabled), () => setOidc(false));
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(portalError(e, t));
    } finally {
      setBusy(false);
    }
  };
  const send = (e?: FormEvent) => {
    e?.preventDefault();
    void run(async () => {
      await portalApi.requestOtp(phone.trim());
      setStep('code');
    });
  };
  const verify = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await portalApi.verifyOtp(phone.trim(), code.trim());
      void navigate(next);
    });
  };

  return (
    <>
      <h1>{t('signIn.heading')}</h1>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {oidc && step === 'phone' && (
        <p>
          <a className="button button-secondary" href={`/api/v1/citizen/oidc/start?next=${encodeURIComponent(next)}`}>
            {t('signIn.oidc')}
          </a>
        </p>
      )}
      {step === 'phone' ? (
        <form className="form" onSubmit={send} noValidate>
          <div className="field">
            <label htmlFor="portal-phone">{t('signIn.phone')}</label>
            <input id="portal-phone" type="tel" inputMode="tel" autoComplete="tel" required value={phone} onChange={(e) => setPhone(e.target.value)} aria-describedby="portal-phone-hint" />
            <p id="portal-phone-hint" className="portal-hint">
              {t('signIn.phoneHint')}
            </p>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('signIn.send')}
          </button>
        </form>
      ) : (
        <form className="form" onSubmit={verify} noValidate>
          <p role="status">{t('signIn.sent', { phone })}</p>
          <div className="field">
            <label htmlFor="portal-code">{t('signIn.code')}</label>
            <input id="portal-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <div className="portal-row">
            <button type="submit" className="button" disabled={busy}>
              {t('signIn.verify')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => send()}>
              {t('signIn.resend')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep('phone')}>
              {t('signIn.changePhone')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
