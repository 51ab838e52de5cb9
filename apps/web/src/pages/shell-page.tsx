import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { CitizenCatalogLink } from '../features/catalog/catalog-links.tsx';

type Surface = 'citizen' | 'kiosk' | 'display';

/** A surface that is announced but not built yet: says honestly what it will do. */
export function ShellPage({ surface }: { surface: Surface }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`${surface}.title`));
  return (
    <>
      <h1>{t(`${surface}.heading`)}</h1>
      <p className="lead">{t(`${surface}.lead`)}</p>
      {surface === 'citizen' && <CitizenCatalogLink />}
      <p role={surface === 'display' ? 'status' : undefined}>{t(`${surface}.next`)}</p>
    </>
  );
}
