// High-order periods and campaigns are calendar days in India (YYYY-MM-DD), both ends
// included. These helpers turn them into instants and lengths. Free of database code,
// so forms and pages can use them too.

import { addDays, dayStartMs } from "../time";

// Years outside this century are typing mistakes, and Date.UTC reads years below 100 as 19xx.
const DAY_PATTERN = /^(20\d\d)-(\d\d)-(\d\d)$/;

/** A date that exists on the calendar, written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `startsOn` to `endsOn`, both included. */
export function daysInclusive(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The instants a period covers: from the start of its first day to the end of its last (the start of the next), in India. */
export function periodWindowMs(period: { startsOn: string; endsOn: string }): { fromMs: number; toMs: number } {
  return { fromMs: dayStartMs(period.startsOn), toMs: dayStartMs(addDays(period.endsOn, 1)) };
}
