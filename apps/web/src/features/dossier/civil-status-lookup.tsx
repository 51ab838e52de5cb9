import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { CommunePicker } from './commune-picker.tsx';
import { dossierApi, type MaritalStatusAnswer } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { TextField } from './field.tsx';
import type { FieldError } from './field-errors.ts';

const STAFF = new Set(['counter_officer', 'specialist', 'leader', 'director']);
/** Marriage registration (and its variants) is where an officer needs the other side's marital status. */
const MARRIAGE = /kết hôn/i;

type Props = { dossier: Pick<DossierView, 'procedureName' | 'applicant'>; role: string; provinceCode: string };

/**
 * On the staff dossier page: ask the civil-status registry of another commune or province for a
 * person's marital status, instead of sending the citizen home for a paper. Open by default on
 * marriage registrations; closed elsewhere, so the page loads no unit lists until an officer asks.
 */
export function CivilStatusLookup({ dossier, role, provinceCode }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => MARRIAGE.test(dossier.procedureName));
  if (!STAFF.has(role)) return null;
  return (
    <section aria-labelledby="civil-status-heading">
      <h2 id="civil-status-heading">{t('dossier.civilStatus.heading')}</h2>
      <p className="field-hint">{t('dossier.civilStatus.lead')}</p>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls="civil-status-form" onClick={() => setOpen(!open)}>
        {open ? t('dossier.civilStatus.close') : t('dossier.civilStatus.open')}
      </button>
      {open && <LookupForm initialIdNumber={dossier.applicant.idNumber} provinceCode={provinceCode} />}
    </section>
  );
}

function LookupForm({ initialIdNumber, provinceCode: initialProvince }: { initialIdNumber: string; provinceCode: string }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState({ provinceCode: initialProvince, communeCode: '' });
  const [idNumber, setIdNumber] = useState(initialIdNumber);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, setAnswer] = useState<MaritalStatusAnswer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const err = (path: string) => errors.find((e) => e.path === path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = idNumber.trim();
    const problems: FieldError[] = [];
    if (!unit.communeCode) problems.push({ path: 'communeCode', code: 'communeCode' });
    if (!/^\d{12}$/.test(id)) problems.push({ path: 'idNumber', code: 'idFormat' });
    setErrors(problems);
    setAnswer(null);
    setFailure(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      setAnswer(await dossierApi.maritalStatus(unit.communeCode, id));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id="civil-status-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <CommunePicker idPrefix="civil-status" provinceCode={unit.provinceCode} communeCode={unit.communeCode} onChange={setUnit} error={err('communeCode')} />
      <TextField id="civil-status-idNumber" label={t('dossier.civilStatus.idNumber')} value={idNumber} onChange={setIdNumber} inputMode="numeric" autoComplete="off" maxLength={12} error={err('idNumber')} />
      <p>
        <button type="submit" className="button" disabled={busy}>
          {t('dossier.civilStatus.submit')}
        </button>
      </p>
      <div role="status">
        {busy && <p>{t('dossier.civilStatus.asking')}</p>}
        {answer?.found && answer.maritalStatus && (
          <p className="success">{t('dossier.civilStatus.found', { name: answer.fullName ?? '', status: t(`dossier.civilStatus.status.${answer.maritalStatus}`) })}</p>
        )}
        {answer && !answer.found && <p>{t('dossier.civilStatus.notFound')}</p>}
      </div>
      {failure !== null && (
        <p role="alert" className="alert">
          {failure instanceof ApiError && failure.status === 503 ? t('dossier.civilStatus.unavailable') : dossierErrorMessage(failure, t)}
        </p>
      )}
    </form>
  );
}
