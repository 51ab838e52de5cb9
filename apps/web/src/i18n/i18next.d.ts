import 'i18next';
import type { namespaces } from './namespaces.ts';

// Typed keys: a misspelt or missing key is a compile error, not a blank label. Vietnamese is the
// reference language; the i18n test holds English and Indonesian to the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { [N in keyof typeof namespaces]: (typeof namespaces)[N]['vi'] };
  }
}
