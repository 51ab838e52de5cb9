import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Role, Timeline } from '@motcua/contracts';
import { DueText } from './dossier-bits.tsx';
import { formatDateTime, formatMoney } from './format.ts';

type Event = Timeline['events'][number];
type T = TFunction<'translation', undefined>;

const KNOWN_ACTIONS = new Set([
  'receive', 'accept', 'refuse', 'request_supplement', 'receive_supplement', 'assign', 'reassign', 'start_review', 'submit_for_approval',
  'send_back', 'approve', 'sign', 'request_payment', 'record_payment', 'finish', 'return_result', 'withdraw', 'stop', 'apologize', 'submit_online',
  'rating',
]);
const ROLES = new Set<string>(['counter_officer', 'specialist', 'leader', 'director', 'province_admin', 'citizen']);

/** "processing:in_review" → "Đang xử lý · Đang thẩm định". */
export function stateName(state: string, t: T): string {
  const [status, step] = state.split(':');
  const statusText = t(`dossier.status.${status as 'new'}`, { defaultValue: status });
  return step ? `${statusText} · ${t(`dossier.step.${step as 'assigned'}`, { defaultValue: step })}` : statusText;
}

function actionName(action: string, t: T): string {
  // Events written by other modules (e.g. a signature) may be newer than this screen; show them raw.
  return KNOWN_ACTIONS.has(action) ? t(`dossier.event.${action as 'receive'}`) : action;
}

function actor(e: Event, t: T): string {
  if (e.actorRole === 'system') return t('dossier.timeline.system');
  const role = ROLES.has(e.actorRole) ? t(`roles.${e.actorRole as Role}`) : e.actorRole;
  return e.actorName ? `${e.actorName} (${role})` : role;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

// Event instants other than `at` are stored in UTC; show them in Vietnam time like everything else.
function vnIso(utc: string): string {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return utc;
  return new Date(ms + 7 * 3600_000).toISOString().replace('Z', '+07:00');
}

/** The facts of an event worth a line of their own, as plain sentences. */
function details(e: Event, t: T): string[] {
  const d = e.data;
  const out: string[] = [];
  if (e.action === 'assign' && d.automatic === true) out.push(t('dossier.timeline.automatic'));
  // Assisted filing (citizen portal): the officer or volunteer who filed for the citizen.
  const helper = typeof d.helpedBy === 'object' && d.helpedBy !== null ? str((d.helpedBy as { name?: unknown }).name) : null;
  if (helper) out.push(t('dossier.timeline.helpedBy', { name: helper }));
  if (Array.isArray(d.requested)) out.push(t('dossier.timeline.requested', { n: d.requested.length }));
  if (typeof d.amountPaid === 'number') out.push(t('dossier.timeline.amount', { amount: formatMoney(d.amountPaid) }));
  if (str(d.newDueAt)) out.push(t('dossier.timeline.newDue', { when: formatDateTime(vnIso(str(d.newDueAt)!)) }));
  if (e.action === 'return_result' && (d.returnMethod === 'counter' || d.returnMethod === 'post' || d.returnMethod === 'online')) {
    out.push(t(`dossier.timeline.returned.${d.returnMethod}`, { who: str(d.receivedBy) ?? '', code: str(d.postalTrackingCode) ?? '' }));
  }
  if (str(d.form)) out.push(t('dossier.timeline.form', { form: str(d.form) }));
  // The leader's signature records the e-result it issued (results module).
  const result = typeof d.result === 'object' && d.result !== null ? str((d.result as { code?: unknown }).code) : null;
  if (result) out.push(t('dossier.timeline.result', { code: result }));
  return out;
}

export function TimelineList({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  return (
    <>
      {timeline.chainIntact ? (
        <p className="chain chain-ok">{t('dossier.timeline.chainOk')}</p>
      ) : (
        <p role="alert" className="alert">
          {t('dossier.timeline.chainBroken', { seq: timeline.brokenAtSeq ?? '?' })}
        </p>
      )}
      <ol className="timeline">
        {timeline.events.map((e) => {
          const due = str(e.data.dueAt);
          return (
            <li key={e.seq} className={timeline.brokenAtSeq !== null && e.seq >= timeline.brokenAtSeq ? 'timeline-event broken' : 'timeline-event'}>
              <p className="timeline-head">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> <strong>{actionName(e.action, t)}</strong>
              </p>
              <p className="timeline-actor">{actor(e, t)}</p>
              <p className="timeline-state">
                {e.fromState ? t('dossier.timeline.move', { from: stateName(e.fromState, t), to: stateName(e.toState, t) }) : stateName(e.toState, t)}
              </p>
              {e.reason && <p className="timeline-reason">{t('dossier.timeline.reason', { reason: e.reason })}</p>}
              {due && (
                <p>
                  {t('dossier.timeline.due')} <DueText iso={vnIso(due)} />
                </p>
              )}
              {details(e, t).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </li>
          );
        })}
      </ol>
    </>
  );
}
