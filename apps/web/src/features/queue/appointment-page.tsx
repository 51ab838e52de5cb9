import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AppointmentSlot, BookedAppointment, PublicCenter, ServiceGroup } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { localTime, localToday, queueApi, svgSrc } from './queue-api.ts';
import './queue.css';

const dateTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * `/citizen/appointments`: book a time at a center (public). Only times with a free place that have
 * not passed are offered; the booking code (and its QR code) is what the kiosk asks for.
 */
export function AppointmentPage() {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('appointments.title'));
  const [params] = useSearchParams();
  const [centers, setCenters] = useState<PublicCenter[] | null>(null);
  const [centerId, setCenterId] = useState(params.get('center') ?? '');
  const [groups, setGroups] = useState<ServiceGroup[]>([]);
  const [groupId, setGroupId] = useState('');
  const [day, setDay] = useState(localToday);
  const [slots, setSlots] = useState<AppointmentSlot[] | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [booked, setBooked] = useState<BookedAppointment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    queueApi.centers().then(setCenters, setFailure);
  }, []);

  useEffect(() => {
    setGroups([]);
    setGroupId('');
    if (centerId) queueApi.groups(centerId).then(setGroups, setFailure);
  }, [centerId]);

  useEffect(() => {
    setSlots(null);
    setStartsAt('');
    if (centerId && groupId && day) queueApi.slots(centerId, day).then(setSlots, setFailure);
  }, [centerId, groupId, day, reload]);

  const now = Date.now();
  const open = (slots ?? []).filter((s) => s.serviceGroupId === groupId && s.booked < s.capacity && new Date(s.startsAt).getTime() > now);

  async function book(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !startsAt) return;
    setBusy(true);
    setFailure(null);
    try {
      setBooked(await queueApi.book(centerId, { serviceGroupId: groupId, startsAt, fullName: fullName.trim(), phone: phone.trim() }));
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.code === 'queue.slot_full') setReload((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  function another() {
    setBooked(null);
    setStartsAt('');
    setReload((n) => n + 1);
  }

  if (booked) {
    return (
      <section aria-labelledby="appointment-booked">
        <h1 id="appointment-booked">{t('appointments.booked')}</h1>
        <p className="lead">{t('appointments.code')}</p>
        <p className="appointment-code" data-testid="appointment-code">
          {booked.code}
        </p>
        <img className="appointment-qr" src={svgSrc(booked.qrSvg)} alt={t('appointments.qrAlt')} />
        <dl className="facts">
          <dt>{t('appointments.when')}</dt>
          <dd>{dateTime.format(new Date(booked.startsAt))}</dd>
          <dt>{t('appointments.where')}</dt>
          <dd>{booked.centerName}</dd>
          <dt>{t('appointments.group')}</dt>
          <dd>{booked.serviceGroupName}</dd>
        </dl>
        <p>{t('appointments.keep')}</p>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={another}>
            {t('appointments.another')}
          </button>
        </div>
      </section>
    );
  }

  const slotFull = failure instanceof ApiError && failure.code === 'queue.slot_full';
  return (
    <>
      <h1>{t('appointments.heading')}</h1>
      <p className="lead">{t('appointments.lead')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {slotFull ? t('appointments.slotFull') : errorMessage(failure, tc)}
        </p>
      )}
      <form className="form" onSubmit={(e) => void book(e)}>
        <div className="field">
          <label htmlFor="appointment-center">{t('appointments.center')}</label>
          <select id="appointment-center" value={centerId} onChange={(e) => setCenterId(e.target.value)} required>
            <option value="">{t('appointments.chooseCenter')}</option>
            {centers?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="appointment-group">{t('appointments.group')}</label>
          <select id="appointment-group" value={groupId} onChange={(e) => setGroupId(e.target.value)} required disabled={groups.length === 0}>
            <option value="">{t('appointments.chooseGroup')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code} – {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="appointment-day">{t('appointments.day')}</label>
          <input id="appointment-day" type="date" min={localToday()} value={day} onChange={(e) => setDay(e.target.value)} required />
        </div>
        {groupId && slots && (
          <fieldset className="field">
            <legend>{t('appointments.slots')}</legend>
            {open.length === 0 ? (
              <p role="status">{t('appointments.noSlots')}</p>
            ) : (
              <div className="appointment-slots">
                {open.map((s) => (
                  <label key={s.startsAt}>
                    <input type="radio" name="slot" value={s.startsAt} checked={startsAt === s.startsAt} onChange={() => setStartsAt(s.startsAt)} required />
                    {t('appointments.slotLabel', { time: localTime(s.startsAt), free: s.capacity - s.booked })}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="appointment-name">{t('appointments.fullName')}</label>
          <input id="appointment-name" autoComplete="name" value={fullName} onChange={(e) => setFullName(e.target.value)} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="appointment-phone">{t('appointments.phone')}</label>
          <input id="appointment-phone" type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} required aria-describedby="appointment-phone-hint" />
          <p id="appointment-phone-hint" className="hint">
            {t('appointments.phoneHint')}
          </p>
        </div>
        <button type="submit" className="button" disabled={busy || !startsAt}>
          {t('appointments.book')}
        </button>
      </form>
    </>
  );
}
