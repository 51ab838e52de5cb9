import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from './reports-api.ts';

/** From/to dates (inclusive, local); the report reloads when applied. */
export function PeriodForm({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation('reports');
  const id = useId();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) onChange({ from, to });
  };
  return (
    <form className="report-period" onSubmit={submit}>
      <label htmlFor={`${id}-from`}>{t('period.from')}</label>
      <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      <label htmlFor={`${id}-to`}>{t('period.to')}</label>
      <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
      <button type="submit">{t('period.apply')}</button>
    </form>
  );
}

/** The period in the address bar, so a dashboard can be bookmarked and shared. */
export function periodFrom(params: URLSearchParams, fallback: Period): Period {
  const ok = (v: string | null) => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const from = params.get('from');
  const to = params.get('to');
  return { from: ok(from) ? from! : fallback.from, to: ok(to) ? to! : fallback.to };
}
