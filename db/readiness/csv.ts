// A readiness report as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted
// when they hold a comma, a quote or a line break, quotes doubled. Merchants open these
// in spreadsheets, so two more things: a byte order mark, without which Excel reads UTF-8
// (₹, Hindi names) as Latin-1, and a guard against formula injection.

import type { ReadinessItemRecord } from "../schema/types";
import { dayKey } from "../time";
import type { ReadinessSnapshot } from "./snapshots";

const VERDICT_WORDS = { fail: "Fail", warning: "Warning", pass: "Pass" } as const;
const CATEGORY_WORDS = {
  payments: "Payments",
  logistics: "Logistics",
  messaging: "Messaging",
  analytics: "Analytics",
  advertising: "Advertising",
  marketplaces: "Marketplaces",
} as const;
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

const READINESS_CSV_HEADER = ["Verdict", "Category", "Provider", "Check", "Reason", "Recommended action"] as const;

const itemRow = (item: ReadinessItemRecord) =>
  csvRow([VERDICT_WORDS[item.verdict], CATEGORY_WORDS[item.category], item.provider?.name ?? "", item.title, item.reason, item.action ?? ""]);

export function readinessCsv(snapshot: Pick<ReadinessSnapshot, "items">): string {
  return BYTE_ORDER_MARK + csvRow(READINESS_CSV_HEADER) + snapshot.items.map(itemRow).join("");
}

/** "readiness-diwali-and-festive-sales-2027-2027-10-14.csv": the period, then the day (in India) the report was generated. */
export function readinessCsvFilename(snapshot: Pick<ReadinessSnapshot, "periodName" | "generatedAtMs">): string {
  const slug = snapshot.periodName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return `readiness-${slug || "period"}-${dayKey(snapshot.generatedAtMs)}.csv`;
}
