import { useEffect, useRef, useState } from 'react';
import type { BoardSnapshot, QueueEvent } from '@motcua/contracts';
import { applyEvent, fromSnapshot, type BoardState } from './board-state.ts';
import { eventsUrl } from './queue-api.ts';

/** Calls older than this when they arrive (a long outage being replayed) are shown but not spoken. */
const SPEAK_WITHIN_MS = 2 * 60_000;

/**
 * The live board of a center. EventSource reconnects by itself and sends Last-Event-ID, so missed
 * calls are replayed; when the server refuses outright (restart behind a proxy answering 502), the
 * browser gives up, so we open a new connection after a pause.
 */
export function useQueueFeed(centerId: string, onCall?: (event: QueueEvent) => void) {
  const [state, setState] = useState<BoardState | null>(null);
  const [connected, setConnected] = useState(false);
  const onCallRef = useRef(onCall);
  onCallRef.current = onCall;

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource(eventsUrl(centerId));
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(connect, 5000);
        }
      };
      source.addEventListener('snapshot', (m) => setState(fromSnapshot(JSON.parse((m as MessageEvent<string>).data) as BoardSnapshot)));
      source.addEventListener('queue', (m) => {
        const event = JSON.parse((m as MessageEvent<string>).data) as QueueEvent;
        setState((s) => (s ? applyEvent(s, event) : s));
        if (event.call && Date.now() - new Date(event.call.at).getTime() < SPEAK_WITHIN_MS) onCallRef.current?.(event);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [centerId]);

  return { state, connected };
}
