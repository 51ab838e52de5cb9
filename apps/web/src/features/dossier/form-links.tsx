import { useTranslation } from 'react-i18next';
import type { DossierView, Timeline } from '@motcua/contracts';
import { formPdfUrl, type FormNo } from '../results/results-api.ts';

const ALL: readonly FormNo[] = ['01', '02', '03', '04', '05', '06'];

/** Forms this dossier has produced (recorded on its events), plus the control sheet, which always exists. */
export function formsOf(timeline: Timeline | null): FormNo[] {
  const seen = new Set<string>((timeline?.events ?? []).map((e) => e.data.form).filter((f): f is string => typeof f === 'string'));
  seen.add('06');
  return ALL.filter((f) => seen.has(f));
}

export function FormLinks({ dossier, timeline }: { dossier: DossierView; timeline: Timeline | null }) {
  const { t } = useTranslation();
  return (
    <ul className="form-links">
      {formsOf(timeline).map((form) => (
        <li key={form}>
          <a href={formPdfUrl(dossier.id, form)} target="_blank" rel="noopener">
            {t(`dossier.forms.${form}`)}
          </a>
          {form === '01' && (
            <>
              {' · '}
              <a href={formPdfUrl(dossier.id, form, 'thermal')} target="_blank" rel="noopener">
                {t('dossier.done.printThermal')}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
