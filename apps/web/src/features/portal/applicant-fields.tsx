import { useTranslation } from 'react-i18next';

export type ApplicantForm = { idNumber: string; fullName: string; dateOfBirth: string; sex: 'male' | 'female'; line: string; communeCode: string; phone: string };

export const emptyApplicant: ApplicantForm = { idNumber: '', fullName: '', dateOfBirth: '', sex: 'male', line: '', communeCode: '', phone: '' };

export function fromDraft(a: Record<string, unknown>): ApplicantForm {
  const address = (a.address ?? {}) as { line?: string; communeCode?: string };
  const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : '');
  return { idNumber: s('idNumber'), fullName: s('fullName'), dateOfBirth: s('dateOfBirth'), sex: a.sex === 'female' ? 'female' : 'male', line: address.line ?? '', communeCode: address.communeCode ?? '', phone: s('phone') };
}

export function toDraft(f: ApplicantForm): Record<string, unknown> {
  return {
    idNumber: f.idNumber.trim(),
    fullName: f.fullName.trim(),
    dateOfBirth: f.dateOfBirth,
    sex: f.sex,
    address: { line: f.line.trim(), communeCode: f.communeCode.trim() },
    ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
  };
}

/** The applicant block of the e-form (every procedure asks for it). */
export function ApplicantFields({ value, onChange }: { value: ApplicantForm; onChange: (v: ApplicantForm) => void }) {
  const { t } = useTranslation('portal');
  const input = (key: Exclude<keyof ApplicantForm, 'sex'>, label: string, props: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`ap-${key}`}>{label}</label>
      <input id={`ap-${key}`} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} {...props} />
    </div>
  );
  return (
    <fieldset>
      <legend>{t('apply.applicant')}</legend>
      {input('idNumber', t('apply.idNumber'), { inputMode: 'numeric', maxLength: '12' })}
      {input('fullName', t('apply.fullName'), { autoComplete: 'name' })}
      {input('dateOfBirth', t('apply.dateOfBirth'), { type: 'date' })}
      <div className="field">
        <label htmlFor="ap-sex">{t('apply.sex')}</label>
        <select id="ap-sex" value={value.sex} onChange={(e) => onChange({ ...value, sex: e.target.value as 'male' | 'female' })}>
          <option value="male">{t('apply.male')}</option>
          <option value="female">{t('apply.female')}</option>
        </select>
      </div>
      {input('line', t('apply.addressLine'), { autoComplete: 'street-address' })}
      {input('communeCode', t('apply.communeCode'), { inputMode: 'numeric', maxLength: '5' })}
      {input('phone', t('apply.phone'), { type: 'tel', autoComplete: 'tel' })}
    </fieldset>
  );
}
