import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CitizenFileView, DraftView, ProcedureDetail } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { catalogApi } from '../catalog/catalog-api.ts';
import { ApplicantFields, emptyApplicant, fromDraft, toDraft, type ApplicantForm } from './applicant-fields.tsx';
import { AssistBanner } from './assist-page.tsx';
import { DocumentsFields } from './documents-fields.tsx';
import { portalApi, type MyDossier, type StoreResult } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import { useCitizen } from './use-citizen.ts';
import './portal.css';

type Centers = Awaited<ReturnType<typeof portalApi.centers>>;

/** Online filing: pick the center, fill the e-form made from the procedure version, attach, save, submit. */
export function ApplyPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('apply.title'));
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const me = useCitizen();
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [centers, setCenters] = useState<Centers | null>(null);
  const [centerId, setCenterId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    catalogApi.procedure(code).then(setProcedure, (e: unknown) => setError(portalError(e, t)));
    portalApi.centers(code).then(
      (c) => {
        setCenters(c);
        setCenterId(c.centers[0]?.id ?? '');
      },
      (e: unknown) => setError(portalError(e, t)),
    );
  }, [code, t]);

  const start = async () => {
    try {
      const d = await portalApi.createDraft(code, centerId);
      setParams({ draft: d.id });
    } catch (e) {
      setError(portalError(e, t));
    }
  };

  return (
    <>
      <h1>{t('apply.title')}</h1>
      <AssistBanner />
      {procedure && <p className="lead">{procedure.name}</p>}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {me.status === 'signed-out' && (
        <p>
          <Link className="button" to={`/citizen/sign-in?next=${encodeURIComponent(`/citizen/apply/${code}`)}`}>
            {t('apply.needSignIn')}
          </Link>
        </p>
      )}
      {me.status === 'signed-in' && centers && !draftId && (
        <>
          {centers.onlineLevel === 'none' && <p>{t('apply.notOnline')}</p>}
          {centers.onlineLevel !== 'none' && centers.centers.length === 0 && <p>{t('apply.noCenter')}</p>}
          {centers.onlineLevel !== 'none' && centers.centers.length > 0 && (
            <form className="portal-form" onSubmit={(e) => (e.preventDefault(), void start())}>
              <div className="field">
                <label htmlFor="apply-center">{t('apply.center')}</label>
                <select id="apply-center" value={centerId} onChange={(e) => setCenterId(e.target.value)}>
                  {centers.centers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t('apply.start')}
              </button>
            </form>
          )}
        </>
      )}
      {me.status === 'signed-in' && draftId && procedure && <DraftForm draftId={draftId} procedure={procedure} />}
    </>
  );
}

function DraftForm({ draftId, procedure }: { draftId: string; procedure: ProcedureDetail }) {
  const { t } = useTranslation('portal');
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [applicant, setApplicant] = useState<ApplicantForm>(emptyApplicant);
  const [attachments, setAttachments] = useState<DraftView['attachments']>({});
  const [note, setNote] = useState('');
  const [store, setStore] = useState<{ files: CitizenFileView[]; results: StoreResult[] }>({ files: [], results: [] });
  const [consent, setConsent] = useState(false);
  const [prefillId, setPrefillId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [done, setDone] = useState<MyDossier | null>(null);
  const [busy, setBusy] = useState(false);

  const load = (d: DraftView) => {
    setDraft(d);
    setApplicant(fromDraft(d.applicant));
    setAttachments(d.attachments);
    setNote(d.fields.note ?? '');
  };
  useEffect(() => {
    portalApi.draft(draftId).then(load, (e: unknown) => setMessage({ ok: false, text: portalError(e, t) }));
    portalApi.store().then(setStore, () => undefined);
  }, [draftId, t]);

  const save = async (): Promise<DraftView | null> => {
    if (!draft) return null;
    try {
      const saved = await portalApi.saveDraft(draft.id, { expectedVersion: draft.version, applicant: toDraft(applicant), attachments, fields: note ? { note } : {} });
      setDraft(saved);
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'citizen.draft_stale') {
        load(await portalApi.draft(draft.id));
        setMessage({ ok: false, text: t('apply.stale') });
        return null;
      }
      setMessage({ ok: false, text: portalError(e, t) });
      return null;
    }
  };
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const prefill = () =>
    act(async () => {
      const saved = await save();
      if (!saved) return;
      try {
        const filled = await portalApi.prefill(saved.id, prefillId.trim(), saved.version);
        // Identity and residence papers come from the registry now: nothing to upload for them.
        const fromRegistry = Object.fromEntries(procedure.documents.filter((d) => d.reuse === 'population_db').map((d) => [d.id, { source: 'population_db' as const }]));
        load({ ...filled, attachments: { ...fromRegistry, ...filled.attachments } });
        setMessage({ ok: true, text: t('apply.prefilled') });
      } catch (e) {
        setMessage({ ok: false, text: portalError(e, t) });
      }
    });
  const submit = () =>
    act(async () => {
      const saved = await save();
      if (!saved) return;
      try {
        setDone(await portalApi.submit(saved.id));
      } catch (e) {
        setMessage({ ok: false, text: portalError(e, t) });
      }
    });

  if (done) {
    return (
      <section aria-labelledby="done-heading">
        <h2 id="done-heading">{t('apply.done')}</h2>
        <p className="portal-ok" role="status">
          {t('apply.doneLead', { code: done.code, secret: done.trackingSecret })}
        </p>
        {done.feeTotal > 0 && <p>{t('apply.fee', { amount: done.feeTotal.toLocaleString('vi-VN') })}</p>}
        <p>
          <Link className="button" to={`/citizen/dossiers/${done.id}`}>
            {t('apply.viewDossier')}
          </Link>
        </p>
      </section>
    );
  }
  if (!draft) return message ? <p role="alert">{message.text}</p> : <p role="status">…</p>;
  return (
    <form className="portal-form" onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
      <fieldset>
        <legend>{t('apply.prefillHeading')}</legend>
        <div className="field">
          <label htmlFor="prefill-id">{t('apply.prefillId')}</label>
          <input id="prefill-id" inputMode="numeric" maxLength={12} value={prefillId} onChange={(e) => setPrefillId(e.target.value)} />
        </div>
        <label className="portal-row">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('apply.prefillConsent')}
        </label>
        <p>
          <button type="button" className="button button-secondary" disabled={!consent || prefillId.length !== 12 || busy} onClick={() => void prefill()}>
            {t('apply.prefill')}
          </button>
        </p>
      </fieldset>
      <ApplicantFields value={applicant} onChange={setApplicant} />
      <DocumentsFields documents={procedure.documents} value={attachments} store={store} onChange={setAttachments} />
      <div className="field">
        <label htmlFor="apply-note">{t('apply.note')}</label>
        <textarea id="apply-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'portal-ok' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="portal-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(async () => void ((await save()) && setMessage({ ok: true, text: t('apply.saved') })))}>
          {t('apply.save')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {t('apply.submit')}
        </button>
      </div>
    </form>
  );
}
