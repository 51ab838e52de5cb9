import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '@motcua/contracts';
import { formatMoney } from './format.ts';
import { counterTerms } from './intake-draft.ts';

/** The fees the catalog states for the counter, and what was actually collected (whole đồng). */
export function FeesField({ procedure, value, onChange }: { procedure: ProcedureDetail; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const terms = counterTerms(procedure);
  const lines = terms?.fees ?? null;
  if (lines && lines.length === 0) return <p className="fees-free">{t('dossier.fees.free')}</p>;
  return (
    <div>
      {lines ? (
        <ul className="fee-lines">
          {lines.map((line, index) => (
            <li key={index}>
              {line.label}: <strong>{t('dossier.fees.amount', { amount: formatMoney(line.amount) })}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('dossier.fees.asPublished', { text: terms?.feeText || '—' })}</p>
      )}
      <div className="field field-narrow">
        <label htmlFor="fees-collected">{t('dossier.fees.collected')}</label>
        <input id="fees-collected" inputMode="numeric" autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
      </div>
    </div>
  );
}
