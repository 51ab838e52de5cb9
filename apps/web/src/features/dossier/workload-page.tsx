import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { dossierApi, type ListedDossier } from './dossier-api.ts';
import { dossierErrorMessage, isConflict } from './dossier-errors.ts';
import { DossierTable } from './dossier-table.tsx';
import { ExtraPaperReport } from './extra-paper-report.tsx';
import { WorkNav } from './staff-links.tsx';
import { useLoad } from './use-load.ts';
import { workloadOf, type Officer } from './workload.ts';
import './dossier.css';

export function WorkloadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossier.workload.title'));
  return <SignedIn>{(me) => <Workload me={me} />}</SignedIn>;
}

type T = TFunction<'translation', undefined>;
const NONE: readonly ListedDossier[] = [];

function officerName(o: Pick<Officer, 'id' | 'ordinal'>, me: Me, names: ReadonlyMap<string, string>, t: T): string {
  if (o.id === null) return t('dossier.summary.unassigned');
  if (o.id === me.user.id) return t('dossier.summary.you', { name: me.user.fullName });
  // No staff directory in the API yet: a name seen on a timeline, else a stable short reference.
  return names.get(o.id) ?? t('dossier.workload.officer', { n: o.ordinal, ref: o.id.slice(-4) });
}

/**
 * Stop-gap until the API lists a center's staff: an officer who has started work on one of their
 * dossiers appears on its timeline by name. One timeline per officer, fetched one after another.
 */
function useOfficerNames(items: readonly ListedDossier[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const probe = new Map<string, string>();
    for (const d of items) {
      if (d.assigneeId && d.step !== 'assigned' && !probe.has(d.assigneeId)) probe.set(d.assigneeId, d.id);
    }
    const controller = new AbortController();
    void (async () => {
      const found = new Map<string, string>();
      for (const [officer, dossierId] of probe) {
        const timeline = await dossierApi.timeline(dossierId, controller.signal).catch(() => null);
        if (controller.signal.aborted) return;
        const name = timeline?.events.find((e) => e.actorId === officer && e.actorName)?.actorName;
        if (name) found.set(officer, name);
      }
      setNames(found);
    })();
    return () => controller.abort();
  }, [items]);
  return names;
}

/** The director's view: open work per officer, what is at risk, and moving it to someone else. */
function Workload({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = useLoad('all', (signal) => dossierApi.list('all', signal));
  const [message, setMessage] = useState<{ kind: 'moved' | 'conflict'; code: string } | { kind: 'failed'; code: string; error: unknown } | null>(null);
  const data = list.status === 'ready' ? list.data : null;
  const { officers, atRisk, unassigned } = useMemo(() => workloadOf(data?.items ?? []), [data]);
  const names = useOfficerNames(data?.items ?? NONE);
  const nameOf = (id: string | null) => officerName(officers.find((o) => o.id === id) ?? { id, ordinal: 0 }, me, names, t);

  async function move(d: ListedDossier, assigneeId: string) {
    setMessage(null);
    const action = d.allowedActions.includes('assign') ? 'assign' : 'reassign';
    try {
      await dossierApi.act(d.id, { action, expectedVersion: d.version, ...(assigneeId ? { assigneeId } : {}) });
      setMessage({ kind: 'moved', code: d.code });
    } catch (error) {
      setMessage(isConflict(error) ? { kind: 'conflict', code: d.code } : { kind: 'failed', code: d.code, error });
    } finally {
      list.reload();
    }
  }

  const moveCell = (d: ListedDossier) =>
    d.allowedActions.includes('reassign') || d.allowedActions.includes('assign') ? (
      <MoveControl dossier={d} options={officers.filter((o) => o.id !== null && o.id !== d.assigneeId).map((o) => ({ id: o.id!, label: nameOf(o.id) }))} onMove={move} />
    ) : (
      '—'
    );

  return (
    <>
      <h1>{t('dossier.workload.heading')}</h1>
      <WorkNav role={me.user.role} />
      <div aria-live="polite">{message?.kind === 'moved' && <p className="success">{t('dossier.workload.moved', { code: message.code })}</p>}</div>
      {message?.kind === 'conflict' && (
        <p role="alert" className="alert">
          {t('dossier.approvals.conflict', { code: message.code })}
        </p>
      )}
      {message?.kind === 'failed' && (
        <p role="alert" className="alert">
          {message.code}: {dossierErrorMessage(message.error, t)}
        </p>
      )}
      {list.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {list.status === 'failed' && (
        <p role="alert" className="alert">
          {dossierErrorMessage(list.error, t)}
        </p>
      )}
      {(me.user.role === 'leader' || me.user.role === 'director') && <ExtraPaperReport />}
      {data && (
        <>
          <section aria-labelledby="per-officer">
            <h2 id="per-officer">{t('dossier.workload.perOfficer')}</h2>
            {officers.length === 0 ? (
              <p className="note">{t('dossier.inbox.empty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('dossier.workload.perOfficer')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dossier.workload.officerColumn')}</th>
                    <th scope="col">{t('dossier.workload.open')}</th>
                    <th scope="col">{t('dossier.badge.late')}</th>
                    <th scope="col">{t('dossier.badge.due_today')}</th>
                    <th scope="col">{t('dossier.badge.at_risk')}</th>
                  </tr>
                </thead>
                <tbody>
                  {officers.map((o) => (
                    <tr key={o.id ?? 'none'}>
                      <th scope="row">{nameOf(o.id)}</th>
                      <td>{o.open}</td>
                      <td>{o.late}</td>
                      <td>{o.dueToday}</td>
                      <td>{o.atRisk}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="at-risk">
            <h2 id="at-risk">{t('dossier.workload.atRisk')}</h2>
            {atRisk.length === 0 ? (
              <p className="note">{t('dossier.workload.noneAtRisk')}</p>
            ) : (
              <DossierTable caption={t('dossier.workload.atRisk')} items={atRisk} assignee={(d) => nameOf(d.assigneeId)} extra={{ heading: t('dossier.workload.move'), cell: moveCell }} />
            )}
          </section>
          {unassigned.length > 0 && (
            <section aria-labelledby="unassigned">
              <h2 id="unassigned">{t('dossier.workload.unassigned')}</h2>
              <DossierTable caption={t('dossier.workload.unassigned')} items={unassigned} extra={{ heading: t('dossier.workload.move'), cell: moveCell }} />
            </section>
          )}
        </>
      )}
    </>
  );
}

function MoveControl({ dossier, options, onMove }: { dossier: ListedDossier; options: { id: string; label: string }[]; onMove: (d: ListedDossier, assigneeId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div className="move-control">
      <label htmlFor={id} className="visually-hidden">
        {t('dossier.workload.moveTo', { code: dossier.code })}
      </label>
      <select id={id} value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="">{t('dossier.action.autoAssign')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onMove(dossier, to).finally(() => setBusy(false));
        }}
      >
        {t('dossier.workload.moveButton')}
      </button>
    </div>
  );
}
