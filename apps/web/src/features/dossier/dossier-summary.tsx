import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierView, Me, Timeline } from '@motcua/contracts';
import { loadCommunes } from './commune-picker.tsx';
import { DueText } from './dossier-bits.tsx';
import { formatDate, formatDateTime, formatMoney } from './format.ts';

/** The commune's name when it is in the center's province (the usual case); otherwise its code. */
function useCommuneName(provinceCode: string | null, communeCode: string): string {
  const [name, setName] = useState(communeCode);
  useEffect(() => {
    if (!provinceCode) return;
    let live = true;
    loadCommunes(provinceCode).then(
      (list) => {
        const found = list.find((c) => c.code === communeCode);
        if (live && found) setName(found.fullName);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [provinceCode, communeCode]);
  return name;
}

/** Who holds the dossier: "you", a name seen on its timeline, or just "assigned". */
export function assigneeName(dossier: Pick<DossierView, 'assigneeId'>, me: Me, timeline: Timeline | null, t: TFunction<'translation', undefined>): string {
  if (!dossier.assigneeId) return t('dossier.summary.unassigned');
  if (dossier.assigneeId === me.user.id) return t('dossier.summary.you', { name: me.user.fullName });
  const seen = timeline?.events.find((e) => e.actorId === dossier.assigneeId && e.actorName);
  return seen?.actorName ?? t('dossier.summary.assignedUnknown');
}

export function DeadlineBox({ dossier }: { dossier: DossierView }) {
  const { t } = useTranslation();
  return (
    <div className={dossier.paused ? 'deadline deadline-paused' : 'deadline'}>
      {dossier.paused ? (
        <p>
          <strong>{t('dossier.summary.pausedHeading')}</strong> {t('dossier.summary.pausedText')}
        </p>
      ) : dossier.dueAt ? (
        <p>
          {t('dossier.summary.due')}: <strong className="due-big">
            <DueText iso={dossier.dueAt} />
          </strong>
        </p>
      ) : (
        <p>{t('dossier.noDue')}</p>
      )}
      {dossier.originalDueAt && dossier.dueAt && dossier.originalDueAt !== dossier.dueAt && (
        <p>
          {t('dossier.summary.originalDue')}: <DueText iso={dossier.originalDueAt} />
        </p>
      )}
      {dossier.outcome && <p>{t(`dossier.result.${dossier.outcome}`)}</p>}
    </div>
  );
}

export function DossierSummary({ dossier, me, timeline }: { dossier: DossierView; me: Me; timeline: Timeline | null }) {
  const { t } = useTranslation();
  const a = dossier.applicant;
  const commune = useCommuneName(me.center?.provinceCode ?? me.province.code, a.address.communeCode);
  return (
    <dl className="facts">
      <dt>{t('dossier.summary.procedure')}</dt>
      <dd>
        {dossier.procedureName} ({dossier.procedureCode})
      </dd>
      <dt>{t('dossier.summary.receivedAt')}</dt>
      <dd>
        {formatDateTime(dossier.receivedAt)} · {t(`dossier.channel.${dossier.channel}`)}
      </dd>
      <dt>{t('dossier.summary.assignee')}</dt>
      <dd>{assigneeName(dossier, me, timeline, t)}</dd>
      <dt>{t('dossier.summary.applicant')}</dt>
      <dd>{a.fullName}</dd>
      <dt>{t('dossier.summary.idNumber')}</dt>
      <dd>{a.idNumber}</dd>
      <dt>{t('dossier.summary.birth')}</dt>
      <dd>
        {formatDate(a.dateOfBirth)} · {t(`dossier.applicant.${a.sex}`)}
      </dd>
      <dt>{t('dossier.summary.address')}</dt>
      <dd>
        {a.address.line}, {commune}
      </dd>
      {a.phone && (
        <>
          <dt>{t('dossier.summary.phone')}</dt>
          <dd>{a.phone}</dd>
        </>
      )}
      {a.representative && (
        <>
          <dt>{t('dossier.summary.representative')}</dt>
          <dd>
            {a.representative.fullName} ({a.representative.relation}) · {a.representative.idNumber}
          </dd>
        </>
      )}
      <dt>{t('dossier.summary.fees')}</dt>
      <dd>
        {dossier.feeTotal === 0
          ? t('dossier.fees.free')
          : t(dossier.feePaid ? 'dossier.summary.feePaid' : 'dossier.summary.feeDue', { amount: formatMoney(dossier.feeTotal) })}
      </dd>
      {dossier.bundleRole === 'parent' && (
        <>
          <dt>{t('dossier.summary.bundle')}</dt>
          <dd>{t('dossier.summary.bundleParent')}</dd>
        </>
      )}
      {dossier.parentId && (
        <>
          <dt>{t('dossier.summary.bundle')}</dt>
          <dd>
            <Link to={`/staff/dossiers/${dossier.parentId}`}>{t('dossier.summary.bundleChild')}</Link>
            {dossier.externalAgency && ` · ${t('dossier.summary.externalAgency', { agency: t(`dossier.agency.${dossier.externalAgency as 'police'}`, { defaultValue: dossier.externalAgency }) })}`}
          </dd>
        </>
      )}
      {dossier.noAppointment && (
        <>
          <dt>{t('dossier.summary.noAppointment')}</dt>
          <dd>{t('dossier.summary.noAppointmentText')}</dd>
        </>
      )}
      {dossier.supplementCount > 0 && (
        <>
          <dt>{t('dossier.summary.supplements')}</dt>
          <dd>{dossier.supplementCount}</dd>
        </>
      )}
    </dl>
  );
}
