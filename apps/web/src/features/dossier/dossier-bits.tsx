import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '@motcua/contracts';
import type { Badge } from './dossier-api.ts';
import { localParts } from './format.ts';

/** "17:00, Thứ Ba 24/11/2026": the weekday helps the citizen remember the appointment. */
export function DueText({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const p = localParts(iso);
  if (!p) return <>{iso}</>;
  const weekday = t(`weekdays.${p.weekday as '1' | '2' | '3' | '4' | '5' | '6' | '7'}`);
  return <time dateTime={iso}>{p.time ? t('dossier.dueFormat', { time: p.time, weekday, date: p.date }) : `${weekday} ${p.date}`}</time>;
}

/** Status as the portal names it, plus the internal step while processing. */
export function stateLabel(d: Pick<DossierView, 'status' | 'step'>, t: TFunction<'translation', undefined>): string {
  const status = t(`dossier.status.${d.status}`);
  return d.status === 'processing' && d.step ? `${status} · ${t(`dossier.step.${d.step}`)}` : status;
}

export function BadgeTag({ badge }: { badge: Badge | null }) {
  const { t } = useTranslation();
  if (!badge) return null;
  return <span className={`badge badge-${badge}`}>{t(`dossier.badge.${badge}`)}</span>;
}

/** Deadline cell of the lists: date, badge, or the paused state while the citizen supplements. */
export function DueCell({ dossier, badge }: { dossier: Pick<DossierView, 'dueAt' | 'paused'>; badge: Badge | null }) {
  const { t } = useTranslation();
  if (dossier.paused) return <span className="badge badge-paused">{t('dossier.paused')}</span>;
  if (!dossier.dueAt) return <>{t('dossier.noDue')}</>;
  return (
    <>
      <DueText iso={dossier.dueAt} /> <BadgeTag badge={badge} />
    </>
  );
}
