import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** The citizen portal's way into the procedure search. */
export function CitizenCatalogLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/citizen/procedures">{t('catalog.citizenLink')}</Link>
    </p>
  );
}

/** The province page's way into catalog administration. */
export function CatalogAdminLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/province/catalog">{t('catalog.admin.title')}</Link>
    </p>
  );
}
