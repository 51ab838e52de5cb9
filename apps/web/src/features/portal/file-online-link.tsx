import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** "Nộp trực tuyến" from a procedure's page to the online form. */
export function FileOnlineLink({ code }: { code: string }) {
  const { t } = useTranslation('portal');
  return (
    <p>
      <Link className="button" to={`/citizen/apply/${encodeURIComponent(code)}`}>
        {t('apply.fileOnline')}
      </Link>
    </p>
  );
}
