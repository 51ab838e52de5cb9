import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AskResponse, AssistantCitation } from '@motcua/contracts';
import { assistantApi } from './assistant-api.ts';
import { DossierForm } from './dossier-form.tsx';
import { PrecheckPanel } from './precheck-panel.tsx';

type Props = {
  answer: AskResponse;
  surface: 'portal' | 'kiosk';
  onPick(code: string): void;
  onDossier(code: string, phoneLast4: string): Promise<void>;
};

/** One answer: the summary, each fact with links to the passages it cites, the sources, and a thumbs up / down. */
export function AnswerView({ answer, surface, onPick, onDossier }: Props) {
  const { t } = useTranslation('assistant');
  const number = new Map(answer.citations.map((c, i) => [c.id, i + 1]));
  const byId = new Map(answer.citations.map((c) => [c.id, c]));
  const firstCode = answer.kind === 'answer' ? answer.citations[0]?.code : undefined;
  return (
    <div className="assistant-answer">
      <p className="assistant-summary">{answer.text}</p>
      {answer.source === 'model' && <p className="hint">{t('modelNote')}</p>}
      {answer.facts.map((fact, i) => (
        <section key={i} className="assistant-fact" aria-label={fact.heading}>
          <h3>{fact.heading}</h3>
          <ul>
            {fact.lines.map((line, j) => (
              <li key={j}>{line}</li>
            ))}
          </ul>
          <p className="assistant-cites">
            {fact.citations.map((id) => (
              <CitationLink key={id} citation={byId.get(id)!} n={number.get(id)!} />
            ))}
          </p>
        </section>
      ))}
      {answer.candidates.length > 0 && (
        <ul className="assistant-candidates" aria-label={t('pick')}>
          {answer.candidates.map((c) => (
            <li key={c.code}>
              <button type="button" className="button button-secondary" onClick={() => onPick(c.code)}>
                {c.name} ({c.code})
              </button>
            </li>
          ))}
        </ul>
      )}
      {answer.kind === 'dossier_auth' && <DossierForm onSubmit={onDossier} />}
      {answer.citations.length > 0 && (
        <details className="assistant-sources">
          <summary>{t('sources')}</summary>
          <ol>
            {answer.citations.map((c) => (
              <li key={c.id}>
                <Link to={c.url}>{t('sourceLink', { name: c.procedureName, code: c.code, version: c.version, section: t(`sections.${c.section}` as 'sections.procedure') })}</Link>
              </li>
            ))}
          </ol>
        </details>
      )}
      {surface === 'portal' && firstCode && <PrecheckPanel code={firstCode} />}
      <Feedback id={answer.id} />
    </div>
  );
}

function CitationLink({ citation, n }: { citation: AssistantCitation; n: number }) {
  const { t } = useTranslation('assistant');
  const label = t('sourceLink', { name: citation.procedureName, code: citation.code, version: citation.version, section: t(`sections.${citation.section}` as 'sections.procedure') });
  return (
    <Link to={citation.url} className="assistant-cite" aria-label={label} title={label}>
      [{n}] {citation.code}
    </Link>
  );
}

function Feedback({ id }: { id: string }) {
  const { t } = useTranslation('assistant');
  const [sent, setSent] = useState(false);
  const rate = (helpful: boolean) => {
    setSent(true);
    void assistantApi.rate(id, helpful).catch(() => {});
  };
  if (sent) return <p className="hint">{t('thanks')}</p>;
  return (
    <div className="assistant-feedback" role="group" aria-label={t('helpfulQuestion')}>
      <span>{t('helpfulQuestion')}</span>
      <button type="button" className="button button-secondary" onClick={() => rate(true)}>
        {t('helpful')}
      </button>
      <button type="button" className="button button-secondary" onClick={() => rate(false)}>
        {t('notHelpful')}
      </button>
    </div>
  );
}
