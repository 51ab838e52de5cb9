import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Applicant, type DocumentItem, type OutreachPack, type OutreachReport, type Problem } from '@motcua/contracts';
import { ApiError, request } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ApplicantFields } from '../dossier/applicant-fields.tsx';
import { ChecklistFields } from '../dossier/checklist-fields.tsx';
import { fieldErrorsOf } from '../dossier/field-errors.ts';
import { formatDateTime } from '../dossier/format.ts';
import { documentsFor, emptyApplicant, missingMandatory, toApplicant, type ApplicantDraft } from '../dossier/intake-draft.ts';
import { ConflictReview } from './conflict-review.tsx';
import { OnSpotSteps } from './on-spot-steps.tsx';
import { registerServiceWorker } from './register-sw.ts';
import { store, type LocalDossier, type LocalFile } from './outreach-store.ts';
import { sha256Hex, syncSession } from './outreach-sync.ts';
import { localIso, provisionalDue } from './outreach-time.ts';

type Saved = NonNullable<Awaited<ReturnType<typeof store.pack>>>;
const MIMES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** /staff/outreach/:id — works with no connection: everything comes from the device. */
export function OutreachSessionPage() {
  const { t } = useTranslation('outreach');
  const { id = '' } = useParams();
  const [saved, setSaved] = useState<Saved | null | undefined>(undefined);
  const [dossiers, setDossiers] = useState<LocalDossier[]>([]);
  const refresh = useCallback(() => void store.dossiers(id).then(setDossiers), [id]);
  useDocumentTitle(saved ? `${t('session.heading')} ${saved.pack.session.place}` : t('session.heading'));
  useEffect(registerServiceWorker, []);
  useEffect(() => {
    void store.pack(id).then((p) => setSaved(p ?? null));
    refresh();
  }, [id, refresh]);

  if (saved === undefined) return <p role="status">{t('loading')}</p>;
  if (saved === null) {
    return (
      <section>
        <h1>{t('session.heading')}</h1>
        <p role="alert" className="alert">
          {t('session.notOnDevice')}
        </p>
        <Link to="/staff/outreach">{t('back')}</Link>
      </section>
    );
  }
  const { pack } = saved;
  return (
    <section className="outreach">
      <h1>
        {t('session.heading')} {pack.session.place} · {pack.session.date}
      </h1>
      <p>
        <Link to="/staff/outreach">{t('back')}</Link> · {pack.center.name} · {t('session.team')}: {pack.session.team.map((m) => m.fullName).join(', ')}
      </p>
      <OfflineIntake saved={saved} onSaved={refresh} />
      <DeviceDossiers pack={pack} dossiers={dossiers} onChange={refresh} />
      <SessionReport sessionId={pack.session.id} />
    </section>
  );
}

