import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '@motcua/contracts';
import { formPdfUrl, type FormNo } from '../results/results-api.ts';
import { DueText } from './dossier-bits.tsx';
import type { Decision } from './intake-draft.ts';

const FORM_OF: Record<Decision, FormNo> = { accept: '01', supplement: '02', refuse: '03' };

type Props = { dossier: DossierView; decision: Decision; ticket: string | 'failed' | null; onNext: () => void };

/** What the officer hands over: the code, the appointment, and the slip to print. */
export function IntakeDone({ dossier, decision, ticket, onNext }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = FORM_OF[decision];

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="done" aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={heading}>
        {t(`dossier.done.heading.${decision}`)}
      </h2>
      <dl className="facts">
        <dt>{t('dossier.summary.code')}</dt>
        <dd className="dossier-code">{dossier.code}</dd>
        <dt>{t('dossier.summary.procedure')}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t('dossier.summary.applicant')}</dt>
        <dd>{dossier.applicant.fullName}</dd>
        {dossier.dueAt && (
          <>
            <dt>{t('dossier.summary.due')}</dt>
            <dd className="due-big">
              <DueText iso={dossier.dueAt} />
            </dd>
          </>
        )}
      </dl>
      {ticket === 'failed' && <p className="note">{t('dossier.done.ticketNotLinked')}</p>}
      {ticket && ticket !== 'failed' && <p>{t('dossier.done.ticketLinked', { number: ticket })}</p>}
      <h3>{t('dossier.done.print')}</h3>
      <p className="button-row">
        <a className="button" href={formPdfUrl(dossier.id, form)} target="_blank" rel="noopener">
          {t('dossier.done.printA4', { form: t(`dossier.forms.${form}`) })}
        </a>
        {form === '01' && (
          <a className="button button-secondary" href={formPdfUrl(dossier.id, form, 'thermal')} target="_blank" rel="noopener">
            {t('dossier.done.printThermal')}
          </a>
        )}
      </p>
      <p className="button-row">
        <button type="button" className="button button-secondary" onClick={onNext}>
          {t('dossier.done.next')}
        </button>
        <Link className="button button-secondary" to={`/staff/dossiers/${dossier.id}`}>
          {t('dossier.done.open')}
        </Link>
      </p>
    </section>
  );
}
