import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import type { Loaded } from './use-report.ts';

/** Loading and failure lines shared by the report pages. */
export function ReportStatus({ state }: { state: Loaded<unknown> }) {
  const { t } = useTranslation('reports');
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'failed') {
    const code = state.error instanceof ApiError ? state.error.code : 'client';
    return (
      <p role="alert" className="alert">
        {t('failed', { code })}
      </p>
    );
  }
  return null;
}
