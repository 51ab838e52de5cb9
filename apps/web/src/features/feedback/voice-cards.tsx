import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '@motcua/contracts';

const centerStaff: readonly Role[] = ['counter_officer', 'specialist', 'leader', 'director', 'province_admin'];

/** On the staff home: the petitions desk for everyone at a center, the payment reconciliation for directors and province admins. */
export function VoiceAndFeesCards({ role }: { role: Role }) {
  const { t } = useTranslation('feedback');
  const links = [
    ...(centerStaff.includes(role) ? [{ to: '/staff/petitions', title: t('cards.petitions'), hint: t('cards.petitionsHint') }] : []),
    ...(role === 'director' || role === 'province_admin' ? [{ to: '/staff/payments/reconciliation', title: t('cards.reconciliation'), hint: t('cards.reconciliationHint') }] : []),
  ];
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="voice-heading">
      <h2 id="voice-heading">{t('cards.heading')}</h2>
      <ul className="cards">
        {links.map((l) => (
          <li key={l.to} className="card">
            <h3>
              <Link to={l.to}>{l.title}</Link>
            </h3>
            <p>{l.hint}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
