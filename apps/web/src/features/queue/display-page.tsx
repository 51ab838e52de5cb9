import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { QueueEvent } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { announce, loadSound, saveSound, unlockAudio, vietnameseVoice, type SoundSettings } from './announcer.ts';
import { callSentence } from './board-state.ts';
import { useQueueFeed } from './use-queue-feed.ts';
import './queue.css';

/** Full-screen TV board of one center, readable from across the hall. */
export function DisplayPage() {
  const { centerId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('queue.display.title'));
  const [sound, setSound] = useState<SoundSettings>(loadSound);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const onCall = (event: QueueEvent) => {
    const call = event.call!;
    announce(call, callSentence(call, (number, counter) => t('queue.display.speech', { number, counter, lng: 'vi' })), soundRef.current);
  };
  const { state, connected } = useQueueFeed(centerId, onCall);
  const now = useClock();

  const update = (s: SoundSettings) => {
    if (s.enabled) unlockAudio();
    setSound(s);
    saveSound(s);
  };

  // Sound switched on in an earlier visit: the first touch or key press on the page unlocks it.
  useEffect(() => {
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  const latest = state?.recentCalls[0];
  return (
    <div className="board">
      <header className="board-header">
        <h1>{state?.centerName || t('queue.display.title')}</h1>
        <p className="board-clock">{now}</p>
      </header>
      <main id="main" className="board-main">
        {!connected && (
          <p role="status" className="board-offline">
            {t('queue.display.reconnecting')}
          </p>
        )}
        <section aria-labelledby="board-now" className="board-now">
          <h2 id="board-now">{t('queue.display.nowCalling')}</h2>
          <table className="board-table">
            <thead>
              <tr>
                <th scope="col">{t('queue.display.number')}</th>
                <th scope="col">{t('queue.display.counter')}</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {state?.counters
                .filter((c) => c.current)
                .map((c) => (
                  <tr key={c.number} className={c.current!.ticketId === latest?.ticketId && c.current!.at === latest.at ? 'board-latest' : undefined}>
                    <td className="board-number">{c.current!.number}</td>
                    <td className="board-counter">{t('queue.display.counterN', { number: c.number })}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {state && state.counters.every((c) => !c.current) && <p className="board-empty">{t('queue.display.nobody')}</p>}
        </section>
        <aside className="board-side">
          <section aria-labelledby="board-recent">
            <h2 id="board-recent">{t('queue.display.recent')}</h2>
            <ol className="board-recent">
              {state?.recentCalls.map((c) => (
                <li key={`${c.ticketId}:${c.at}`}>
                  <strong>{c.number}</strong> → {t('queue.display.counterN', { number: c.counterNumber })}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="board-waiting">
            <h2 id="board-waiting">{t('queue.display.waiting')}</h2>
            <ul className="board-waiting">
              {state?.groups.map((g) => (
                <li key={g.code}>
                  <span>
                    {g.code} · {g.name}
                  </span>
                  <strong>{g.waiting}</strong>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </main>
      {state?.notice && (
        <p className="board-notice" aria-label={t('queue.display.noticeLabel')}>
          <span>{state.notice}</span>
        </p>
      )}
      <footer className="board-controls">
        <button type="button" className="button" aria-pressed={sound.enabled} onClick={() => update({ ...sound, enabled: !sound.enabled })}>
          {sound.enabled ? t('queue.display.soundOff') : t('queue.display.soundOn')}
        </button>
        <label>
          {t('queue.display.volume')}
          <input type="range" min={0} max={1} step={0.1} value={sound.volume} onChange={(e) => update({ ...sound, volume: Number(e.target.value) })} />
        </label>
        <label>
          {t('queue.display.repeat')}
          <select value={sound.repeat} onChange={(e) => update({ ...sound, repeat: Number(e.target.value) })}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="board-voice">{vietnameseVoice() ? t('queue.display.voiceVi') : t('queue.display.voiceChime')}</span>
      </footer>
    </div>
  );
}

function useClock(): string {
  const format = () => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date());
  const [now, setNow] = useState(format);
  useEffect(() => {
    const timer = setInterval(() => setNow(format()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
