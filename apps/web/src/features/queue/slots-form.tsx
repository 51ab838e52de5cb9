import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentSlot, ServiceGroup } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { localTime, localToday, queueApi } from './queue-api.ts';

/** "08:00" … "11:00" every 30 minutes → the local times of the slots, end excluded. */
export function slotTimes(from: string, to: string, everyMinutes: number): string[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const out: string[] = [];
  if (!(everyMinutes > 0)) return out;
  for (let m = minutes(from); m < minutes(to) && out.length < 100; m += everyMinutes) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

/** The director opens bookable times for one day and service group, each with a capacity. */
export function SlotsForm({ centerId }: { centerId: string }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  const [groups, setGroups] = useState<ServiceGroup[]>([]);
  const [day, setDay] = useState(localToday);
  const [groupId, setGroupId] = useState('');
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('11:00');
  const [every, setEvery] = useState(30);
  const [capacity, setCapacity] = useState(2);
  const [slots, setSlots] = useState<AppointmentSlot[]>([]);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    queueApi.groups(centerId).then((list) => {
      setGroups(list);
      setGroupId((current) => current || list[0]?.id || '');
    }, setFailure);
  }, [centerId]);

  const loadSlots = () => queueApi.slots(centerId, day).then(setSlots, setFailure);
  useEffect(() => {
    void loadSlots();
  }, [centerId, day]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const times = slotTimes(from, to, every);
    setMessage('');
    setFailure(null);
    if (times.length === 0) {
      setMessage(t('slots.none'));
      return;
    }
    setBusy(true);
    try {
      await queueApi.openSlots(centerId, { serviceGroupId: groupId, capacity, startsAt: times.map((hm) => `${day}T${hm}:00+07:00`) });
      setMessage(t('slots.opened', { count: times.length }));
      await loadSlots();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const groupName = (id: string) => groups.find((g) => g.id === id)?.code ?? '';
  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">{t('slots.heading')}</h2>
      <p>{t('slots.lead')}</p>
      <form className="queue-slots-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="slots-day">{t('slots.day')}</label>
          <input id="slots-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="slots-group">{t('slots.group')}</label>
          <select id="slots-group" value={groupId} onChange={(e) => setGroupId(e.target.value)} required>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code} – {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="slots-from">{t('slots.from')}</label>
          <input id="slots-from" type="time" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="slots-to">{t('slots.to')}</label>
          <input id="slots-to" type="time" value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="slots-every">{t('slots.every')}</label>
          <input id="slots-every" type="number" min={5} max={240} value={every} onChange={(e) => setEvery(Number(e.target.value))} required />
        </div>
        <div className="field">
          <label htmlFor="slots-capacity">{t('slots.capacity')}</label>
          <input id="slots-capacity" type="number" min={1} max={100} value={capacity} onChange={(e) => setCapacity(Number(e.target.value))} required />
        </div>
        <button type="submit" className="button" disabled={busy || !groupId}>
          {t('slots.submit')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, tc)}
        </p>
      )}
      {slots.length > 0 && (
        <>
          <h3>{t('slots.existing')}</h3>
          <ul>
            {slots.map((s) => (
              <li key={`${s.serviceGroupId}-${s.startsAt}`}>
                {groupName(s.serviceGroupId)} {localTime(s.startsAt)} — {t('slots.bookedOf', { booked: s.booked, capacity: s.capacity })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
