import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <div className="language-switcher">
      <label htmlFor="language">{t('language.label')}</label>
      <select
        id="language"
        value={currentLanguage()}
        onChange={(event) => void setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          // Each language is named in itself, so a reader can find theirs whatever is showing now.
          <option key={lang} value={lang} lang={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