function OfflineIntake({ saved, onSaved }: { saved: Saved; onSaved: () => void }) {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const { pack, me } = saved;
  const fresh = () => emptyApplicant(me.center?.provinceCode ?? '', me.center?.communeCode ?? null);
  const [code, setCode] = useState('');
  const [applicant, setApplicant] = useState<ApplicantDraft>(fresh);
  const [provided, setProvided] = useState<Set<string>>(new Set());
  const [photos, setPhotos] = useState<Record<string, File>>({});
  const [leaderId, setLeaderId] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<LocalDossier | null>(null);

  const version = pack.procedures.find((p) => p.code === code) ?? null;
  const documents = useMemo(() => (version ? documentsFor(version.documents, 'counter') : []), [version]);
  const missing = missingMandatory(documents, provided);
  const sameDay = version?.channels.some((c) => c.channel === 'counter' && c.timeLimit && 'sameDay' in c.timeLimit) ?? false;
  const leaders = pack.session.team.filter((m) => m.role === 'leader' || m.role === 'director');
  const errors = useMemo(() => fieldErrorsOf(failure), [failure]);

  function reset() {
    setCode('');
    setApplicant(fresh());
    setProvided(new Set());
    setPhotos({});
    setLeaderId('');
    setFailure(null);
    setDone(null);
  }

  async function receive(e: FormEvent) {
    e.preventDefault();
    if (!version) return;
    const parsed = Applicant.safeParse(toApplicant(applicant));
    const problems = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: ['applicant', ...i.path].join('.'), message: i.message }))),
      ...missing.map((m) => ({ path: `checklist.${m.id}`, message: 'required document missing' })),
    ];
    if (problems.length > 0 || !parsed.success) {
      setFailure(new ApiError(400, 'dossier.invalid_intake', { type: 'about:blank', title: '', status: 400, code: 'dossier.invalid_intake', detail: t('intake.invalid'), errors: problems } as Problem));
      return;
    }
    const files: LocalFile[] = [];
    for (const [itemId, file] of Object.entries(photos)) {
      if (!provided.has(itemId) || !MIMES.has(file.type)) continue;
      files.push({ itemId, name: file.name, mime: file.type as LocalFile['mime'], size: file.size, sha256: await sha256Hex(file), blob: file });
    }
    const now = new Date();
    const receivedAt = localIso(now);
    const d = await store.addDossier(
      {
        key: crypto.randomUUID(),
        sessionId: pack.session.id,
        receivedAt,
        procedureCode: version.code,
        procedureName: version.name,
        procedureVersionId: version.id,
        applicant: parsed.data,
        checklist: documents.map((doc) => ({ itemId: doc.id, provided: provided.has(doc.id) })),
        decision: 'accept',
        provisionalDueAt: provisionalDue(pack, version.code, now),
        ...(sameDay && leaderId ? { onSpot: { leaderId } } : {}),
        files,
        sync: { state: 'pending' },
      },
      `LĐ-${pack.session.date.replaceAll('-', '')}`,
    );
    setDone(d);
    onSaved();
  }

  if (done) return <ProvisionalReceipt d={done} pack={pack} onNext={reset} />;
  return (
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading">{t('intake.heading')}</h2>
      <p>{t('intake.hint')}</p>
      <form onSubmit={receive} className="form" noValidate>
        <div className="field">
          <label htmlFor="outreach-procedure">{t('intake.procedure')}</label>
          <select id="outreach-procedure" value={code} onChange={(e) => (setCode(e.target.value), setProvided(new Set()), setPhotos({}))} required>
            <option value="">{t('intake.chooseProcedure')}</option>
            {pack.procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </select>
        </div>
        {version && (
          <>
            <ApplicantFields draft={applicant} onChange={setApplicant} errors={errors} />
            <h3>{tc('dossier.intake.checklistHeading')}</h3>
            <ChecklistFields documents={documents} provided={provided} onToggle={(docId, on) => setProvided((s) => (on ? new Set(s).add(docId) : new Set([...s].filter((x) => x !== docId))))} errors={errors} />
            <Photos documents={documents.filter((d) => provided.has(d.id))} photos={photos} onChange={setPhotos} />
            {sameDay && leaders.length > 0 && (
              <div className="field">
                <label htmlFor="outreach-on-spot">{t('intake.onSpot')}</label>
                <select id="outreach-on-spot" value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
                  <option value="">{t('intake.takeBack')}</option>
                  {leaders.map((l) => (
                    <option key={l.id} value={l.id}>
                      {t('intake.approvedBy', { name: l.fullName })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {missing.length === 0 ? <p role="status">{t('intake.complete')}</p> : <p>{t('intake.missing', { count: missing.length })}</p>}
          </>
        )}
        {failure !== null && (
          <p role="alert" className="alert">
            {errorMessage(failure, tc)}
          </p>
        )}
        <button type="submit" className="primary" disabled={!version}>
          {t('intake.submit')}
        </button>
      </form>
    </section>
  );
}

function Photos({ documents, photos, onChange }: { documents: DocumentItem[]; photos: Record<string, File>; onChange: (p: Record<string, File>) => void }) {
  const { t } = useTranslation('outreach');
  if (documents.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend>{t('intake.photos')}</legend>
      {documents.map((doc) => (
        <label key={doc.id} className="field">
          <span>{t('intake.photoOf', { name: doc.name })}</span>
          <input
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            capture="environment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              const next = { ...photos };
              if (file) next[doc.id] = file;
              else delete next[doc.id];
              onChange(next);
            }}
          />
          {photos[doc.id] && <span className="muted">{t('intake.photoKept', { name: photos[doc.id]!.name })}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** Form 01 as shown or printed in the village: the provisional number and deadline, replaced at sync. */
function ProvisionalReceipt({ d, pack, onNext }: { d: LocalDossier; pack: OutreachPack; onNext: () => void }) {
  const { t } = useTranslation('outreach');
  return (
    <section aria-labelledby="receipt-heading" className="receipt">
      <h2 id="receipt-heading">{t('receipt.heading')}</h2>
      <p className="muted">{pack.center.name}</p>
      <dl>
        <dt>{t('receipt.provisionalCode')}</dt>
        <dd className="outreach-local-number">{d.localNumber}</dd>
        <dt>{t('receipt.procedure')}</dt>
        <dd>{d.procedureName}</dd>
        <dt>{t('receipt.applicant')}</dt>
        <dd>{d.applicant.fullName}</dd>
        <dt>{t('receipt.receivedAt')}</dt>
        <dd>{formatDateTime(d.receivedAt)}</dd>
        <dt>{t('receipt.provisionalDue')}</dt>
        <dd>{d.onSpot ? t('receipt.onSpot') : d.provisionalDueAt ? formatDateTime(d.provisionalDueAt) : '—'}</dd>
        <dt>{t('receipt.files')}</dt>
        <dd>{d.files.length}</dd>
      </dl>
      <p>{t('receipt.note')}</p>
      <button type="button" onClick={() => window.print()}>
        {t('receipt.print')}
      </button>{' '}
      <button type="button" className="primary" onClick={onNext}>
        {t('receipt.next')}
      </button>
    </section>
  );
}

function stateText(d: LocalDossier, t: ReturnType<typeof useTranslation<'outreach'>>['t']): string {
  switch (d.sync.state) {
    case 'pending':
      return t('sync.pending');
    case 'uploading':
      return t('sync.uploading', { code: d.sync.code, done: d.sync.uploads.filter((u) => u.status === 'complete').length, total: d.sync.uploads.length });
    case 'synced':
      return t('sync.synced', { code: d.sync.code });
    case 'conflict':
      return t('sync.conflict');
    case 'error':
      return t('sync.error', { message: d.sync.message });
  }
}

function DeviceDossiers({ pack, dossiers, onChange }: { pack: OutreachPack; dossiers: LocalDossier[]; onChange: () => void }) {
  const { t } = useTranslation('outreach');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const open = dossiers.filter((d) => d.sync.state !== 'synced').length;

  async function syncAll() {
    setBusy(true);
    setNote('');
    await syncSession(pack.session.id);
    const after = await store.dossiers(pack.session.id);
    onChange();
    setBusy(false);
    const left = after.filter((d) => d.sync.state !== 'synced').length;
    setNote(left === 0 ? t('sync.allDone', { count: after.length }) : t('sync.left', { count: left }));
  }

  return (
    <section aria-labelledby="device-dossiers-heading">
      <h2 id="device-dossiers-heading">{t('list.heading', { count: dossiers.length })}</h2>
      <p>{t('list.hint')}</p>
      {dossiers.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.localNumber')}</th>
              <th scope="col">{t('list.applicant')}</th>
              <th scope="col">{t('list.procedure')}</th>
              <th scope="col">{t('list.receivedAt')}</th>
              <th scope="col">{t('list.due')}</th>
              <th scope="col">{t('list.state')}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => (
              <tr key={d.key} data-sync={d.sync.state}>
                <th scope="row">{d.localNumber}</th>
                <td>{d.applicant.fullName}</td>
                <td>{d.procedureName}</td>
                <td>{formatDateTime(d.receivedAt)}</td>
                <td>
                  {d.onSpot ? (
                    <OnSpotSteps d={d} pack={pack} onChange={onChange} />
                  ) : d.sync.state === 'synced' || d.sync.state === 'uploading' ? (
                    d.sync.dueAt ? formatDateTime(d.sync.dueAt) : '—'
                  ) : d.provisionalDueAt ? (
                    `${formatDateTime(d.provisionalDueAt)} (${t('list.provisional')})`
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <span className="outreach-sync-state">{stateText(d, t)}</span>
                  {d.sync.state === 'conflict' && <ConflictReview d={d} onResolved={onChange} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="primary" onClick={() => void syncAll()} disabled={busy || open === 0}>
        {busy ? t('sync.running') : t('sync.button', { count: open })}
      </button>{' '}
      <button type="button" onClick={() => void store.removeConfirmed(pack.session.id).then(onChange)} disabled={busy || dossiers.every((d) => d.sync.state !== 'synced')}>
        {t('sync.clear')}
      </button>
      <p role="status">{note}</p>
    </section>
  );
}

function SessionReport({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const [report, setReport] = useState<OutreachReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = () => {
    setFailure(null);
    request<OutreachReport>(`/api/v1/outreach/sessions/${sessionId}/report`).then(setReport, setFailure);
  };
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <button type="button" onClick={load}>
        {t('report.load')}
      </button>
      {failure !== null && <p role="alert">{errorMessage(failure, tc)}</p>}
      {report && (
        <table className="table">
          <caption>{t('report.caption', { rate: report.totals.onSpotRate === null ? '—' : `${Math.round(report.totals.onSpotRate * 1000) / 10}%` })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.procedure')}</th>
              <th scope="col">{t('report.received')}</th>
              <th scope="col">{t('report.onSpot')}</th>
              <th scope="col">{t('report.takenBack')}</th>
              <th scope="col">{t('report.notAccepted')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byProcedure.map((p) => (
              <tr key={p.procedureCode}>
                <th scope="row">{p.procedureName}</th>
                <td>{p.received}</td>
                <td>{p.finishedOnSpot}</td>
                <td>{p.takenBack}</td>
                <td>{p.notAccepted}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('report.total')}</th>
              <td>{report.totals.received}</td>
              <td>{report.totals.finishedOnSpot}</td>
              <td>{report.totals.takenBack}</td>
              <td>{report.totals.notAccepted}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {report && report.totals.conflicts > 0 && <p>{t('report.conflicts', { count: report.totals.conflicts })}</p>}
    </section>
  );
}
