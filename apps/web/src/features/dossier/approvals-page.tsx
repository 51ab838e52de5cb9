import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { resultsApi } from '../results/results-api.ts';
import { dossierApi, type ListedDossier } from './dossier-api.ts';
import { dossierErrorMessage, isConflict } from './dossier-errors.ts';
import { ApologyDrafts } from './apology-drafts.tsx';
import { DossierTable } from './dossier-table.tsx';
import { WorkNav } from './staff-links.tsx';
import { useLoad } from './use-load.ts';
import './dossier.css';

export function ApprovalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossier.approvals.title'));
  return <SignedIn>{(me) => <Approvals me={me} />}</SignedIn>;
}

type Outcome = { kind: 'signed'; code: string; result: string } | { kind: 'conflict'; code: string } | { kind: 'failed'; code: string; error: unknown };

/** The leader's queue: everything awaiting approval, each signed with one click. */
function Approvals({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = useLoad('all', (signal) => dossierApi.list('all', signal));
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const data = list.status === 'ready' ? list.data : null;
  const waiting = useMemo(() => (data?.items ?? []).filter((d) => d.status === 'processing' && d.step === 'awaiting_approval'), [data]);

  async function sign(d: ListedDossier) {
    setBusy(d.id);
    setOutcome(null);
    try {
      const signed = await resultsApi.sign(d);
      setOutcome({ kind: 'signed', code: d.code, result: signed.result.code });
    } catch (error) {
      setOutcome(isConflict(error) ? { kind: 'conflict', code: d.code } : { kind: 'failed', code: d.code, error });
    } finally {
      setBusy(null);
      list.reload();
    }
  }

  return (
    <>
      <h1>{t('dossier.approvals.heading')}</h1>
      <WorkNav role={me.user.role} />
      <p>{t('dossier.approvals.lead')}</p>
      <div aria-live="polite">
        {outcome?.kind === 'signed' && <p className="success">{t('dossier.approvals.signed', { code: outcome.code, result: outcome.result })}</p>}
      </div>
      {outcome?.kind === 'conflict' && (
        <p role="alert" className="alert">
          {t('dossier.approvals.conflict', { code: outcome.code })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="alert">
          {outcome.code}: {dossierErrorMessage(outcome.error, t)}
        </p>
      )}
      {/* The drafts endpoint is for the center's leaders; others would only see a refusal. */}
      {(me.user.role === 'leader' || me.user.role === 'director') && <ApologyDrafts />}
      {list.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {list.status === 'failed' && (
        <p role="alert" className="alert">
          {dossierErrorMessage(list.error, t)}
        </p>
      )}
      {data &&
        (waiting.length === 0 ? (
          <p className="note">{t('dossier.approvals.empty')}</p>
        ) : (
          <DossierTable
            caption={t('dossier.approvals.heading')}
            items={waiting}
            extra={{
              heading: t('dossier.approvals.sign'),
              cell: (d) =>
                d.allowedActions.includes('approve') ? (
                  <button type="button" className="button" disabled={busy !== null} onClick={() => void sign(d)} aria-label={t('dossier.approvals.signOne', { code: d.code })}>
                    {busy === d.id ? t('dossier.approvals.signing') : t('dossier.approvals.sign')}
                  </button>
                ) : (
                  t('dossier.approvals.notYours')
                ),
            }}
          />
        ))}
    </>
  );
}
