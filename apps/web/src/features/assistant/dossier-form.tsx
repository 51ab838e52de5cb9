import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Dossier code + last 4 digits of the applicant's phone: the proof asked before any dossier answer. */
export function DossierForm({ onSubmit }: { onSubmit(code: string, phoneLast4: string): Promise<void> }) {
  const { t } = useTranslation('assistant');
  const id = useId();
  const [code, setCode] = useState('');
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || code.trim().length < 5 || !/^\d{4}$/.test(digits)) return;
    setBusy(true);
    try {
      await onSubmit(code.trim().toUpperCase(), digits);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="assistant-dossier" onSubmit={submit}>
      <fieldset>
        <legend>{t('dossier.legend')}</legend>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('dossier.code')}</label>
          <input id={`${id}-code`} autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t('dossier.phone')}</label>
          <input id={`${id}-phone`} inputMode="numeric" autoComplete="off" pattern="\d{4}" maxLength={4} value={digits} onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))} required />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('dossier.submit')}
        </button>
      </fieldset>
    </form>
  );
}
