import { useEffect, useState } from 'react';
import type { CitizenProfile } from '@motcua/contracts';
import { portalApi } from './portal-api.ts';

export type CitizenState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; citizen: CitizenProfile };

/** Who is signed in to the portal (a staff session counts as signed out here). */
export function useCitizen(): CitizenState {
  const [state, setState] = useState<CitizenState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    portalApi.me(controller.signal).then(
      (citizen) => setState({ status: 'signed-in', citizen }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'signed-out' });
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}
