import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DocumentItem, ProcedureDetail } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { catalogApi } from './catalog-api.ts';
import { feesText, timeLimitText } from './format.ts';
import { FileOnlineLink } from '../portal/file-online-link.tsx';
import './catalog.css';

type State = { status: 'loading' } | { status: 'ready'; procedure: ProcedureDetail } | { status: 'failed'; error: unknown };

/** What a citizen needs to know before going to the center, printable on one or two pages. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [state, setState] = useState<State>({ status: 'loading' });
  useDocumentTitle(state.status === 'ready' ? state.procedure.name : t('catalog.searchTitle'));

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    catalogApi.procedure(code, controller.signal).then(
      (procedure) => setState({ status: 'ready', procedure }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [code]);

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'failed') {
    const missing = state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
    return (
      <>
        <h1>{t('catalog.searchTitle')}</h1>
        <p role="alert" className="alert">
          {missing ? t('catalog.page.notFound') : errorMessage(state.error, t)}
        </p>
        <BackLink />
      </>
    );
  }
  return <ProcedureView procedure={state.procedure} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="catalog-back">
      <Link to="/citizen/procedures">{t('catalog.page.back')}</Link>
    </p>
  );
}

function ProcedureView({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const online = p.channels.some((c) => c.channel === 'online');
  // Closed <details> stay closed on paper whatever the CSS says; open them for printing.
  useEffect(() => {
    const open = () => document.querySelectorAll('.procedure details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  return (
    <article className="procedure">
      <BackLink />
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>{t('catalog.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('catalog.sector')}</dt>
        <dd>{p.sector}</dd>
        <dt>{t('catalog.level')}</dt>
        <dd>{p.levels.map((l) => t(`catalog.levels.${l}`)).join(', ')}</dd>
        <dt>{t('catalog.onlineFilter')}</dt>
        <dd>{t(`catalog.online.${p.onlineLevel}`)}</dd>
      </dl>
      <div className="actions catalog-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('catalog.page.print')}
        </button>
      </div>

      <section aria-labelledby="bring-heading">
        <h2 id="bring-heading">{t('catalog.page.whatToBring')}</h2>
        {p.documents.length === 0 ? <p>{t('catalog.page.noDocuments')}</p> : <Checklist documents={p.documents} />}
        {p.documentNotes.length > 0 && (
          <details className="catalog-notes">
            <summary>{t('catalog.page.notes')}</summary>
            <ul>
              {p.documentNotes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="time-heading">
        <h2 id="time-heading">{t('catalog.page.howLongHeading')}</h2>
        <table className="table">
          <caption className="visually-hidden">{t('catalog.page.howLongHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.page.channel')}</th>
              <th scope="col">{t('catalog.page.timeLimit')}</th>
              <th scope="col">{t('catalog.page.fees')}</th>
            </tr>
          </thead>
          <tbody>
            {p.channels.map((c) => (
              <tr key={c.channel}>
                <th scope="row">{t(`catalog.channels.${c.channel}`)}</th>
                <td>
                  {timeLimitText(c.timeLimit, t)}
                  {c.cases.length > 0 && <span className="catalog-cases"> ({t('catalog.page.otherCases', { list: c.cases.map((k) => timeLimitText(k.timeLimit, t)).join('; ') })})</span>}
                </td>
                <td>{feesText(c.fees, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t('catalog.page.whereHeading')}</h2>
        <p>{p.boundaryFree ? t('catalog.page.boundaryFree') : t('catalog.page.boundaryBound')}</p>
        {p.competentAgency && (
          <p>
            <strong>{t('catalog.page.agency')}:</strong> {p.competentAgency}
          </p>
        )}
        <p>{online ? t('catalog.page.onlineYes') : t('catalog.page.onlineNo')}</p>
        {p.onlineLevel !== 'none' && <FileOnlineLink code={p.code} />}
      </section>

      {p.results.length > 0 && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('catalog.page.resultsHeading')}</h2>
          <ul>
            {p.results.map((r, i) => (
              <li key={i}>{r.name}</li>
            ))}
          </ul>
        </section>
      )}
      {p.conditions && (
        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading">{t('catalog.page.conditionsHeading')}</h2>
          <p className="catalog-pre">{p.conditions}</p>
        </section>
      )}
      {p.steps.length > 0 && (
        <details className="catalog-steps">
          <summary>{t('catalog.page.stepsHeading')}</summary>
          <ol>
            {p.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </details>
      )}
      {p.legalBasis.length > 0 && (
        <details>
          <summary>{t('catalog.page.legalHeading')}</summary>
          <ul>
            {p.legalBasis.map((l, i) => (
              <li key={i}>
                {l.title} {l.number && <span>({l.number})</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="catalog-version">{t('catalog.page.version', { version: p.version, date: new Date(p.effectiveFrom).toLocaleDateString('vi-VN') })}</p>
    </article>
  );
}

function Checklist({ documents }: { documents: DocumentItem[] }) {
  const { t } = useTranslation();
  const groups: { kind: DocumentItem['kind']; items: DocumentItem[] }[] = [
    { kind: 'submit', items: documents.filter((d) => d.kind === 'submit') },
    { kind: 'present', items: documents.filter((d) => d.kind === 'present') },
  ];
  return (
    <>
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <div key={g.kind}>
            <h3>{t(g.kind === 'submit' ? 'catalog.page.submitHeading' : 'catalog.page.presentHeading')}</h3>
            <ul className="catalog-checklist">
              {g.items.map((d) => (
                <li key={d.id}>
                  <span className="catalog-doc-name">{d.name}</span>
                  <span className="catalog-doc-meta">
                    {[
                      d.originals > 0 ? t('catalog.page.originals', { count: d.originals }) : null,
                      d.copies > 0 ? t('catalog.page.copies', { count: d.copies }) : null,
                      t(d.requirement === 'mandatory' ? 'catalog.page.mandatory' : 'catalog.page.conditional'),
                      d.group,
                      d.reuse === 'population_db' ? t('catalog.page.reusable') : null,
                      d.form ? t('catalog.page.form', { form: d.form }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}
