import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachConflict, OutreachVersionChange, ProcedureVersion } from '@motcua/contracts';
import { request } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { feesText, timeLimitText } from '../catalog/format.ts';
import { ChecklistFields } from '../dossier/checklist-fields.tsx';
import { documentsFor, missingMandatory } from '../dossier/intake-draft.ts';
import { store, type LocalDossier } from './outreach-store.ts';
import { syncOne } from './outreach-sync.ts';

/** A version changed while offline: the officer sees what changed, field by field, and re-checks the documents. */
export function ConflictReview({ d, onResolved }: { d: LocalDossier; onResolved: () => void }) {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const [version, setVersion] = useState<ProcedureVersion | null>(null);
  const [provided, setProvided] = useState<Set<string>>(new Set(d.checklist.filter((c) => c.provided).map((c) => c.itemId)));
  const [failure, setFailure] = useState<unknown>(null);
  if (d.sync.state !== 'conflict') return null;
  const c = d.sync.conflict;
  const documents = version ? documentsFor(version.documents, 'counter') : [];

  async function confirm() {
    if (!version) return;
    await store.resolveConflict(d.key, version.id, documents.map((doc) => ({ itemId: doc.id, provided: provided.has(doc.id) })));
    const fresh = (await store.dossiers(d.sessionId)).find((x) => x.key === d.key);
    if (fresh) await syncOne(fresh);
    onResolved();
  }

  return (
    <div role="alert" className="alert outreach-conflict">
      <p>{t('conflict.message', { cached: c.cachedVersion ?? '?', current: c.currentVersion ?? '?' })}</p>
      <Differences conflict={c} />
      {c.currentVersionId && !version && (
        <button type="button" onClick={() => request<ProcedureVersion>(`/api/v1/procedures/${d.procedureCode}/versions/${c.currentVersionId}`).then(setVersion, setFailure)}>
          {t('conflict.review')}
        </button>
      )}
      {version && (
        <>
          <ChecklistFields documents={documents} provided={provided} onToggle={(id, on) => setProvided((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))))} errors={[]} />
          <button type="button" className="primary" onClick={() => void confirm()} disabled={missingMandatory(documents, provided).length > 0}>
            {t('conflict.resync', { version: version.version })}
          </button>
        </>
      )}
      {failure !== null && <p>{errorMessage(failure, tc)}</p>}
    </div>
  );
}

function Differences({ conflict: c }: { conflict: OutreachConflict }) {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  // Conflicts kept on a device by an older app have no field-by-field list; the next sync brings one.
  const differences = c.differences ?? [];
  if (differences.length === 0) return null;

  const field = (x: OutreachVersionChange) => (x.field === 'document' ? t(`conflict.document.${x.kind}`) : t(`conflict.${x.field}`));
  const value = (x: OutreachVersionChange, side: 'before' | 'after') => {
    if (x.field === 'timeLimit') return timeLimitText(x[side], tc);
    if (x.field === 'fees') return feesText(x[side], tc);
    const doc = x[side];
    return doc ? `${doc.name} (${tc(`dossier.checklist.${doc.requirement}`)})` : '—';
  };
  return (
    <table className="table outreach-differences">
      <caption>{t('conflict.caption', { cached: c.cachedVersion ?? '?', current: c.currentVersion ?? '?' })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('conflict.field')}</th>
          <th scope="col">{t('conflict.before', { version: c.cachedVersion ?? '?' })}</th>
          <th scope="col">{t('conflict.after', { version: c.currentVersion ?? '?' })}</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((x, i) => (
          <tr key={i}>
            <th scope="row">{field(x)}</th>
            <td>{value(x, 'before')}</td>
            <td>{value(x, 'after')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
