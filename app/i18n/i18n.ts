// The pages' languages and the i18next instances that speak them (decision 013). Pure:
// the server and the browser build the same instance from the same resources, which is
// what keeps hydration free of mismatches.

import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import type { FormatWords } from "~/lib/format";
import type { Locale } from "../../db/locales";
import type en from "./locales/en.json";

export { DEFAULT_LOCALE, INTL_LOCALE_TAGS, LOCALES, isLocale, type Locale } from "../../db/locales";

/** One language's interface strings, shaped like the English file (the keys test holds the others to it). */
export type Resources = typeof en;

/** Each language named in itself, as the switcher offers it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", hi: "हिन्दी", as: "অসমীয়া" };

/** The query parameter of the switcher's links; the answer sets the cookie and redirects to the same page without it. */
export const LANGUAGE_PARAM = "lang";

// The ops console and its sign-in are internal and stay English whatever the reader chose.
const ENGLISH_ONLY_PATH = /^\/(ops|login|logout|invite)(\/|$)/;
export const isEnglishOnlyPath = (pathname: string) => ENGLISH_ONLY_PATH.test(pathname);

const instances = new Map<Locale, { resources: Resources; i18n: I18n }>();

/**
 * The i18next instance for a language, initialised synchronously so the first render is
 * already translated. Instances only ever read, so one per language is shared by every
 * request on the server. A missing key shows as the key itself (no fallback language),
 * which the page tests look for.
 */
export function i18nFor(locale: Locale, resources: Resources): I18n {
  const known = instances.get(locale);
  if (known && known.resources === resources) return known.i18n;
  const i18n = createInstance();
  void i18n.init({
    lng: locale,
    resources: { [locale]: { translation: resources } },
    fallbackLng: false,
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  instances.set(locale, { resources, i18n });
  return i18n;
}

/** The words the formatter puts around numbers, in the instance's language. */
export function formatWords(t: TFunction): FormatWords {
  return {
    noData: t("format.noData"),
    justNow: t("format.justNow"),
    ago: (duration) => t("format.ago", { duration }),
    inIndianTime: (dateTime) => t("format.inIndianTime", { dateTime }),
    range: (from, to) => t("dates.range", { from, to }),
    days: (count, value) => t("format.days", { count, value }),
    hours: (count, value) => t("format.hours", { count, value }),
    minutes: (count, value) => t("format.minutes", { count, value }),
    milliseconds: (count, value) => t("format.milliseconds", { count, value }),
  };
}

// i18next's t() costs a few microseconds a call, which the thousands of cells of the
// status page's uptime bars turned into tens of milliseconds per page. A sentence with
// slots is translated once, with markers in the slots, and then filled for each cell.
const SLOT_MARK = "\u0001";

/** A value for t() that marks where a slot goes, for `fillable`. */
export const slot = (name: string) => `${SLOT_MARK}${name}${SLOT_MARK}`;

/** A sentence translated with `slot()` values, as a function that fills the slots. */
export function fillable(translated: string): (values: Record<string, string>) => string {
  const parts = translated.split(SLOT_MARK);
  return (values) => parts.map((part, i) => (i % 2 === 1 ? (values[part] ?? "") : part)).join("");
}
