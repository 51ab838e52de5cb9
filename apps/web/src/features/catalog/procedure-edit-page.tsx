import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ChannelTerms, DocumentItem, ProcedureContent, ProcedureDetail, VersionDiff, VersionListItem } from '@motcua/contracts';
import { ColumnHeads } from '../../lib/column-heads.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { CatalogAdminFrame } from './catalog-admin-frame.tsx';
import { catalogApi } from './catalog-api.ts';
import { timeLimitText } from './format.ts';
import './catalog.css';

/** Edits publish a new version; the versions below show what changed, field by field. */
export function ProcedureEditPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const back = (
    <p className="catalog-back">
      <Link to="/province/catalog">{t('catalog.admin.title')}</Link>
    </p>
  );
  return (
    <CatalogAdminFrame title={t('catalog.admin.editTitle', { code })} back={back}>
      {() => <Editor code={code} />}
    </CatalogAdminFrame>
  );
}

const contentOf = ({ id: _i, code: _c, version: _v, effectiveFrom: _e, publishedAt: _p, source: _s, changeNote: _n, retiredAt: _r, openFlags: _f, ...content }: ProcedureDetail): ProcedureContent =>
  content;

function Editor({ code }: { code: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [draft, setDraft] = useState<ProcedureContent | null>(null);
  const [note, setNote] = useState('');
  const [effective, setEffective] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    catalogApi.procedure(code, controller.signal).then(
      (p) => {
        setProcedure(p);
        setDraft(contentOf(p));
      },
      (e: unknown) => !controller.signal.aborted && setFailure(e),
    );
    return () => controller.abort();
  }, [code, reload]);

  if (!procedure || !draft) return failure ? <p role="alert" className="alert">{errorMessage(failure, t)}</p> : <p role="status">{t('app.loading')}</p>;
  const set = (patch: Partial<ProcedureContent>) => setDraft({ ...draft, ...patch });
  const setChannel = (i: number, patch: Partial<ChannelTerms>) => set({ channels: draft.channels.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setDoc = (i: number, patch: Partial<DocumentItem>) => set({ documents: draft.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const nextDocId = () => `d${String(Math.max(0, ...draft.documents.map((d) => Number(d.id.replace(/\D/g, '')) || 0)) + 1).padStart(2, '0')}`;

  async function publish(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setStatus(null);
    try {
      const v = await catalogApi.publish(code, {
        content: draft!,
        changeNote: note,
        baseVersionId: procedure!.id,
        ...(effective ? { effectiveFrom: new Date(`${effective}T00:00:00+07:00`).toISOString() } : {}),
      });
      setStatus(t('catalog.admin.published', { version: v.version }));
      setNote('');
      setReload((n) => n + 1);
    } catch (e) {
      setFailure(e);
    }
  }

  return (
    <>
      {procedure.openFlags.length > 0 && (
        <div className="alert">
          <p>{t('catalog.admin.flagsHere')}</p>
          <ul>
            {procedure.openFlags.map((f) => (
              <li key={f.id}>
                {f.field}: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={publish}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('catalog.admin.name')}</label>
          <input id={`${id}-name`} value={draft.name} onChange={(e) => set({ name: e.target.value })} size={80} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-agency`}>{t('catalog.page.agency')}</label>
          <input id={`${id}-agency`} value={draft.competentAgency} onChange={(e) => set({ competentAgency: e.target.value })} size={80} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-online`}>{t('catalog.admin.onlineLevel')}</label>
          <select id={`${id}-online`} value={draft.onlineLevel} onChange={(e) => set({ onlineLevel: e.target.value as ProcedureContent['onlineLevel'] })}>
            {(['full', 'partial', 'none'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`catalog.online.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={draft.boundaryFree} onChange={(e) => set({ boundaryFree: e.target.checked })} /> {t('catalog.admin.boundaryFree')}
          </label>
        </div>

        <h2>{t('catalog.page.howLongHeading')}</h2>
        <table className="table">
          <ColumnHeads labels={[t('catalog.page.channel'), t('catalog.admin.asPublished'), t('catalog.admin.days'), t('catalog.admin.sameDay'), t('catalog.admin.feeAmount')]} />
          <tbody>
            {draft.channels.map((c, i) => {
              const sameDay = c.timeLimit !== null && 'sameDay' in c.timeLimit;
              const days = c.timeLimit && 'workingDays' in c.timeLimit ? c.timeLimit.workingDays : '';
              const label = t(`catalog.channels.${c.channel}`);
              return (
                <tr key={c.channel}>
                  <th scope="row">{label}</th>
                  <td>
                    {c.timeLimitText || '—'} / {c.feeText || '—'}
                    <span className="catalog-cases">{timeLimitText(c.timeLimit, t)}</span>
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      step={0.5}
                      aria-label={`${t('catalog.admin.days')}: ${label}`}
                      value={days}
                      disabled={sameDay}
                      onChange={(e) => setChannel(i, { timeLimit: e.target.value === '' ? null : { workingDays: Number(e.target.value) } })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('catalog.admin.sameDay')}: ${label}`}
                      checked={sameDay}
                      onChange={(e) => setChannel(i, { timeLimit: e.target.checked ? { sameDay: true, cutoff: '15:00' } : { workingDays: 1 } })}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      step={1000}
                      aria-label={`${t('catalog.admin.feeAmount')}: ${label}`}
                      value={c.fees?.[0]?.amount ?? (c.fees ? 0 : '')}
                      onChange={(e) =>
                        setChannel(i, { fees: e.target.value === '' ? null : Number(e.target.value) === 0 ? [] : [{ label: c.fees?.[0]?.label ?? 'Phí, lệ phí', amount: Number(e.target.value) }] })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h2>{t('catalog.page.whatToBring')}</h2>
        <table className="table">
          <ColumnHeads
            labels={[t('catalog.admin.documentName'), t('catalog.admin.originalsLabel'), t('catalog.admin.copiesLabel'), t('catalog.page.mandatory')]}
            actions={t('catalog.admin.actions')}
          />
          <tbody>
            {draft.documents.map((d, i) => (
              <tr key={d.id}>
                <td>
                  <textarea aria-label={`${t('catalog.admin.documentName')} ${d.id}`} value={d.name} rows={2} cols={50} onChange={(e) => setDoc(i, { name: e.target.value })} />
                </td>
                <td>
                  <input type="number" min={0} aria-label={`${t('catalog.admin.originalsLabel')} ${d.id}`} value={d.originals} onChange={(e) => setDoc(i, { originals: Number(e.target.value) })} />
                </td>
                <td>
                  <input type="number" min={0} aria-label={`${t('catalog.admin.copiesLabel')} ${d.id}`} value={d.copies} onChange={(e) => setDoc(i, { copies: Number(e.target.value) })} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('catalog.page.mandatory')} ${d.id}`}
                    checked={d.requirement === 'mandatory'}
                    onChange={(e) => setDoc(i, { requirement: e.target.checked ? 'mandatory' : 'conditional' })}
                  />
                </td>
                <td>
                  <button type="button" className="button button-secondary" onClick={() => set({ documents: draft.documents.filter((_, j) => j !== i) })}>
                    {t('catalog.admin.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            set({
              documents: [
                ...draft.documents,
                { id: nextDocId(), name: '', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: true, reuse: 'none', form: null },
              ],
            })
          }
        >
          {t('catalog.admin.addDocument')}
        </button>

        <div className="field">
          <label htmlFor={`${id}-note`}>{t('catalog.admin.changeNote')}</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} required size={60} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('catalog.admin.effectiveFrom')}</label>
          <input id={`${id}-from`} type="date" value={effective} onChange={(e) => setEffective(e.target.value)} />
        </div>
        {failure !== null && <p role="alert" className="alert">{errorMessage(failure, t)}</p>}
        {status && <p role="status">{status}</p>}
        <button className="button" type="submit">
          {t('catalog.admin.publish')}
        </button>
      </form>
      <Versions code={code} reload={reload} />
    </>
  );
}

function Versions({ code, reload }: { code: string; reload: number }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<VersionListItem[]>([]);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  useEffect(() => {
    catalogApi.versions(code).then(setVersions, () => setVersions([]));
  }, [code, reload]);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('catalog.admin.versionsHeading')}</h2>
      <ol reversed>
        {versions.map((v, i) => (
          <li key={v.id}>
            {t('catalog.page.version', { version: v.version, date: new Date(v.effectiveFrom).toLocaleDateString('vi-VN') })}
            {v.current && ` — ${t('catalog.admin.current')}`} — {v.changeNote}
            {versions[i + 1] && (
              <button type="button" className="button button-secondary" onClick={() => catalogApi.diff(code, versions[i + 1]!.id, v.id).then(setDiff)}>
                {t('catalog.admin.compare')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {diff && (
        <table className="table catalog-diff">
          <caption>{t('catalog.admin.diffHeading', { from: diff.from.version, to: diff.to.version })}</caption>
          <ColumnHeads labels={[t('catalog.admin.field'), t('catalog.admin.before'), t('catalog.admin.after')]} />
          <tbody>
            {diff.changes.map((c) => (
              <tr key={c.path}>
                <th scope="row">{c.path}</th>
                <td>
                  <del>{show(c.before)}</del>
                </td>
                <td>
                  <ins>{show(c.after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
