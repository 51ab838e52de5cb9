import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { CitizenCatalogLink } from '../catalog/catalog-links.tsx';
import { AppointmentLink } from '../queue/appointment-link.tsx';
import { useCitizen } from './use-citizen.ts';
import './portal.css';

/** The citizen portal's front page: find and file, track, my dossiers. */
export function PortalHomePage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('home.title'));
  const me = useCitizen();
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <CitizenCatalogLink />
      <AppointmentLink />
      <ul className="portal-links">
        <li>
          <Link to="/tra-cuu">{t('home.track')}</Link>
        </li>
        <li>{me.status === 'signed-in' ? <Link to="/citizen/dossiers">{t('home.mine')}</Link> : <Link to="/citizen/sign-in">{t('home.signIn')}</Link>}</li>
      </ul>
      <p>{t('home.help')}</p>
      <p>
        <Link to="/citizen/assist">{t('assist.home')}</Link>
      </p>
    </>
  );
}
