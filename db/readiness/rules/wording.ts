// How findings write dates, money and shares. Reasons are saved with the snapshot and
// shown as they were, so they carry finished text in India time, not raw values.

import { dayKey } from "../../time";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const indianNumber = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 });

/** A calendar day (YYYY-MM-DD) as "29 Oct 2027". */
export function dayText(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** The day of an instant in India, as "29 Oct 2027". */
export const instantDayText = (ms: number) => dayText(dayKey(ms));

export const count = (n: number) => indianNumber.format(n);
export const rupees = (n: number) => `₹${indianNumber.format(n)}`;

/** `part` of `whole` as a percentage with two decimals, rounded down so it never reads as reaching a threshold it missed. */
export const percentOf = (part: number, whole: number) => `${(Math.floor((part * 10_000) / whole) / 100).toFixed(2)}%`;

export const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
