import { Link, NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '@motcua/contracts';

type WorkLink = { to: string; id: 'intake' | 'inbox' | 'all' | 'results' | 'approvals' | 'workload' | 'outreach'; roles: readonly Role[] };

// Each role sees its own work first: the counter receives, specialists process, leaders sign.
const LINKS: readonly WorkLink[] = [
  { to: '/staff/intake', id: 'intake', roles: ['counter_officer', 'leader', 'director'] },
  { to: '/staff/inbox', id: 'inbox', roles: ['specialist', 'leader'] },
  { to: '/staff/approvals', id: 'approvals', roles: ['leader', 'director'] },
  { to: '/staff/inbox?scope=all&show=results', id: 'results', roles: ['counter_officer'] },
  { to: '/staff/workload', id: 'workload', roles: ['director', 'leader'] },
  { to: '/staff/inbox?scope=all', id: 'all', roles: ['counter_officer', 'specialist', 'leader', 'director'] },
  { to: '/staff/outreach', id: 'outreach', roles: ['counter_officer', 'leader', 'director'] },
];

export function linksFor(role: Role): readonly WorkLink[] {
  return LINKS.filter((link) => link.roles.includes(role));
}

/** The staff home's "my work" section: one card per screen this role uses. */
export function WorkCards({ role }: { role: Role }) {
  const { t } = useTranslation();
  const links = linksFor(role);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="work-heading">
      <h2 id="work-heading">{t('dossier.nav.heading')}</h2>
      <ul className="cards">
        {links.map((link) => (
          <li key={link.id} className="card">
            <h3>
              <Link to={link.to}>{t(`dossier.nav.${link.id}`)}</Link>
            </h3>
            <p>{t(`dossier.nav.${link.id}Hint`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A compact bar at the top of every dossier screen, so moving between them needs no detour home. */
export function WorkNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const here = pathname + search;
  return (
    <nav aria-label={t('dossier.nav.label')} className="work-nav">
      <ul>
        <li>
          <NavLink to="/staff" end>
            {t('dossier.nav.home')}
          </NavLink>
        </li>
        {linksFor(role).map((link) => (
          <li key={link.id}>
            {/* NavLink ignores the query string; compare it too so "all" and "mine" are told apart. */}
            <Link to={link.to} aria-current={here === link.to ? 'page' : undefined}>
              {t(`dossier.nav.${link.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
