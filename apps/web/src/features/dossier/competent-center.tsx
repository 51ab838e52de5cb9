import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Center } from '@motcua/contracts';
import { dossierApi } from './dossier-api.ts';

type Props = { ownCenterId: string; value: string; onChange: (centerId: string) => void };

/**
 * Boundary-free procedures: this counter receives, another center of the province may be the one
 * that decides. The officer picks it here; the dossier is routed to its specialists.
 */
export function CompetentCenterField({ ownCenterId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [centers, setCenters] = useState<Center[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    dossierApi.provinceCenters(controller.signal).then(setCenters, () => setCenters([]));
    return () => controller.abort();
  }, []);

  if (centers.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor="competent-center">{t('dossier.intake.competentCenter')}</label>
      <select id="competent-center" value={value || ownCenterId} onChange={(event) => onChange(event.target.value)} aria-describedby="competent-center-hint">
        {centers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id === ownCenterId ? t('dossier.intake.competentOwn', { name: c.name }) : `${c.name} (${c.agencyCode})`}
          </option>
        ))}
      </select>
      <p id="competent-center-hint" className="hint">
        {t('dossier.intake.competentHint')}
      </p>
    </div>
  );
}
