import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachPack } from '@motcua/contracts';
import { localParts } from '../dossier/format.ts';
import { store, type LocalDossier } from './outreach-store.ts';
import { localIso } from './outreach-time.ts';

/**
 * A dossier finished on the spot: the officer taps when the leader has signed and when the result
 * is in the applicant's hands, so the server records those moments rather than the receipt time.
 * Once the server has the dossier the times are only shown.
 */
export function OnSpotSteps({ d, pack, onChange }: { d: LocalDossier; pack: OutreachPack; onChange: () => void }) {
  const { t } = useTranslation('outreach');
  const [note, setNote] = useState('');
  if (!d.onSpot) return null;
  const leader = pack.session.team.find((m) => m.id === d.onSpot!.leaderId)?.fullName ?? '';
  const { approvedAt, handedOverAt } = d.onSpot;
  const editable = d.sync.state !== 'synced' && d.sync.state !== 'uploading';
  const time = (iso: string) => localParts(iso)?.time ?? iso;

  function noteNow(step: 'approvedAt' | 'handedOverAt') {
    const at = localIso(new Date());
    // The server accepts only moments of the session day; say so here rather than at sync.
    if (at.slice(0, 10) !== pack.session.date) return setNote(t('onSpot.otherDay', { date: pack.session.date }));
    void store.noteOnSpot(d.key, step, at).then(onChange);
  }

  return (
    <div className="outreach-on-spot">
      <p>{t('receipt.onSpot')}</p>
      {approvedAt ? (
        <p>{t('onSpot.approved', { name: leader, time: time(approvedAt) })}</p>
      ) : (
        editable && (
          <button type="button" onClick={() => noteNow('approvedAt')}>
            {t('onSpot.approve', { name: leader })}
          </button>
        )
      )}
      {handedOverAt ? (
        <p>{t('onSpot.handedOver', { time: time(handedOverAt) })}</p>
      ) : (
        editable &&
        approvedAt && (
          <button type="button" onClick={() => noteNow('handedOverAt')}>
            {t('onSpot.handOver')}
          </button>
        )
      )}
      {note && <p role="alert">{note}</p>}
    </div>
  );
}
