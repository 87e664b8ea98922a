// Each language's locale data, taken from Node's Intl (full ICU) once per language and
// sent to the browser with the page, so both sides format from the same data (decision
// 013, app/lib/format.ts).

import type { DateField, DatePattern, LocaleFormats, NumberPattern } from "~/lib/format";
import { INTL_LOCALE_TAGS, LOCALES, type Locale } from "./i18n";

// 27 November 2026, 13:45: every field differs from the others, so none is mistaken for another.
const SAMPLE_MS = Date.UTC(2026, 10, 27, 13, 45);
const DATE_FIELDS: readonly string[] = ["day", "month", "year", "hour", "minute"] satisfies DateField[];

function datePattern(tag: string, options: Intl.DateTimeFormatOptions): DatePattern {
  return new Intl.DateTimeFormat(tag, { timeZone: "UTC", ...options }).formatToParts(SAMPLE_MS).map((part) => {
    if (part.type === "literal") return { literal: part.value };
    if (DATE_FIELDS.includes(part.type)) return { field: part.type as DateField };
    // A weekday or era would carry the sample's value into every date.
    throw new Error(`Intl laid out a ${part.type} for ${tag}, which the page formats do not know`);
  });
}

function monthNames(tag: string, month: "short" | "long"): string[] {
  const names = new Intl.DateTimeFormat(tag, { timeZone: "UTC", month });
  return Array.from({ length: 12 }, (_, i) => names.format(Date.UTC(2026, i, 15)));
}

function percentPattern(tag: string): NumberPattern {
  const pattern: NumberPattern = [];
  for (const part of new Intl.NumberFormat(tag, { style: "percent" }).formatToParts(0.5)) {
    const numeric = ["integer", "group", "decimal", "fraction", "minusSign"].includes(part.type);
    if (!numeric) pattern.push({ literal: part.value });
    else if (!("number" in (pattern.at(-1) ?? {}))) pattern.push({ number: true });
  }
  return pattern;
}

function describe(tag: string): LocaleFormats {
  const numbers = new Intl.NumberFormat(tag).formatToParts(1_234_567.5);
  const integerGroups = numbers.filter((p) => p.type === "integer").map((p) => p.value.length);
  const plain = new Intl.NumberFormat(tag, { useGrouping: false });
  const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  return {
    digits: Array.from({ length: 10 }, (_, d) => plain.format(d)),
    monthsShort: monthNames(tag, "short"),
    monthsLong: monthNames(tag, "long"),
    dateTime: datePattern(tag, { day: "numeric", month: "short", year: "numeric", ...time }),
    date: datePattern(tag, { day: "numeric", month: "short", year: "numeric" }),
    dayMonth: datePattern(tag, { day: "numeric", month: "short" }),
    monthYear: datePattern(tag, { month: "long", year: "numeric" }),
    decimal: numbers.find((p) => p.type === "decimal")?.value ?? ".",
    group: numbers.find((p) => p.type === "group")?.value ?? ",",
    grouping: { primary: integerGroups.at(-1) ?? 3, secondary: integerGroups.at(-2) ?? 3 },
    percent: percentPattern(tag),
  };
}

const FORMATS = Object.fromEntries(LOCALES.map((l) => [l, describe(INTL_LOCALE_TAGS[l])])) as Record<Locale, LocaleFormats>;

export const localeFormats = (locale: Locale): LocaleFormats => FORMATS[locale];
