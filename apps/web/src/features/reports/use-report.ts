import { useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/** Loads `fetcher` whenever `key` changes; a newer load cancels the one before. */
export function useReport<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetcher(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
    // The key names everything the fetcher depends on.
  }, [key]);
  return state;
}

/** Today and the first of its month as local (Asia/Ho_Chi_Minh) dates. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${local.slice(0, 7)}-01`, to: local };
}
