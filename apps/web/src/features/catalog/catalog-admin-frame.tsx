import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';

/**
 * A page of the province administrator's catalog desk. Other signed-in staff get the page's title
 * and a refusal rather than a login form: they are signed in, just not allowed to edit the catalog.
 */
export function CatalogAdminFrame({ title, back, children }: { title: string; back?: ReactNode; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="catalog-admin">
      {back}
      <h1>{title}</h1>
      <SignedIn>{(me) => (me.user.role === 'province_admin' ? children(me) : <p className="alert">{t('catalog.admin.forbidden')}</p>)}</SignedIn>
    </div>
  );
}
