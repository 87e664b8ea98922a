import { useLocation } from "@remix-run/react";
import { LANGUAGE_NAMES, LANGUAGE_PARAM, LOCALES } from "~/i18n/i18n";
import { useI18n } from "~/i18n/page-i18n";

/**
 * Plain links, not client-side navigation: the server sets the language cookie and
 * redirects back, and the whole page loads again in the new language, with or without
 * JavaScript. Each language is named in itself and marked with its own `lang`.
 */
export function LanguageSwitcher() {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const hrefFor = (language: string) => {
    const query = new URLSearchParams(search);
    query.set(LANGUAGE_PARAM, language);
    return `${pathname}?${query.toString()}`;
  };
  return (
    <nav aria-label={t("language.label")} className="language-switcher">
      <ul className="nav">
        {LOCALES.map((language) => (
          <li key={language}>
            <a
              href={hrefFor(language)}
              lang={language}
              hrefLang={language}
              aria-current={language === locale ? "true" : undefined}
            >
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
