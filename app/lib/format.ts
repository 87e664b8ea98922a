// Formatting for pages. Times are shown in India Standard Time with the zone named, and
// computed from the loader's clock so the server and the browser render the same text.
//
// The public and merchant pages format through `createFormatter`, with the reader's
// language data (`LocaleFormats`) that the server derives from Intl for en-IN, hi-IN or
// as-IN and sends with the page (decision 013). The browser never asks its own Intl for
// month names, digits or patterns: browsers ship different locale data from Node (Chromium
// has none for Assamese at all), and any difference in the text breaks hydration. Only
// the instant-to-India conversion below runs on both sides: numeric parts in "en-US" are
// the same everywhere.

const PAGE_TIME_ZONE = "Asia/Kolkata";

const numericParts = new Intl.DateTimeFormat("en-US", {
  timeZone: PAGE_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsInIndia(ms: number): CalendarParts {
  const parts: Record<string, number> = {};
  for (const p of numericParts.formatToParts(ms)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** A calendar day key (YYYY-MM-DD) or month key (YYYY-MM) as parts; the time is midnight. */
function partsOfKey(key: string): CalendarParts {
  const [year, month, day = 1] = key.split("-").map(Number) as [number, number, number?];
  return { year, month, day, hour: 0, minute: 0 };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Whole days, hours and minutes of a duration, at least a minute. */
function durationParts(ms: number) {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** Uptime as a share in hundredths of a percent, rounded down: never shown as 100 % when it is not. */
const flooredPercent = (ratio: number) => Math.floor(ratio * 10_000) / 100;

// ---------------------------------------------------------------------------------------
// The reader's language

export type DateField = "day" | "month" | "year" | "hour" | "minute";
/** A date pattern as Intl laid it out for the language: its fields in order, with the words and marks between them. */
export type DatePattern = ({ field: DateField } | { literal: string })[];
/** A percentage as Intl writes it: where the number goes, and the sign ("99.99%", "৯৯.৯৯%"). */
export type NumberPattern = ({ number: true } | { literal: string })[];

/** What a page needs of a language's locale data, derived from Intl on the server (app/i18n/formats.server.ts). */
export interface LocaleFormats {
  /** The language's digits, zero to nine. */
  digits: string[];
  monthsShort: string[];
  monthsLong: string[];
  /** Day, short month, year, hour and minute. */
  dateTime: DatePattern;
  /** Day, short month and year. */
  date: DatePattern;
  /** Day and short month. */
  dayMonth: DatePattern;
  /** Long month and year. */
  monthYear: DatePattern;
  decimal: string;
  group: string;
  /** Sizes of the digit groups: the last group, then every group before it (3 and 2 in India: 12,34,567). */
  grouping: { primary: number; secondary: number };
  percent: NumberPattern;
}

/** The words around numbers, in the reader's language (from the `format` keys). */
export interface FormatWords {
  noData: string;
  justNow: string;
  ago: (duration: string) => string;
  /** A date and time with the zone named: "… IST". */
  inIndianTime: (dateTime: string) => string;
  range: (from: string, to: string) => string;
  days: (count: number, value: string) => string;
  hours: (count: number, value: string) => string;
  minutes: (count: number, value: string) => string;
  milliseconds: (count: number, value: string) => string;
}

export interface Formatter {
  /** An instant in India, with the zone named: "1 Oct 2026, 00:15 IST". */
  dateTime: (ms: number) => string;
  /** The date of an instant in India: "27 Nov". */
  shortDate: (ms: number) => string;
  /** A calendar day key (YYYY-MM-DD): "27 Nov 2026". */
  day: (day: string) => string;
  /** Calendar days from one to another, both included: "16 Oct 2027 to 31 Oct 2027", or one day. */
  dayRange: (first: string, last: string) => string;
  /** A calendar day key without its year, where a chart's ticks must be short: "27 Nov". */
  dayWithoutYear: (day: string) => string;
  /** A month key (YYYY-MM): "November 2026". */
  month: (month: string) => string;
  /** Uptime with two decimals, never rounded up to 100 %; "No data" without results. */
  uptime: (ratio: number | null) => string;
  /** A percentage already in percent units (99.5 → "99.5%"). */
  percent: (value: number) => string;
  duration: (ms: number) => string;
  timeAgo: (ms: number, nowMs: number) => string;
  latency: (ms: number | null) => string;
  /** A count grouped the Indian way, in the language's digits: 1,00,000. */
  count: (n: number) => string;
}

export function createFormatter(formats: LocaleFormats, words: FormatWords): Formatter {
  // Most pages are in English, whose digits are ASCII: no replacing, which the status page's thousands of numbers notice.
  const asciiDigits = formats.digits.join("") === "0123456789";
  const digitsOf = asciiDigits ? (text: string) => text : (text: string) => text.replace(/\d/g, (d) => formats.digits[Number(d)]!);
  const grouped = (integer: string) => {
    const { primary, secondary } = formats.grouping;
    if (integer.length <= primary) return integer;
    const head = integer.slice(0, -primary);
    const groups: string[] = [];
    for (let end = head.length; end > 0; end -= secondary) groups.unshift(head.slice(Math.max(0, end - secondary), end));
    return [...groups, integer.slice(-primary)].join(formats.group);
  };
  const number = (value: number, fractionDigits?: number) => {
    const [integer, fraction] = (fractionDigits === undefined ? String(value) : value.toFixed(fractionDigits)).split(".") as [string, string?];
    const sign = integer.startsWith("-") ? "-" : "";
    const text = grouped(integer.replace("-", "")) + (fraction ? formats.decimal + fraction : "");
    return sign + digitsOf(text);
  };
  const percentOf = (numberText: string) => formats.percent.map((p) => ("number" in p ? numberText : p.literal)).join("");
  const fill = (pattern: DatePattern, parts: CalendarParts, months: string[]) =>
    pattern
      .map((p) => {
        if ("literal" in p) return p.literal;
        switch (p.field) {
          case "month":
            return months[parts.month - 1]!;
          case "hour":
          case "minute":
            return digitsOf(pad(parts[p.field]));
          default:
            return digitsOf(String(parts[p.field]));
        }
      })
      .join("");
  const duration = (ms: number) => {
    const { days, hours, minutes } = durationParts(ms);
    const parts = [
      days ? words.days(days, number(days)) : "",
      hours ? words.hours(hours, number(hours)) : "",
      minutes && !days ? words.minutes(minutes, number(minutes)) : "",
    ];
    return parts.filter(Boolean).join(" ");
  };
  const day = (key: string) => fill(formats.date, partsOfKey(key), formats.monthsShort);
  return {
    dateTime: (ms) => words.inIndianTime(fill(formats.dateTime, partsInIndia(ms), formats.monthsShort)),
    shortDate: (ms) => fill(formats.dayMonth, partsInIndia(ms), formats.monthsShort),
    day,
    dayRange: (first, last) => (first === last ? day(first) : words.range(day(first), day(last))),
    dayWithoutYear: (day) => fill(formats.dayMonth, partsOfKey(day), formats.monthsShort),
    month: (month) => fill(formats.monthYear, partsOfKey(month), formats.monthsLong),
    uptime: (ratio) => (ratio === null ? words.noData : percentOf(number(flooredPercent(ratio), 2))),
    percent: (value) => percentOf(number(value)),
    duration,
    timeAgo: (ms, nowMs) => (nowMs - ms < 60_000 ? words.justNow : words.ago(duration(nowMs - ms))),
    latency: (ms) => (ms === null ? words.noData : words.milliseconds(ms, number(ms))),
    count: (n) => number(Math.trunc(n)),
  };
}

// ---------------------------------------------------------------------------------------
// The ops console, which stays English (decision 013): its own fixed month names, so it
// needs no locale data and its loaders can format too.

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export function formatDateTime(ms: number): string {
  const p = partsInIndia(ms);
  return `${p.day} ${MONTHS_SHORT[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)} IST`;
}

export function formatDuration(ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", minutes && !days ? `${minutes} min` : ""].filter(Boolean);
  return parts.join(" ");
}

export function formatTimeAgo(ms: number, nowMs: number): string {
  const elapsed = nowMs - ms;
  if (elapsed < 60_000) return "just now";
  return `${formatDuration(elapsed)} ago`;
}
