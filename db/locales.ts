// The languages merchants read (decision 013), beyond the list itself (schema/enums.ts).
// Pure, so the pages and the readiness rules share it without pulling database code into
// the browser (decision 009).

import { LOCALES, type Locale } from "./schema/enums";
import type { LocalizedText } from "./schema/types";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "en";

/** India's conventions in each language: day before month, lakh grouping, the language's own digits. */
export const INTL_LOCALE_TAGS: Record<Locale, string> = { en: "en-IN", hi: "hi-IN", as: "as-IN" };

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** Text in the reader's language; English where no one has written that language yet (an action ops added). */
export function localize(text: LocalizedText, locale: Locale = DEFAULT_LOCALE): string {
  return text[locale] || text.en;
}

/** "en" when `localize` fell back to English, so the page can mark that text's language for screen readers. */
export function fallbackLang(text: LocalizedText, locale: Locale): "en" | undefined {
  return locale !== "en" && !text[locale] ? "en" : undefined;
}
