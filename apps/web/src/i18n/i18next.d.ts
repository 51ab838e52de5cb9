import 'i18next';
import type vi from './vi.json';

// Typed keys: a misspelt or missing key is a compile error, not a blank label.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
