import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierView, Me, ProcedureDetail } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { ApplicantFields } from './applicant-fields.tsx';
import { ChecklistFields } from './checklist-fields.tsx';
import { CompetentCenterField } from './competent-center.tsx';
import { ApiError, newIdempotencyKey } from '../../lib/api.ts';
import { dossierApi } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { fieldErrorsOf, type FieldError } from './field-errors.ts';
import { FeesField } from './fees-field.tsx';
import { IntakeDone } from './intake-done.tsx';
import { counterTerms, documentsFor, emptyApplicant, feeTotal, intakeRequest, missingMandatory, type ApplicantDraft, type Decision } from './intake-draft.ts';
import { IntakeOutcome } from './intake-outcome.tsx';
import { ProcedurePicker } from './procedure-picker.tsx';
import { WorkNav } from './staff-links.tsx';
import './dossier.css';

function limitText(procedure: ProcedureDetail, t: TFunction<'translation', undefined>): string {
  const terms = counterTerms(procedure);
  const limit = terms?.timeLimit;
  if (!limit) return terms?.timeLimitText || '—';
  if ('sameDay' in limit) return t('dossier.intake.limitSameDay', { cutoff: limit.cutoff });
  if ('workingDays' in limit) return t('dossier.intake.limitDays', { n: limit.workingDays });
  return t('dossier.intake.limitHours', { n: limit.workingHours });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTAKE_ROLES = new Set(['counter_officer', 'leader', 'director']);

export function IntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossier.intake.title'));
  return (
    <>
      <h1>{t('dossier.intake.heading')}</h1>
      <SignedIn>
        {(me) =>
          INTAKE_ROLES.has(me.user.role) && me.center ? (
            <>
              <WorkNav role={me.user.role} />
              <IntakeConsole me={me} />
            </>
          ) : (
            <p className="alert">{t('dossier.intake.notAllowed')}</p>
          )
        }
      </SignedIn>
    </>
  );
}

/** `ticket`: the queue number now linked to the dossier, 'failed' when linking it did not work. */
type Done = { dossier: DossierView; decision: Decision; ticket: string | 'failed' | null };

