import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher.tsx';
import { SURFACES } from './surfaces.ts';
import { AssistantDock } from '../features/assistant/assistant-dock.tsx';

/** `/kiosk/...` → "kiosk"; drives the large-text and high-contrast styles. */
function surfaceOf(pathname: string): string {
  return pathname.split('/')[1] || 'home';
}

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, screen readers and keyboard users would otherwise stay on the
  // old link; move focus to the new content instead (not on first load, where the browser handles it).
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname]);

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    main.current?.focus();
  }

  return (
    <div className={`app surface-${surfaceOf(pathname)}`}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitcher />
        </div>
        <nav aria-label={t('nav.label')} className="container">
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {SURFACES.map((surface) => (
              <li key={surface}>
                <NavLink to={`/${surface}`}>{t(`nav.${surface}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container">
        <Outlet />
        <AssistantDock />
      </main>
      <footer className="site-footer">
        <p className="container">{t('app.footer')}</p>
      </footer>
    </div>
  );
}
