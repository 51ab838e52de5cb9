import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, type Namespace } from './namespaces.ts';

export const LANGUAGES = ['vi', 'en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'motcua.language';

type Resources = Record<Language, Record<Namespace, object>>;

/** language → namespace → strings, as i18next wants them, built from the namespace registry. */
export const resources = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.fromEntries(Object.entries(namespaces).map(([ns, langs]) => [ns, langs[lang]]))]),
) as Resources;

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((lang) => lang === value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    // Storage can be disabled (private mode, kiosk lockdown); Vietnamese is the right default then.
    return 'vi';
  }
}

/** Switches the UI language, remembers it for the next visit and keeps `<html lang>` in step. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch itself still works.
  }
  await i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

// Resources are bundled, so synchronous init means the first render is already translated.
void i18next.use(initReactI18next).init({
  resources,
  ns: Object.keys(namespaces),
  defaultNS: 'translation',
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes output itself.
});

export { i18next };
