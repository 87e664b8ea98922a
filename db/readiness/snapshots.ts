// Saved readiness reports. Each generation is kept whole, so that a report from two
// weeks before can be compared with one from the day before. Every read names the
// merchant in its where clause.

import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { highOrderPeriod, readinessSnapshot } from "../schema";
import type { ReadinessVerdict } from "../schema/enums";
import type { LocalizedText, ReadinessItemRecord, StoredReadinessItem } from "../schema/types";
import { itemKey } from "./score";

export interface ReadinessSnapshot {
  id: number;
  periodId: number | null;
  campaignId: number | null;
  /**
   * The name saved with the report, as English; in Hindi and Assamese the calendar's own
   * name while the period is still on it (the saved column holds one language only).
   */
  periodName: LocalizedText;
  startsOn: string;
  endsOn: string;
  expectedOrdersPerDay: number;
  score: number;
  items: ReadinessItemRecord[];
  generatedAtMs: number;
}

export type SnapshotSummary = Omit<ReadinessSnapshot, "items">;

const summaryColumns = {
  id: readinessSnapshot.id,
  periodId: readinessSnapshot.periodId,
  campaignId: readinessSnapshot.campaignId,
  savedName: readinessSnapshot.periodName,
  calendarName: highOrderPeriod.name,
  startsOn: readinessSnapshot.startsOn,
  endsOn: readinessSnapshot.endsOn,
  expectedOrdersPerDay: readinessSnapshot.expectedOrdersPerDay,
  score: readinessSnapshot.score,
  generatedAt: readinessSnapshot.generatedAt,
};

function summaryOf<T extends { generatedAt: Date; savedName: string; calendarName: LocalizedText | null }>({ generatedAt, savedName, calendarName, ...rest }: T) {
  return { ...rest, periodName: { ...calendarName, en: savedName }, generatedAtMs: generatedAt.getTime() };
}

const inEnglish = (text: string | LocalizedText): LocalizedText => (typeof text === "string" ? { en: text } : text);

/** An item as reports saved it before they spoke Hindi and Assamese reads as English. */
function itemOf({ title, reason, action, ...rest }: StoredReadinessItem): ReadinessItemRecord {
  return { ...rest, title: inEnglish(title), reason: inEnglish(reason), ...(action === undefined ? {} : { action: inEnglish(action) }) };
}

/** The merchant's saved reports, newest first, without their items. */
export function listSnapshots(db: Executor, merchantId: number): SnapshotSummary[] {
  return db
    .select(summaryColumns)
    .from(readinessSnapshot)
    .leftJoin(highOrderPeriod, eq(highOrderPeriod.id, readinessSnapshot.periodId))
    .where(eq(readinessSnapshot.merchantId, merchantId))
    .orderBy(desc(readinessSnapshot.generatedAt), desc(readinessSnapshot.id))
    .all()
    .map(summaryOf);
}

export function getSnapshot(db: Executor, merchantId: number, snapshotId: number): ReadinessSnapshot | null {
  const row = db
    .select({ ...summaryColumns, items: readinessSnapshot.items })
    .from(readinessSnapshot)
    .leftJoin(highOrderPeriod, eq(highOrderPeriod.id, readinessSnapshot.periodId))
    .where(and(eq(readinessSnapshot.id, snapshotId), eq(readinessSnapshot.merchantId, merchantId)))
    .get();
  return row ? { ...summaryOf(row), items: row.items.map(itemOf) } : null;
}

export interface ItemChange {
  key: string;
  title: LocalizedText;
  category: ReadinessItemRecord["category"];
  provider?: ReadinessItemRecord["provider"];
  /** null: the item was not in that report (a connection added or removed, a rule that did not apply). */
  from: ReadinessVerdict | null;
  to: ReadinessVerdict | null;
  /** The later report's reason, or the earlier one's when the item is gone. */
  reason: LocalizedText;
}

export interface SnapshotComparison {
  from: SnapshotSummary;
  to: SnapshotSummary;
  changed: ItemChange[];
  unchangedCount: number;
}

/** Items whose verdict differs between two reports, in the later report's order, then those that are gone. */
function diffItems(from: readonly ReadinessItemRecord[], to: readonly ReadinessItemRecord[]): { changed: ItemChange[]; unchangedCount: number } {
  const before = new Map(from.map((item) => [itemKey(item), item]));
  const after = new Set(to.map(itemKey));
  const changed: ItemChange[] = [];
  let unchangedCount = 0;
  const change = (item: ReadinessItemRecord, fromVerdict: ReadinessVerdict | null, toVerdict: ReadinessVerdict | null): ItemChange => ({
    key: itemKey(item),
    title: item.title,
    category: item.category,
    ...(item.provider ? { provider: item.provider } : {}),
    from: fromVerdict,
    to: toVerdict,
    reason: item.reason,
  });
  for (const item of to) {
    const earlier = before.get(itemKey(item));
    if (earlier?.verdict === item.verdict) unchangedCount += 1;
    else changed.push(change(item, earlier?.verdict ?? null, item.verdict));
  }
  for (const item of from) if (!after.has(itemKey(item))) changed.push(change(item, item.verdict, null));
  return { changed, unchangedCount };
}

/** Two of the merchant's reports side by side; null when either is not theirs. */
export function compareSnapshots(db: Executor, merchantId: number, fromId: number, toId: number): SnapshotComparison | null {
  const from = getSnapshot(db, merchantId, fromId);
  const to = getSnapshot(db, merchantId, toId);
  if (!from || !to) return null;
  const { items: fromItems, ...fromSummary } = from;
  const { items: toItems, ...toSummary } = to;
  return { from: fromSummary, to: toSummary, ...diffItems(fromItems, toItems) };
}