function IntakeConsole({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ticket = params.get('ticket');
  const ticketId = ticket && UUID.test(ticket) ? ticket : null;
  const center = me.center!;
  const fresh = () => emptyApplicant(center.provinceCode, center.communeCode);

  const [procedure, setProcedure] = useState<{ status: 'none' } | { status: 'loading' } | { status: 'ready'; data: ProcedureDetail } | { status: 'failed'; error: unknown }>({ status: 'none' });
  const [applicant, setApplicant] = useState<ApplicantDraft>(fresh);
  const [provided, setProvided] = useState<Set<string>>(new Set());
  const [fees, setFees] = useState<string>('');
  const [competent, setCompetent] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  // One key per dossier being received: a second click or a retry after a network error reuses it.
  const [intakeKey, setIntakeKey] = useState(newIdempotencyKey);
  const alertRef = useRef<HTMLDivElement>(null);

  const errors: FieldError[] = useMemo(() => fieldErrorsOf(failure), [failure]);
  const documents = useMemo(() => (procedure.status === 'ready' ? documentsFor(procedure.data.documents, 'counter') : []), [procedure]);
  const missing = useMemo(() => missingMandatory(documents, provided), [documents, provided]);

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  async function pick(code: string) {
    setProcedure({ status: 'loading' });
    setProvided(new Set());
    setFailure(null);
    try {
      const data = await dossierApi.procedure(code);
      setProcedure({ status: 'ready', data });
      setFees(String(feeTotal(data)));
    } catch (error) {
      setProcedure({ status: 'failed', error });
    }
  }

  function toggle(id: string, on: boolean) {
    setProvided((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(decision: Decision, supplementIds: string[], reason: string) {
    if (procedure.status !== 'ready' || busy) return;
    setBusy(true);
    setFailure(null);
    const amount = Number(fees.replace(/\D/g, ''));
    const body = intakeRequest({ procedure: procedure.data, applicant, provided, decision, supplementIds, reason, feesCollected: Number.isFinite(amount) ? amount : null, ticketId, competentCenterId: competent && competent !== center.id ? competent : null });
    try {
      const dossier = await dossierApi.intake(body, intakeKey);
      const ticket = ticketId ? await dossierApi.linkTicket(ticketId, dossier.id).then((linked) => linked.number, () => 'failed' as const) : null;
      setDone({ dossier, decision, ticket });
    } catch (error) {
      // The lost first attempt made a dossier with other details: a new submission needs a new key.
      if (error instanceof ApiError && error.code === 'dossier.idempotency_key_reused') setIntakeKey(newIdempotencyKey());
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function startOver() {
    setDone(null);
    setIntakeKey(newIdempotencyKey());
    setProcedure({ status: 'none' });
    setApplicant(fresh());
    setProvided(new Set());
    setFees('');
    setFailure(null);
    // The ticket belonged to the visit just finished; the next one comes from the queue again.
    if (ticketId) setParams({}, { replace: true });
  }

  if (done) return <IntakeDone dossier={done.dossier} decision={done.decision} ticket={done.ticket} onNext={startOver} />;

  return (
    <form className="intake" noValidate onSubmit={(event) => event.preventDefault()}>
      {ticketId && <p className="note">{t('dossier.intake.forTicket')}</p>}
      <div ref={alertRef} tabIndex={-1}>
        {failure !== null && (
          <div role="alert" className="alert">
            <p>{dossierErrorMessage(failure, t)}</p>
            {errors.length > 0 && <p>{t('dossier.intake.fixFields', { n: errors.length })}</p>}
          </div>
        )}
      </div>

      <section aria-labelledby="step-procedure">
        <h2 id="step-procedure">{t('dossier.intake.procedureHeading')}</h2>
        {procedure.status === 'ready' ? (
          <div className="chosen">
            <p className="chosen-name">{procedure.data.name}</p>
            <p className="chosen-meta">
              {procedure.data.code} · {procedure.data.sector} · {t('dossier.intake.timeLimit')}: {limitText(procedure.data, t)}
            </p>
            <button type="button" className="button button-secondary" onClick={() => setProcedure({ status: 'none' })} disabled={busy}>
              {t('dossier.intake.changeProcedure')}
            </button>
            {procedure.data.boundaryFree && <CompetentCenterField ownCenterId={center.id} value={competent} onChange={setCompetent} />}
          </div>
        ) : (
          <>
            <ProcedurePicker centerId={center.id} onPick={(code) => void pick(code)} />
            {procedure.status === 'loading' && <p role="status">{t('app.loading')}</p>}
            {procedure.status === 'failed' && (
              <p role="alert" className="alert">
                {dossierErrorMessage(procedure.error, t)}
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="step-applicant">
        <h2 id="step-applicant">{t('dossier.intake.applicantHeading')}</h2>
        <ApplicantFields draft={applicant} onChange={setApplicant} errors={errors} />
      </section>

      {procedure.status === 'ready' && (
        <>
          <section aria-labelledby="step-checklist">
            <h2 id="step-checklist">{t('dossier.intake.checklistHeading')}</h2>
            <ChecklistFields documents={documents} provided={provided} onToggle={toggle} errors={errors} />
          </section>
          <section aria-labelledby="step-fees">
            <h2 id="step-fees">{t('dossier.intake.feesHeading')}</h2>
            <FeesField procedure={procedure.data} value={fees} onChange={setFees} />
          </section>
          <section aria-labelledby="step-outcome">
            <h2 id="step-outcome">{t('dossier.intake.outcomeHeading')}</h2>
            <IntakeOutcome documents={documents} provided={provided} missing={missing} busy={busy} errors={errors} onSubmit={(d, ids, reason) => void submit(d, ids, reason)} />
          </section>
        </>
      )}
    </form>
  );
}
