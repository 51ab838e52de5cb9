import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierAction, DossierView, Me, Timeline } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { CashPanel } from '../payments/cash-panel.tsx';
import { ActionBar } from './action-bar.tsx';
import { CivilStatusLookup } from './civil-status-lookup.tsx';
import type { Person } from './action-form.tsx';
import { DigitisedFiles } from './digitised-files.tsx';
import { dossierApi } from './dossier-api.ts';
import { stateLabel } from './dossier-bits.tsx';
import { dossierErrorMessage } from './dossier-errors.ts';
import { DossierSummary, DeadlineBox } from './dossier-summary.tsx';
import { FormLinks } from './form-links.tsx';
import { ResultsList } from './results-list.tsx';
import { WorkNav } from './staff-links.tsx';
import { TimelineList } from './timeline-list.tsx';
import { useLoad } from './use-load.ts';
import './dossier.css';

export function DossierPage() {
  const { id = '' } = useParams();
  return (
    <SignedIn>{(me) => <DossierScreen key={id} me={me} id={id} />}</SignedIn>
  );
}

type Notice = { kind: 'done'; action: DossierAction } | { kind: 'conflict' } | null;

/**
 * Whom a dossier can be handed to, by name: the specialists and leaders its timeline shows at work,
 * and the signed-in leader. The API has no staff list yet, so nobody else can be named here.
 */
function peopleOf(timeline: Timeline | null, me: Me): Person[] {
  const byId = new Map<string, string>();
  if (me.user.role === 'leader') byId.set(me.user.id, me.user.fullName);
  for (const e of timeline?.events ?? []) {
    if (e.actorId && e.actorName && (e.actorRole === 'specialist' || e.actorRole === 'leader')) byId.set(e.actorId, e.actorName);
  }
  return [...byId].map(([id, label]) => ({ id, label }));
}

function DossierScreen({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(id, (signal) => dossierApi.get(id, signal));
  const timeline = useLoad(id, (signal) => dossierApi.timeline(id, signal));
  const [view, setView] = useState<DossierView | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // After a 409 the dossier on screen is known to be outdated: no buttons until the fresh one arrives.
  const [outdated, setOutdated] = useState<DossierView | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const loadedData = loaded.status === 'ready' ? loaded.data : null;
  const timelineData = timeline.status === 'ready' ? timeline.data : null;

  useEffect(() => {
    if (loadedData) setView(loadedData);
  }, [loadedData]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const dossier = view ?? loadedData;
  useDocumentTitle(dossier ? t('dossier.page.title', { code: dossier.code }) : t('dossier.page.titleLoading'));
  const people = useMemo(() => peopleOf(timelineData, me), [timelineData, me]);

  if (!dossier) {
    return (
      <>
        <h1>{t('dossier.page.titleLoading')}</h1>
        <WorkNav role={me.user.role} />
        {loaded.status === 'failed' ? (
          <p role="alert" className="alert">
            {dossierErrorMessage(loaded.error, t)}
          </p>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </>
    );
  }

  function acted(next: DossierView, action: DossierAction) {
    setView(next);
    setNotice({ kind: 'done', action });
    timeline.reload();
  }

  function conflicted() {
    setOutdated(loadedData);
    setView(null);
    setNotice({ kind: 'conflict' });
    loaded.reload();
    timeline.reload();
  }

  return (
    <>
      <h1>{t('dossier.page.heading', { code: dossier.code })}</h1>
      <WorkNav role={me.user.role} />
      <p className="state-line">
        <span className="state">{stateLabel(dossier, t)}</span>
      </p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice?.kind === 'done' && (
          <p role="status" className="success">
            {t('dossier.page.done', { action: t(`dossier.do.${notice.action}`) })}
          </p>
        )}
        {notice?.kind === 'conflict' && (
          <p role="alert" className="alert">
            {t('dossier.page.conflict')}
          </p>
        )}
      </div>

      <DeadlineBox dossier={dossier} />

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('dossier.page.next')}</h2>
        {view === null && loadedData === outdated ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <ActionBar key={dossier.version} dossier={dossier} people={people} onActed={acted} onConflict={conflicted} />
        )}
      </section>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('dossier.page.summary')}</h2>
        <DossierSummary dossier={dossier} me={me} timeline={timelineData} />
      </section>

      <DigitisedFiles dossier={dossier} onUploaded={timeline.reload} />

      <ResultsList dossier={dossier} />

      <CivilStatusLookup dossier={dossier} role={me.user.role} provinceCode={me.province.code} />

      <CashPanel
        dossier={dossier}
        role={me.user.role}
        onPaid={() => {
          loaded.reload();
          timeline.reload();
        }}
      />

      <section aria-labelledby="forms-heading">
        <h2 id="forms-heading">{t('dossier.page.forms')}</h2>
        <FormLinks dossier={dossier} timeline={timelineData} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('dossier.page.timeline')}</h2>
        {timeline.status === 'failed' && !timelineData ? (
          <p role="alert" className="alert">
            {dossierErrorMessage(timeline.error, t)}
          </p>
        ) : timelineData ? (
          <TimelineList timeline={timelineData} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </section>
    </>
  );
}
