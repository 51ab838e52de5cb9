import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRequest, DossierAction, DossierView, ProcedureVersion, ReturnMethod } from '@motcua/contracts';
import { actionInput } from './action-plan.ts';
import { dossierApi } from './dossier-api.ts';
import { FieldErrorText } from './field.tsx';
import { errorAt, type FieldError } from './field-errors.ts';
import { ReasonField } from './intake-outcome.tsx';

export type Person = { id: string; label: string };
export type ActionExtras = Omit<ActionRequest, 'action' | 'expectedVersion'>;

type Props = {
  action: DossierAction;
  dossier: DossierView;
  people: readonly Person[];
  busy: boolean;
  errors: readonly FieldError[];
  onSend: (extras: ActionExtras) => void;
  onCancel: () => void;
};

/** The few fields an action needs (reason, date, person, items, amount), shown in place under the buttons. */
export function ActionForm({ action, dossier, people, busy, errors, onSend, onCancel }: Props) {
  const { t } = useTranslation();
  const kind = actionInput[action];
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('17:00');
  const [amount, setAmount] = useState(String(dossier.feeTotal));
  const [items, setItems] = useState<Set<string>>(new Set());
  const [version, setVersion] = useState<ProcedureVersion | null>(null);
  const [versionFailed, setVersionFailed] = useState(false);
  const [method, setMethod] = useState<ReturnMethod>('counter');
  const [receivedBy, setReceivedBy] = useState(dossier.applicant.fullName);
  const [postalCode, setPostalCode] = useState('');

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (kind !== 'supplement') return;
    const controller = new AbortController();
    dossierApi.procedureVersion(dossier.procedureCode, dossier.procedureVersionId, controller.signal).then(setVersion, () => {
      if (!controller.signal.aborted) setVersionFailed(true);
    });
    return () => controller.abort();
  }, [kind, dossier.procedureCode, dossier.procedureVersionId]);

  function send() {
    const extras: ActionExtras = {};
    if (reason.trim()) extras.reason = reason.trim();
    if (kind === 'assignee' && assigneeId) extras.assigneeId = assigneeId;
    if (kind === 'apology' && date) extras.newDueAt = `${date}T${time || '17:00'}:00+07:00`;
    if (kind === 'supplement') extras.supplementItems = [...items].map((itemId) => ({ itemId }));
    if (kind === 'amount') {
      const n = Number(amount.replace(/\D/g, ''));
      if (Number.isFinite(n)) extras.amountPaid = n;
    }
    if (kind === 'return') {
      extras.returnMethod = method;
      if (receivedBy.trim()) extras.receivedBy = receivedBy.trim();
      if (method === 'post' && postalCode.trim()) extras.postalTrackingCode = postalCode.trim();
    }
    onSend(extras);
  }

  const toggle = (id: string, on: boolean) =>
    setItems((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const danger = action === 'refuse' || action === 'withdraw' || action === 'stop';
  return (
    <section className={danger ? 'panel panel-danger' : 'panel'} aria-labelledby="action-form-heading">
      <h3 id="action-form-heading" tabIndex={-1} ref={heading}>
        {t(`dossier.do.${action}`)}
      </h3>
      <p>{t(`dossier.explain.${action}`)}</p>

      {kind === 'assignee' && (
        <div className="field">
          <label htmlFor="action-assignee">{t('dossier.action.assignee')}</label>
          <select id="action-assignee" value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} aria-invalid={errorAt(errors, 'assigneeId') ? true : undefined}>
            <option value="">{t('dossier.action.autoAssign')}</option>
            {people
              .filter((p) => p.id !== dossier.assigneeId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
          </select>
          <FieldErrorText id="action-assignee-error" error={errorAt(errors, 'assigneeId')} />
        </div>
      )}

      {kind === 'apology' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor="action-date">{t('dossier.action.newDate')}</label>
            <input id="action-date" type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-invalid={errorAt(errors, 'newDueAt') ? true : undefined} aria-describedby="action-date-error" />
            <FieldErrorText id="action-date-error" error={errorAt(errors, 'newDueAt')} />
          </div>
          <div className="field field-narrow">
            <label htmlFor="action-time">{t('dossier.action.newTime')}</label>
            <input id="action-time" type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          </div>
        </div>
      )}

      {kind === 'supplement' && (
        <fieldset className="fieldset">
          <legend>{t('dossier.action.items')}</legend>
          {!version && !versionFailed && <p role="status">{t('app.loading')}</p>}
          {versionFailed && <p className="alert">{t('dossier.action.itemsFailed')}</p>}
          <ul className="checklist-items">
            {version?.documents.map((doc) => (
              <li key={doc.id} className="checklist-item">
                <input id={`act-doc-${doc.id}`} type="checkbox" checked={items.has(doc.id)} onChange={(event) => toggle(doc.id, event.target.checked)} />
                <label htmlFor={`act-doc-${doc.id}`}>{doc.name.normalize('NFC')}</label>
              </li>
            ))}
          </ul>
          <FieldErrorText id="action-items-error" error={errorAt(errors, 'supplementItems') ?? errors.find((e) => e.path.startsWith('items.'))} />
        </fieldset>
      )}

      {kind === 'amount' && (
        <div className="field field-narrow">
          <label htmlFor="action-amount">{t('dossier.action.amount')}</label>
          <input id="action-amount" inputMode="numeric" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </div>
      )}

      {kind === 'return' && (
        <>
          <fieldset className="fieldset">
            <legend>{t('dossier.action.returnMethod')}</legend>
            {(['counter', 'post', 'online'] as const).map((m) => (
              <div key={m} className="checklist-item">
                <input id={`return-${m}`} type="radio" name="return-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                <label htmlFor={`return-${m}`}>{t(`dossier.action.returnMethods.${m}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="return-received-by">{t(method === 'post' ? 'dossier.action.sentTo' : 'dossier.action.receivedBy')}</label>
            <input id="return-received-by" value={receivedBy} onChange={(event) => setReceivedBy(event.target.value)} aria-invalid={errorAt(errors, 'receivedBy') ? true : undefined} />
            <FieldErrorText id="return-received-by-error" error={errorAt(errors, 'receivedBy')} />
          </div>
          {method === 'post' && (
            <div className="field field-narrow">
              <label htmlFor="return-postal-code">{t('dossier.action.postalCode')}</label>
              <input id="return-postal-code" value={postalCode} onChange={(event) => setPostalCode(event.target.value)} aria-invalid={errorAt(errors, 'postalTrackingCode') ? true : undefined} aria-describedby="return-postal-code-error" />
              <FieldErrorText id="return-postal-code-error" error={errorAt(errors, 'postalTrackingCode')} />
            </div>
          )}
        </>
      )}

      {(kind === 'reason' || kind === 'apology' || kind === 'supplement' || kind === 'assignee') && (
        <ReasonField
          id="action-reason"
          label={kind === 'reason' || kind === 'apology' ? t('dossier.action.reasonRequired') : t('dossier.action.reasonOptional')}
          value={reason}
          onChange={setReason}
          error={errorAt(errors, 'reason')}
        />
      )}

      <div className="button-row">
        <button type="button" className={danger ? 'button button-danger' : 'button'} disabled={busy} onClick={send}>
          {busy ? t('dossier.outcome.sending') : t('dossier.action.confirm', { action: t(`dossier.do.${action}`) })}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t('dossier.outcome.cancel')}
        </button>
      </div>
    </section>
  );
}
