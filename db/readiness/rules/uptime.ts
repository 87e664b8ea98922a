import type { CauseCounts } from "../../schema/types";
import { CAUSE_SLUGS, type CauseSlug } from "../../schema/enums";
import { UPTIME_FAIL_BELOW_PERCENT, UPTIME_WARNING_BELOW_PERCENT, UPTIME_WINDOW_DAYS } from "../thresholds";
import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("uptime.title", { days: w.count(UPTIME_WINDOW_DAYS) });

/** The cause behind most failures, the first in the fixed list on a tie. */
function mostFrequentCause(counts: CauseCounts): CauseSlug | null {
  let top: CauseSlug | null = null;
  for (const cause of CAUSE_SLUGS) if ((counts[cause] ?? 0) > (top ? (counts[top] ?? 0) : 0)) top = cause;
  return top;
}

export const uptimeRule = connectionRule("uptime-30-days", (c, { guidance }) => {
  const { up, counted } = c.health.uptime30Days;
  const days = (w: Parameters<Phrase>[0]) => w.count(UPTIME_WINDOW_DAYS);
  if (counted === 0) {
    return {
      verdict: "warning",
      title,
      reason: (w) => w.t("uptime.noResults", { days: days(w) }),
      action: guidance.action("check-first-test-one") ?? ((w) => w.t("healthyNow.testOne")),
    };
  }
  const measured: Phrase = (w) => w.t("uptime.measured", { percent: w.percentOf(up, counted), checks: w.count(counted), days: days(w) });
  // Whole numbers on both sides: a ratio of floats can land a hair below a threshold it meets.
  const below = (percentThreshold: number) => up * 100 < counted * percentThreshold;
  if (!below(UPTIME_WARNING_BELOW_PERCENT)) {
    return { verdict: "pass", title, reason: (w) => w.t("uptime.pass", { measured: measured(w), threshold: w.percent(UPTIME_WARNING_BELOW_PERCENT) }) };
  }
  const cause = mostFrequentCause(c.health.failureCauses30Days);
  const action: ItemText = (cause ? guidance.forCause(cause, c.category) : undefined) ?? ((w) => w.t("uptime.action"));
  const threshold = below(UPTIME_FAIL_BELOW_PERCENT) ? UPTIME_FAIL_BELOW_PERCENT : UPTIME_WARNING_BELOW_PERCENT;
  const reason: Phrase = (w) => {
    const sentence = w.t("uptime.below", { measured: measured(w), threshold: w.percent(threshold) });
    return cause ? `${sentence} ${w.t("uptime.mostFrequentCause", { cause: w.localize(guidance.causeName(cause)) })}` : sentence;
  };
  return { verdict: below(UPTIME_FAIL_BELOW_PERCENT) ? "fail" : "warning", title, reason, action };
});
