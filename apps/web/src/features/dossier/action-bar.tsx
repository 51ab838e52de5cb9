import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierAction, DossierView } from '@motcua/contracts';
import { ActionForm, type ActionExtras, type Person } from './action-form.tsx';
import { actionInput, planActions } from './action-plan.ts';
import { resultsApi } from '../results/results-api.ts';
import { dossierApi } from './dossier-api.ts';
import { dossierErrorMessage, isConflict } from './dossier-errors.ts';
import { fieldErrorsOf } from './field-errors.ts';

const CLOSED = new Set(['not_accepted', 'withdrawn', 'stopped', 'returned']);

type Props = {
  dossier: DossierView;
  people: readonly Person[];
  onActed: (view: DossierView, action: DossierAction) => void;
  onConflict: () => void;
};

/**
 * Buttons for exactly the actions the server allows this user now, with the workflow's next step
 * as the one main button. Every request carries the version on screen, so acting on an outdated
 * page is refused (409) instead of overwriting someone else's work.
 */
export function ActionBar({ dossier, people, onActed, onConflict }: Props) {
  const { t } = useTranslation();
  const plan = useMemo(() => planActions(dossier.allowedActions), [dossier.allowedActions]);
  const [open, setOpen] = useState<DossierAction | null>(null);
  const [busy, setBusy] = useState<DossierAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = useMemo(() => fieldErrorsOf(failure), [failure]);

  async function send(action: DossierAction, extras: ActionExtras = {}) {
    setBusy(action);
    setFailure(null);
    try {
      // Approving is signing: the results module approves and issues the signed e-result in one go.
      const view = action === 'approve' ? (await resultsApi.sign(dossier)).dossier : await dossierApi.act(dossier.id, { action, expectedVersion: dossier.version, ...extras });
      setOpen(null);
      onActed(view, action);
    } catch (error) {
      if (isConflict(error)) {
        setOpen(null);
        onConflict();
      } else setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  function click(action: DossierAction) {
    setFailure(null);
    if (actionInput[action] === 'none') void send(action);
    else setOpen(action);
  }

  const button = (action: DossierAction, style: string) => (
    <button key={action} type="button" className={style} disabled={busy !== null} aria-expanded={actionInput[action] === 'none' ? undefined : open === action} onClick={() => click(action)}>
      {busy === action ? t('dossier.outcome.sending') : t(`dossier.do.${action}`)}
    </button>
  );

  if (!plan.primary && plan.others.length === 0 && plan.endings.length === 0) {
    return <p className="note">{t(CLOSED.has(dossier.status) ? 'dossier.action.closed' : 'dossier.action.none')}</p>;
  }

  return (
    <div className="action-bar">
      {failure !== null && errors.length === 0 && (
        <p role="alert" className="alert">
          {dossierErrorMessage(failure, t)}
        </p>
      )}
      {failure !== null && errors.length > 0 && (
        <p role="alert" className="alert">
          {t('errors.validation_failed')}
        </p>
      )}
      <div className="button-row">
        {plan.primary && button(plan.primary, 'button button-primary-action')}
        {plan.others.map((a) => button(a, 'button button-secondary'))}
      </div>
      {plan.endings.length > 0 && (
        <details className="endings">
          <summary>{t('dossier.action.endings')}</summary>
          <div className="button-row">{plan.endings.map((a) => button(a, 'button button-danger'))}</div>
        </details>
      )}
      {open && (
        <ActionForm
          key={open}
          action={open}
          dossier={dossier}
          people={people}
          busy={busy !== null}
          errors={errors}
          onSend={(extras) => void send(open, extras)}
          onCancel={() => {
            setOpen(null);
            setFailure(null);
          }}
        />
      )}
    </div>
  );
}
