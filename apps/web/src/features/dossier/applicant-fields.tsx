import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { looksLikeCccdQr, parseCccdQr, splitCardAddress, type CccdParseFailure } from './cccd-qr.ts';
import { CommunePicker, loadCommunes } from './commune-picker.tsx';
import { FieldErrorText, TextField } from './field.tsx';
import { errorAt, type FieldError } from './field-errors.ts';
import { applyCard, type ApplicantDraft } from './intake-draft.ts';
import { QrCamera, useCameraQrSupport } from './qr-camera.tsx';

type Props = { draft: ApplicantDraft; onChange: (draft: ApplicantDraft) => void; errors: readonly FieldError[] };
type ScanNote = { kind: 'read'; name: string; communeFound: boolean } | { kind: 'failed'; reason: CccdParseFailure };

const CARD_FIELDS = new Set(['idNumber', 'fullName', 'line']);

export function ApplicantFields({ draft, onChange, errors }: Props) {
  const { t } = useTranslation();
  const [qr, setQr] = useState('');
  const [note, setNote] = useState<ScanNote | null>(null);
  const [camera, setCamera] = useState(false);
  const cameraSupported = useCameraQrSupport();
  const set = (patch: Partial<ApplicantDraft>) => onChange({ ...draft, ...patch });
  const err = (path: string) => errorAt(errors, path);

  async function applyScan(text: string, base: ApplicantDraft, who: 'applicant' | 'representative' = 'applicant') {
    const parsed = parseCccdQr(text);
    if (!parsed.ok) {
      setNote({ kind: 'failed', reason: parsed.reason });
      return;
    }
    if (who === 'representative') {
      onChange({ ...base, repFullName: parsed.card.fullName, repIdNumber: parsed.card.idNumber });
      setNote({ kind: 'read', name: parsed.card.fullName, communeFound: true });
      return;
    }
    const communes = await loadCommunes(base.provinceCode).catch(() => []);
    const address = splitCardAddress(parsed.card.address, communes);
    onChange(applyCard(base, parsed.card, { line: address.line, communeCode: address.commune?.code ?? null }));
    setNote({ kind: 'read', name: parsed.card.fullName, communeFound: address.commune !== null });
  }

  // A USB scanner types into whatever field has focus and presses Enter. Catch that in any field,
  // undo what it typed there, and fill the form from the card instead of submitting anything.
  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
    if (target.id === 'qr-input') return;
    if (!looksLikeCccdQr(target.value)) return;
    event.preventDefault();
    const name = target.name as keyof ApplicantDraft;
    const base = name in draft && !CARD_FIELDS.has(name) ? { ...draft, [name]: '' } : draft;
    // Scanning while in the representative's fields reads the representative's card.
    void applyScan(target.value, base, name.startsWith('rep') ? 'representative' : 'applicant');
  }

  function onQrKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = qr;
    setQr('');
    if (text.trim()) void applyScan(text, draft);
  }

  return (
    <fieldset className="fieldset" onKeyDown={onKeyDown}>
      <legend className="visually-hidden">{t('dossier.intake.applicantHeading')}</legend>
      <div className="scan-box">
        <div className="field">
          <label htmlFor="qr-input">{t('dossier.applicant.qr')}</label>
          <p id="qr-hint" className="field-hint">
            {t('dossier.applicant.qrHint')}
          </p>
          <input id="qr-input" autoComplete="off" spellCheck={false} aria-describedby="qr-hint" value={qr} onChange={(event) => setQr(event.target.value)} onKeyDown={onQrKeyDown} />
        </div>
        {cameraSupported && !camera && (
          <button type="button" className="button button-secondary" onClick={() => setCamera(true)}>
            {t('dossier.applicant.camera')}
          </button>
        )}
        {camera && (
          <QrCamera
            onRead={(text) => {
              setCamera(false);
              void applyScan(text, draft);
            }}
            onClose={() => setCamera(false)}
          />
        )}
        <div role="status" className="scan-note">
          {note?.kind === 'read' && t(note.communeFound ? 'dossier.applicant.scanned' : 'dossier.applicant.scannedNoCommune', { name: note.name })}
        </div>
        {note?.kind === 'failed' && (
          <p role="alert" className="alert">
            {t(`dossier.applicant.scanFailed.${note.reason}`)}
          </p>
        )}
      </div>

      <div className="field-row">
        <TextField
          id="applicant-idNumber"
          name="idNumber"
          label={t('dossier.applicant.idNumber')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={200}
          value={draft.idNumber}
          onChange={(idNumber) => set({ idNumber })}
          error={err('applicant.idNumber')}
        />
        <TextField id="applicant-fullName" name="fullName" label={t('dossier.applicant.fullName')} autoComplete="off" value={draft.fullName} onChange={(fullName) => set({ fullName })} error={err('applicant.fullName')} />
      </div>
      <div className="field-row">
        <TextField id="applicant-dateOfBirth" name="dateOfBirth" type="date" label={t('dossier.applicant.dateOfBirth')} value={draft.dateOfBirth} onChange={(dateOfBirth) => set({ dateOfBirth })} error={err('applicant.dateOfBirth')} />
        <fieldset className="field radio-group" aria-describedby={err('applicant.sex') ? 'applicant-sex-error' : undefined}>
          <legend>{t('dossier.applicant.sex')}</legend>
          {(['male', 'female'] as const).map((sex) => (
            <label key={sex} className="radio">
              <input type="radio" name="sex" value={sex} checked={draft.sex === sex} onChange={() => set({ sex })} />
              {t(`dossier.applicant.${sex}`)}
            </label>
          ))}
          <FieldErrorText id="applicant-sex-error" error={err('applicant.sex')} />
        </fieldset>
        <TextField id="applicant-idIssuedOn" name="idIssuedOn" type="date" label={t('dossier.applicant.idIssuedOn')} value={draft.idIssuedOn} onChange={(idIssuedOn) => set({ idIssuedOn })} error={err('applicant.idIssuedOn')} />
      </div>

      <CommunePicker
        idPrefix="applicant"
        provinceCode={draft.provinceCode}
        communeCode={draft.communeCode}
        onChange={(unit) => set(unit)}
        error={err('applicant.address.communeCode')}
      />
      <TextField id="applicant-line" name="line" label={t('dossier.applicant.line')} hint={t('dossier.applicant.lineHint')} autoComplete="off" value={draft.line} onChange={(line) => set({ line })} error={err('applicant.address.line')} />

      <div className="field-row">
        <TextField id="applicant-phone" name="phone" type="tel" label={t('dossier.applicant.phone')} autoComplete="off" value={draft.phone} onChange={(phone) => set({ phone })} error={err('applicant.phone')} />
        <TextField id="applicant-email" name="email" type="email" label={t('dossier.applicant.email')} autoComplete="off" value={draft.email} onChange={(email) => set({ email })} error={err('applicant.email')} />
      </div>

      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={draft.hasRepresentative} onChange={(event) => set({ hasRepresentative: event.target.checked })} />
          {t('dossier.applicant.hasRepresentative')}
        </label>
      </div>
      {draft.hasRepresentative && (
        <div className="field-row">
          <TextField id="rep-fullName" name="repFullName" label={t('dossier.applicant.repFullName')} autoComplete="off" value={draft.repFullName} onChange={(repFullName) => set({ repFullName })} error={err('applicant.representative.fullName')} />
          <TextField id="rep-idNumber" name="repIdNumber" label={t('dossier.applicant.repIdNumber')} inputMode="numeric" autoComplete="off" value={draft.repIdNumber} onChange={(repIdNumber) => set({ repIdNumber })} error={err('applicant.representative.idNumber')} />
          <TextField id="rep-relation" name="repRelation" label={t('dossier.applicant.repRelation')} hint={t('dossier.applicant.repRelationHint')} autoComplete="off" value={draft.repRelation} onChange={(repRelation) => set({ repRelation })} error={err('applicant.representative.relation')} />
        </div>
      )}
    </fieldset>
  );
}
