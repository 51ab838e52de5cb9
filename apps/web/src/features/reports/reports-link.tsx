import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '@motcua/contracts';

/** The province page's way into the leaderboard. */
export function ProvinceReportsLink() {
  const { t } = useTranslation('reports');
  return (
    <p>
      <Link to="/province/reports">{t('nav.province')}</Link>
    </p>
  );
}

/** Center staff's way into their center's 766 index and their own figures. */
export function CenterReportsLink({ role }: { role: Role }) {
  const { t } = useTranslation('reports');
  if (role === 'citizen' || role === 'province_admin') return null;
  return (
    <p>
      <Link to="/reports">{t('nav.mine')}</Link>
    </p>
  );
}
