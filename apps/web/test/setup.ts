import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { i18next } from '../src/i18n/index.ts';

// findBy… waits up to 5 s: the first render of a lazily loaded page can take over a second on a
// busy 2-core CI machine, and a wait that short is a flaky test, not a check of anything.
configure({ asyncUtilTimeout: 5000 });

// Every test starts in Vietnamese with nothing remembered, like a first visit.
beforeEach(async () => {
  localStorage.clear();
  await i18next.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
