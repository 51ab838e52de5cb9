import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { SURFACES } from '../app/surfaces.ts';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <h2>{t('home.surfacesHeading')}</h2>
      <ul className="cards">
        {SURFACES.map((surface) => (
          <li key={surface} className="card">
            <h3>
              <Link to={`/${surface}`}>{t(`nav.${surface}`)}</Link>
            </h3>
            <p>{t(`home.surfaces.${surface}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
