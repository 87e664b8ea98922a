// The reader's language on a page: the i18next instance for react-i18next, and the locale
// and its formatting data for everything i18next does not do (dates, numbers, LocalizedText
// from the database). Server render and hydration build both from the root loader's data.

import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createFormatter, type Formatter, type LocaleFormats } from "~/lib/format";
import { fallbackLang, localize } from "../../db/locales";
import type { LocalizedText } from "../../db/schema/types";
import { formatWords, i18nFor, isLocale, type Locale, type Resources } from "./i18n";

/** What the root loader sends for the page's language. */
export interface PageLanguage {
  locale: Locale;
  resources: Resources;
  formats: LocaleFormats;
}

export function PageI18nProvider({ language, children }: { language: PageLanguage; children: ReactNode }) {
  const { locale, resources, formats } = language;
  const i18n = i18nFor(locale, resources);
  // Built once for the page and handed down: react-i18next's useTranslation() makes a new
  // translator in every component that calls it, which the status page's hundreds of
  // small components turned into milliseconds per request. The language never changes
  // under a mounted page (the switcher reloads it).
  const page = useMemo((): PageI18n => {
    const t = i18n.t;
    return {
      t,
      locale,
      format: createFormatter(formats, formatWords(t)),
      localize: (text: LocalizedText) => localize(text, locale),
      langOf: (text: LocalizedText) => fallbackLang(text, locale),
    };
  }, [i18n, locale, formats]);
  return (
    <I18nextProvider i18n={i18n}>
      <PageI18nContext.Provider value={page}>{children}</PageI18nContext.Provider>
    </I18nextProvider>
  );
}

export interface PageI18n {
  t: TFunction;
  locale: Locale;
  format: Formatter;
  /** Database text (causes, actions, categories) in the reader's language. */
  localize: (text: LocalizedText) => string;
  /** "en" for database text not yet written in the reader's language, for its `lang` attribute. */
  langOf: (text: LocalizedText) => "en" | undefined;
}

const PageI18nContext = createContext<PageI18n | null>(null);

export function useI18n(): PageI18n {
  const page = useContext(PageI18nContext);
  if (!page) throw new Error("useI18n needs the PageI18nProvider of app/root.tsx");
  return page;
}

const isPageLanguage = (data: unknown): data is PageLanguage =>
  typeof data === "object" && data !== null && "locale" in data && isLocale(data.locale) && "resources" in data;

/** For `meta` functions, which run outside React: the root loader's language and its translator; null when it did not load. */
function metaLanguage(matches: MetaArgs["matches"]): { t: TFunction; locale: Locale } | null {
  const root = matches.find((m) => m.id === "root")?.data;
  return isPageLanguage(root) ? { t: i18nFor(root.locale, root.resources).t, locale: root.locale } : null;
}

export const metaTranslator = (matches: MetaArgs["matches"]) => metaLanguage(matches)?.t ?? null;

/** The site's name where even the language could not be read: a root loader that failed. */
const SITE_NAME = "ShopIQ Integration Status";

/** A page's title, then the site's name, in the page's language; `noindex` for a merchant's own pages. */
export function pageMeta(
  matches: MetaArgs["matches"],
  title: ((t: TFunction, localizeText: (text: LocalizedText) => string) => string) | null,
  options: { noindex?: boolean } = {},
): MetaDescriptor[] {
  const language = metaLanguage(matches);
  const site = language ? language.t("site.name") : SITE_NAME;
  const own = language && title ? title(language.t, (text) => localize(text, language.locale)) : null;
  return [{ title: own ? `${own} · ${site}` : site }, ...(options.noindex ? [{ name: "robots", content: "noindex" }] : [])];
}

/** Database text in the reader's language; marked as English where no one has written it in theirs yet. */
export function Localized({ text }: { text: LocalizedText }) {
  const { localize, langOf } = useI18n();
  const lang = langOf(text);
  return lang ? <span lang={lang}>{localize(text)}</span> : <>{localize(text)}</>;
}
