import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CatalogImportPreview, Center, Me, Offering, ProcedureSummary, ReviewFlag, ServiceGroup } from '@motcua/contracts';
import { request } from '../../lib/api.ts';
import { ColumnHeads } from '../../lib/column-heads.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { CatalogAdminFrame } from './catalog-admin-frame.tsx';
import { catalogApi } from './catalog-api.ts';
import './catalog.css';

/** The province administrator's catalog desk: browse and edit, review doubtful readings, offerings, imports. */
export function CatalogAdminPage() {
  const { t } = useTranslation();
  return <CatalogAdminFrame title={t('catalog.admin.title')}>{(me) => <Desk me={me} />}</CatalogAdminFrame>;
}

function Desk({ me }: { me: Me }) {
  return (
    <>
      <Browse />
      <Flags />
      <Offerings province={me.province.fullName} />
      <Import />
    </>
  );
}

function Browse() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [items, setItems] = useState<ProcedureSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  async function search(event: FormEvent) {
    event.preventDefault();
    const result = await catalogApi.search({ q: text, limit: 20 });
    setItems(result.items);
    setTotal(result.total);
  }
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('catalog.admin.browseHeading')}</h2>
      <form role="search" onSubmit={search} className="catalog-search-row">
        <label htmlFor={id} className="visually-hidden">
          {t('catalog.searchLabel')}
        </label>
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button className="button" type="submit">
          {t('catalog.searchButton')}
        </button>
      </form>
      {items && (
        <>
          <p role="status">{t('catalog.resultCount', { count: total })}</p>
          <ul>
            {items.map((p) => (
              <li key={p.code}>
                <Link to={`/province/catalog/${p.code}`}>
                  {p.code} — {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Flags() {
  const { t } = useTranslation();
  const [flags, setFlags] = useState<{ items: ReviewFlag[]; total: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    catalogApi.flags(offset, controller.signal).then(setFlags, (e: unknown) => !controller.signal.aborted && setFailure(e));
    return () => controller.abort();
  }, [offset]);
  async function confirm(flag: ReviewFlag) {
    try {
      await catalogApi.confirmFlag(flag.id);
      setFlags((f) => (f ? { items: f.items.filter((x) => x.id !== flag.id), total: f.total - 1 } : f));
    } catch (e) {
      setFailure(e);
    }
  }
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('catalog.admin.flagsHeading', { count: flags?.total ?? 0 })}</h2>
      <p>{t('catalog.admin.flagsLead')}</p>
      {failure !== null && <p role="alert" className="alert">{errorMessage(failure, t)}</p>}
      {flags && flags.items.length === 0 && <p>{t('catalog.admin.noFlags')}</p>}
      {flags && flags.items.length > 0 && (
        <table className="table">
          <ColumnHeads labels={[t('catalog.code'), t('catalog.admin.field'), t('catalog.admin.problem')]} actions={t('catalog.admin.actions')} />
          <tbody>
            {flags.items.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/province/catalog/${f.code}`} title={f.procedureName}>
                    {f.code}
                  </Link>
                </td>
                <td>{f.field}</td>
                <td>{f.message}</td>
                <td>
                  <button type="button" className="button button-secondary" onClick={() => confirm(f)} aria-label={`${t('catalog.admin.confirm')}: ${f.code} ${f.field}`}>
                    {t('catalog.admin.confirm')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flags && flags.total > offset + 50 && (
        <button type="button" className="button button-secondary" onClick={() => setOffset(offset + 50)}>
          {t('catalog.admin.next')}
        </button>
      )}
    </section>
  );
}

function Offerings({ province }: { province: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [centers, setCenters] = useState<Center[]>([]);
  const [centerId, setCenterId] = useState('');
  const [groups, setGroups] = useState<ServiceGroup[]>([]);
  const [offerings, setOfferings] = useState<Offering[]>([]);
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    request<Center[]>('/api/v1/centers').then((list) => {
      setCenters(list);
      setCenterId((c) => c || list[0]?.id || '');
    }, setFailure);
  }, []);
  useEffect(() => {
    if (!centerId) return;
    Promise.all([request<ServiceGroup[]>(`/api/v1/centers/${centerId}/service-groups`), catalogApi.offerings(centerId)]).then(([g, o]) => {
      setGroups(g);
      setOfferings(o);
    }, setFailure);
  }, [centerId]);
  async function assign(procedureCode: string, serviceGroupId: string | null) {
    setFailure(null);
    setStatus(null);
    try {
      setOfferings(await catalogApi.setOfferings(centerId, { items: [{ code: procedureCode, serviceGroupId }] }));
      setStatus(t('catalog.admin.saved'));
    } catch (e) {
      setFailure(e);
    }
  }
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('catalog.admin.offeringsHeading')}</h2>
      <p>{t('catalog.admin.offeringsLead', { province })}</p>
      <div className="field">
        <label htmlFor={`${id}-center`}>{t('catalog.admin.center')}</label>
        <select id={`${id}-center`} value={centerId} onChange={(e) => setCenterId(e.target.value)}>
          {centers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.agencyCode} — {c.name}
            </option>
          ))}
        </select>
      </div>
      <form
        className="catalog-search-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim() && groups[0]) void assign(code.trim(), groups[groups.length - 1]!.id);
        }}
      >
        <label htmlFor={`${id}-add`} className="visually-hidden">
          {t('catalog.admin.addCode')}
        </label>
        <input id={`${id}-add`} value={code} onChange={(e) => setCode(e.target.value)} placeholder="1.001193" />
        <button className="button button-secondary" type="submit">
          {t('catalog.admin.add')}
        </button>
      </form>
      {status && <p role="status">{status}</p>}
      {failure !== null && <p role="alert" className="alert">{errorMessage(failure, t)}</p>}
      <p>{t('catalog.admin.offeredCount', { count: offerings.length })}</p>
      <table className="table">
        <ColumnHeads labels={[t('catalog.code'), t('catalog.admin.procedure'), t('catalog.admin.group')]} />
        <tbody>
          {offerings.map((o) => (
            <tr key={o.code}>
              <td>{o.code}</td>
              <td>{o.name}</td>
              <td>
                <select aria-label={`${t('catalog.admin.group')}: ${o.code}`} value={o.serviceGroupId} onChange={(e) => void assign(o.code, e.target.value || null)}>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.code} {g.name}
                    </option>
                  ))}
                  <option value="">{t('catalog.admin.notOffered')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Import() {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'partial' | 'full'>('partial');
  const [preview, setPreview] = useState<CatalogImportPreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setPreview(null);
    try {
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      setPreview(await catalogApi.previewImport({ fileName: file.name, format, mode, content: await file.text() }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  async function apply() {
    if (!preview) return;
    setBusy(true);
    try {
      setPreview(await catalogApi.applyImport(preview.id));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  const problems = failure && typeof failure === 'object' && 'problem' in failure ? (failure as { problem?: { errors?: { path: string; message: string }[] } }).problem?.errors : undefined;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('catalog.admin.importHeading')}</h2>
      <form onSubmit={upload}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('catalog.admin.file')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <fieldset className="field">
          <legend>{t('catalog.admin.mode')}</legend>
          {(['partial', 'full'] as const).map((m) => (
            <label key={m} className="catalog-radio">
              <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(m === 'partial' ? 'catalog.admin.modePartial' : 'catalog.admin.modeFull')}
            </label>
          ))}
        </fieldset>
        <button className="button" type="submit" disabled={!file || busy}>
          {t('catalog.admin.preview')}
        </button>
      </form>
      {failure !== null && (
        <div role="alert" className="alert">
          <p>{problems ? t('catalog.admin.importErrors') : errorMessage(failure, t)}</p>
          {problems && (
            <ul>
              {problems.slice(0, 50).map((p, i) => (
                <li key={i}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <div className="catalog-preview" role="status">
          <p>
            {t('catalog.admin.added', { count: preview.added.length })} · {t('catalog.admin.changed', { count: preview.changed.length })} ·{' '}
            {t('catalog.admin.retired', { count: preview.retired.length })} · {t('catalog.admin.unchanged', { count: preview.unchanged })}
          </p>
          {(['added', 'changed', 'retired'] as const).map((kind) =>
            preview[kind].length > 0 ? (
              <details key={kind}>
                <summary>{t(`catalog.admin.${kind}`, { count: preview[kind].length })}</summary>
                <ul>
                  {preview[kind].slice(0, 200).map((c) => (
                    <li key={c.code}>
                      {c.code} — {c.name}
                      {c.fields.length > 0 && ` (${c.fields.join(', ')})`}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null,
          )}
          {preview.status === 'previewed' ? (
            <button type="button" className="button" onClick={apply} disabled={busy}>
              {t('catalog.admin.apply')}
            </button>
          ) : (
            <p>{preview.status === 'applied' ? t('catalog.admin.applied') : t('catalog.admin.stale')}</p>
          )}
        </div>
      )}
    </section>
  );
}
