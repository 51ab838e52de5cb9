import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18next } from '../src/i18n/index.ts';

// Every test starts in Vietnamese with nothing remembered, like a first visit.
beforeEach(async () => {
  localStorage.clear();
  await i18next.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
