// How findings are worded, in every language the pages speak (decision 013). A rule
// writes each text once, as a phrase over a `Wording`; the report renders it in English,
// Hindi and Assamese and saves all three, so a saved report reads the same later, in
// whichever of them the merchant reads. Dates are India days and numbers India's grouping
// in each language's digits, from Node's Intl: reports are only ever worded on the server.

import { createInstance, type TFunction } from "i18next";
import { INTL_LOCALE_TAGS, LOCALES, localize, type Locale } from "../../locales";
import type { LocalizedText } from "../../schema/types";
import { dayKey, PAGE_TIME_ZONE } from "../../time";
import { CAMPAIGN_MAX_DAYS, CAMPAIGN_NAME_MAX_CHARS, EXPECTED_ORDERS_PER_DAY_MAX } from "../forms";
import as from "../locales/as.json";
import en from "../locales/en.json";
import hi from "../locales/hi.json";

export interface Wording {
  t: TFunction<"readiness">;
  /** Guidance from the library, in this language (English where ops have not translated it). */
  localize: (text: LocalizedText) => string;
  /** A calendar day (YYYY-MM-DD): "29 Oct 2027". */
  day: (day: string) => string;
  /** The day of an instant in India: "29 Oct 2027". */
  instantDay: (ms: number) => string;
  /** An instant in India without its year: "20 Oct, 01:00". */
  dayAndTime: (ms: number) => string;
  count: (n: number) => string;
  rupees: (n: number) => string;
  /** A whole percentage, as thresholds are written: "99%". */
  percent: (n: number) => string;
  /** `part` of `whole` with two decimals, rounded down so it never reads as reaching a threshold it missed. */
  percentOf: (part: number, whole: number) => string;
  /** "a", "a and b", "a, b and c". */
  list: (items: readonly string[]) => string;
}

/** A text a rule writes in its own words. */
export type Phrase = (w: Wording) => string;
/** What an item says: a phrase, or guidance from the library, already written in every language. */
export type ItemText = Phrase | LocalizedText;

const i18n = createInstance();
void i18n.init({
  resources: { en: { readiness: en }, hi: { readiness: hi }, as: { readiness: as } },
  ns: ["readiness"],
  defaultNS: "readiness",
  lng: "en",
  fallbackLng: false,
  initAsync: false,
  // Reports are text, CSV and React-rendered pages: each escapes in its own way.
  interpolation: { escapeValue: false },
});

function wordingFor(locale: Locale): Wording {
  const tag = INTL_LOCALE_TAGS[locale];
  const dayFormat = new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  const dayAndTime = new Intl.DateTimeFormat(tag, { timeZone: PAGE_TIME_ZONE, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const rupees = new Intl.NumberFormat(tag, { style: "currency", currency: "INR", maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const twoDecimals = new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const list = new Intl.ListFormat(tag, { type: "conjunction" });
  const day = (key: string) => {
    const [year, month, date] = key.split("-").map(Number) as [number, number, number];
    return dayFormat.format(Date.UTC(year, month - 1, date));
  };
  return {
    t: i18n.getFixedT(locale, "readiness"),
    localize: (text) => localize(text, locale),
    day,
    instantDay: (ms) => day(dayKey(ms)),
    dayAndTime: (ms) => dayAndTime.format(ms),
    count: (n) => whole.format(n),
    rupees: (n) => rupees.format(n),
    percent: (n) => percent.format(n / 100),
    percentOf: (part, all) => twoDecimals.format(Math.floor((part * 10_000) / all) / 10_000),
    list: (items) => list.format(items),
  };
}

const WORDINGS = Object.fromEntries(LOCALES.map((l) => [l, wordingFor(l)])) as Record<Locale, Wording>;

/** A phrase in one language, for what is written for one reader (a CSV file). */
export const textIn = (locale: Locale, text: Phrase) => text(WORDINGS[locale]);

/** An item's text in every language. */
export function inEveryLanguage(text: ItemText): LocalizedText {
  if (typeof text !== "function") return text;
  return { en: text(WORDINGS.en), hi: text(WORDINGS.hi), as: text(WORDINGS.as) };
}

/** A readiness form's message or refusal (a key under `forms`) in one language, with the limits it names. */
export function readinessMessage(locale: Locale, key: string): string {
  const w = WORDINGS[locale];
  const limits = { maxChars: w.count(CAMPAIGN_NAME_MAX_CHARS), maxDays: w.count(CAMPAIGN_MAX_DAYS), maxOrders: w.count(EXPECTED_ORDERS_PER_DAY_MAX) };
  // Keys come from zod issues, which are plain strings; an unknown one shows as itself, as any missing key does.
  return w.t(`forms.${key}` as "forms.nameMissing", limits);
}
