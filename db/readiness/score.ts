// The readiness score and its order of items. Free of database code: the report page
// explains the score with these same constants.

import { CATEGORY_SLUGS, READINESS_VERDICTS, type ReadinessVerdict } from "../schema/enums";
import type { ReadinessItemRecord } from "../schema/types";

export const MAX_READINESS_SCORE = 100;
/** What each item costs, by verdict. One fail is a broken sale (no payments, no shipping), so it costs as much as four warnings. */
export const PENALTY_POINTS: Record<ReadinessVerdict, number> = { fail: 20, warning: 5, pass: 0 };

export type VerdictCounts = Record<ReadinessVerdict, number>;

export function countVerdicts(items: readonly Pick<ReadinessItemRecord, "verdict">[]): VerdictCounts {
  const counts: VerdictCounts = { fail: 0, warning: 0, pass: 0 };
  for (const item of items) counts[item.verdict] += 1;
  return counts;
}

/** 100, less the penalty of every fail and warning, never below 0. */
export function readinessScore(items: readonly Pick<ReadinessItemRecord, "verdict">[]): number {
  const counts = countVerdicts(items);
  const penalty = READINESS_VERDICTS.reduce((sum, verdict) => sum + counts[verdict] * PENALTY_POINTS[verdict], 0);
  return Math.max(0, MAX_READINESS_SCORE - penalty);
}

/** The score's sum before it is held at 0, as the report writes it out: 100 − 2 fails × 20 − 3 warnings × 5 = 45. */
export function unclampedScore(counts: VerdictCounts): number {
  return MAX_READINESS_SCORE - counts.fail * PENALTY_POINTS.fail - counts.warning * PENALTY_POINTS.warning;
}

const rank = (verdict: ReadinessVerdict) => READINESS_VERDICTS.indexOf(verdict);

/**
 * Most severe first; within a verdict by category in status-page order, the store-wide
 * line before its providers, then by provider name. Items of one provider keep their rules'
 * order (the sort is stable).
 */
export function orderItems(items: readonly ReadinessItemRecord[]): ReadinessItemRecord[] {
  return [...items].sort(
    (a, b) =>
      rank(a.verdict) - rank(b.verdict) ||
      CATEGORY_SLUGS.indexOf(a.category) - CATEGORY_SLUGS.indexOf(b.category) ||
      (a.provider ? 1 : 0) - (b.provider ? 1 : 0) ||
      (a.provider?.name ?? "").localeCompare(b.provider?.name ?? "", "en"),
  );
}

/** Matches an item across snapshots: a rule says one thing per connection, or per category for store-wide lines. */
export const itemKey = (item: Pick<ReadinessItemRecord, "rule" | "category" | "provider">) =>
  `${item.rule}|${item.category}|${item.provider?.slug ?? ""}`;
