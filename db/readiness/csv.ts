// A readiness report as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted
// when they hold a comma, a quote or a line break, quotes doubled. Merchants open these
// in spreadsheets, so two more things: a byte order mark, without which Excel reads UTF-8
// (₹, Hindi and Assamese) as Latin-1, and a guard against formula injection. The file is
// in the language the merchant reads the report in.

import { localize, type Locale } from "../locales";
import type { ReadinessItemRecord } from "../schema/types";
import { dayKey } from "../time";
import { textIn } from "./rules/wording";
import type { ReadinessSnapshot } from "./snapshots";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * One field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return, which some strip first) as a formula; a leading apostrophe makes it text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvRow = (fields: readonly string[]) => `${fields.map(csvField).join(",")}\r\n`;

const HEADER_COLUMNS = ["verdict", "category", "provider", "check", "reason", "action"] as const;

export function readinessCsv(snapshot: Pick<ReadinessSnapshot, "items">, locale: Locale): string {
  const header = HEADER_COLUMNS.map((column) => textIn(locale, (w) => w.t(`csv.header.${column}`)));
  const row = (item: ReadinessItemRecord) =>
    csvRow([
      textIn(locale, (w) => w.t(`csv.verdict.${item.verdict}`)),
      textIn(locale, (w) => w.t(`csv.category.${item.category}`)),
      item.provider?.name ?? "",
      localize(item.title, locale),
      localize(item.reason, locale),
      item.action ? localize(item.action, locale) : "",
    ]);
  return BYTE_ORDER_MARK + csvRow(header) + snapshot.items.map(row).join("");
}

/** "readiness-diwali-and-festive-sales-2027-2027-10-14.csv": the period, then the day (in India) the report was generated. */
export function readinessCsvFilename(snapshot: Pick<ReadinessSnapshot, "periodName" | "generatedAtMs">): string {
  const slug = snapshot.periodName.en
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return `readiness-${slug || "period"}-${dayKey(snapshot.generatedAtMs)}.csv`;
}
