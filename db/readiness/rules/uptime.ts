import type { CauseCounts } from "../../schema/types";
import { CAUSE_SLUGS, type CauseSlug } from "../../schema/enums";
import { UPTIME_FAIL_BELOW_PERCENT, UPTIME_WARNING_BELOW_PERCENT, UPTIME_WINDOW_DAYS } from "../thresholds";
import { connectionRule } from "./types";
import { count, percentOf } from "./wording";

const TITLE = `Uptime over the last ${UPTIME_WINDOW_DAYS} days`;

/** The cause behind most failures, the first in the fixed list on a tie. */
function mostFrequentCause(counts: CauseCounts): CauseSlug | null {
  let top: CauseSlug | null = null;
  for (const cause of CAUSE_SLUGS) if ((counts[cause] ?? 0) > (top ? (counts[top] ?? 0) : 0)) top = cause;
  return top;
}

export const uptimeRule = connectionRule("uptime-30-days", (c, { guidance }) => {
  const { up, counted } = c.health.uptime30Days;
  if (counted === 0) {
    return {
      verdict: "warning",
      title: TITLE,
      reason: `No check results in the last ${UPTIME_WINDOW_DAYS} days, so ShopIQ cannot tell how reliable this connection has been.`,
      action: guidance.action("check-first-test-one") ?? "Test with one order or one message before the period starts.",
    };
  }
  const measured = `${percentOf(up, counted)} of ${count(counted)} checks succeeded in the last ${UPTIME_WINDOW_DAYS} days`;
  // Whole numbers on both sides: a ratio of floats can land a hair below a threshold it meets.
  const below = (percentThreshold: number) => up * 100 < counted * percentThreshold;
  if (!below(UPTIME_WARNING_BELOW_PERCENT)) {
    return { verdict: "pass", title: TITLE, reason: `${measured} (at least ${UPTIME_WARNING_BELOW_PERCENT}% is needed).` };
  }
  const cause = mostFrequentCause(c.health.failureCauses30Days);
  const action =
    (cause ? guidance.forCause(cause, c.category) : undefined) ??
    "Look at this connection's recent failures and fix the most frequent cause before the period starts.";
  const causeText = cause ? ` Most failures were classified as “${guidance.causeName(cause)}”.` : "";
  return below(UPTIME_FAIL_BELOW_PERCENT)
    ? { verdict: "fail", title: TITLE, reason: `${measured}, below ${UPTIME_FAIL_BELOW_PERCENT}%.${causeText}`, action }
    : { verdict: "warning", title: TITLE, reason: `${measured}, below ${UPTIME_WARNING_BELOW_PERCENT}%.${causeText}`, action };
});
