import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import type { LoginRedirectState } from './signed-in.tsx';

function redirectTarget(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only same-app paths: never follow something that could leave the site.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/staff';
}

type FormFailure = { kind: 'missing' } | { kind: 'api'; error: unknown };

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Kept untranslated so the message follows a language switch made after the failure.
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (username.trim() === '' || password === '') {
      setFailure({ kind: 'missing' });
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await api.login({ username: username.trim(), password });
      navigate(redirectTarget(location.state), { replace: true });
    } catch (error) {
      setFailure({ kind: 'api', error });
      setSubmitting(false);
    }
  }

  const error: string | null = failure && (failure.kind === 'missing' ? t('errors.missing_fields') : errorMessage(failure.error, t));

  return (
    <>
      <h1>{t('login.heading')}</h1>
      <p>{t('login.intro')}</p>
      {/* Own validation (noValidate) so the message is in the chosen language, not the browser's. */}
      <form className="form" onSubmit={onSubmit} noValidate>
        {error && (
          <p id="login-error" role="alert" className="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
