import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { api, ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';

type MeState = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; error: unknown };

/** Loads the signed-in user; the session cookie is httpOnly, so asking the server is the only way to know. */
export function useMe(): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (me) => setState({ status: 'ready', me }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}

export type LoginRedirectState = { from?: string };

/** Renders `children(me)` for a signed-in user and sends everyone else to the login page. */
export function SignedIn({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const state = useMe();

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'ready') return children(state.me);
  if (state.error instanceof ApiError && state.error.status === 401) {
    const redirect: LoginRedirectState = { from: location.pathname };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return <p role="alert" className="alert">{errorMessage(state.error, t)}</p>;
}
