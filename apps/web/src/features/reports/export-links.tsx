import { useTranslation } from 'react-i18next';
import { exportUrl } from './reports-api.ts';

/** CSV and XLSX downloads of the table on screen. */
export function ExportLinks({ params, label }: { params: Record<string, string | undefined>; label: string }) {
  const { t } = useTranslation('reports');
  return (
    <p className="actions report-exports" aria-label={label}>
      <a className="button" href={exportUrl({ ...params, format: 'csv' })} download>
        {t('export.csv')}
      </a>
      <a className="button" href={exportUrl({ ...params, format: 'xlsx' })} download>
        {t('export.xlsx')}
      </a>
    </p>
  );
}
