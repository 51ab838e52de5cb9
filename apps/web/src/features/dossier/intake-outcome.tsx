import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentItem } from '@motcua/contracts';
import { FieldErrorText } from './field.tsx';
import { errorAt, type FieldError } from './field-errors.ts';
import type { Decision } from './intake-draft.ts';

type Props = {
  documents: readonly DocumentItem[];
  provided: ReadonlySet<string>;
  missing: readonly DocumentItem[];
  busy: boolean;
  errors: readonly FieldError[];
  onSubmit: (decision: Decision, supplementIds: string[], reason: string) => void;
};

/**
 * The three ways an intake ends. A complete dossier makes "receive" the main button; an
 * incomplete one makes "ask for supplements" the main button, with the missing items ticked.
 */
export function IntakeOutcome({ documents, provided, missing, busy, errors, onSubmit }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'supplement' | 'refuse' | null>(null);
  const [requested, setRequested] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const panel = useRef<HTMLHeadingElement>(null);
  const complete = missing.length === 0;

  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  function openSupplement() {
    setRequested(new Set(missing.map((m) => m.id)));
    setReason('');
    setOpen('supplement');
  }

  function openRefuse() {
    setReason('');
    setOpen('refuse');
  }

  const toggle = (id: string, on: boolean) =>
    setRequested((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const notProvided = documents.filter((d) => !provided.has(d.id));

  return (
    <div className="outcome">
      <p className={complete ? 'outcome-summary ok' : 'outcome-summary warn'}>
        {complete ? t('dossier.outcome.complete') : t('dossier.outcome.incomplete', { missing: missing.length })}
      </p>
      {!complete && (
        <ul className="outcome-missing">
          {missing.map((m) => (
            <li key={m.id}>{m.name.normalize('NFC')}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className={complete ? 'button' : 'button button-secondary'} disabled={busy} onClick={() => onSubmit('accept', [], '')}>
          {busy && open === null ? t('dossier.outcome.sending') : t('dossier.outcome.accept')}
        </button>
        <button type="button" className={complete ? 'button button-secondary' : 'button'} disabled={busy} aria-expanded={open === 'supplement'} onClick={openSupplement}>
          {t('dossier.outcome.supplement')}
        </button>
        <button type="button" className="button button-danger" disabled={busy} aria-expanded={open === 'refuse'} onClick={openRefuse}>
          {t('dossier.outcome.refuse')}
        </button>
      </div>

      {open === 'supplement' && (
        <section className="panel" aria-labelledby="supplement-heading">
          <h3 id="supplement-heading" tabIndex={-1} ref={panel}>
            {t('dossier.outcome.supplementHeading')}
          </h3>
          <p>{t('dossier.outcome.supplementHint')}</p>
          {notProvided.length === 0 ? (
            <p>{t('dossier.outcome.nothingToRequest')}</p>
          ) : (
            <ul className="checklist-items">
              {notProvided.map((doc) => (
                <li key={doc.id} className="checklist-item">
                  <input id={`req-${doc.id}`} type="checkbox" checked={requested.has(doc.id)} onChange={(event) => toggle(doc.id, event.target.checked)} />
                  <label htmlFor={`req-${doc.id}`}>{doc.name.normalize('NFC')}</label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrorText id="supplement-error" error={errorAt(errors, 'supplementItems')} />
          <ReasonField id="supplement-note" label={t('dossier.outcome.supplementNote')} value={reason} onChange={setReason} error={undefined} />
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => onSubmit('supplement', [...requested], reason)}>
              {busy ? t('dossier.outcome.sending') : t('dossier.outcome.supplementConfirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setOpen(null)}>
              {t('dossier.outcome.cancel')}
            </button>
          </div>
        </section>
      )}

      {open === 'refuse' && (
        <section className="panel panel-danger" aria-labelledby="refuse-heading">
          <h3 id="refuse-heading" tabIndex={-1} ref={panel}>
            {t('dossier.outcome.refuseHeading')}
          </h3>
          <ReasonField id="refuse-reason" label={t('dossier.outcome.refuseReason')} value={reason} onChange={setReason} error={errorAt(errors, 'reason')} />
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => onSubmit('refuse', [], reason)}>
              {busy ? t('dossier.outcome.sending') : t('dossier.outcome.refuseConfirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setOpen(null)}>
              {t('dossier.outcome.cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

export function ReasonField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error: FieldError | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
