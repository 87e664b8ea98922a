import { connectionRule, type Finding } from "./types";
import type { Phrase } from "./wording";

const title: Phrase = (w) => w.t("healthyNow.title");

export const healthyNowRule = connectionRule("healthy-now", (c, { guidance }): Finding => {
  const { checkState, lastCause } = c.health;
  const withCause = (state: "healthyNow.down" | "healthyNow.degraded"): Phrase => (w) =>
    lastCause ? `${w.t(state)} ${w.t("healthyNow.latestCause", { cause: w.localize(guidance.causeName(lastCause)) })}` : w.t(state);
  const fix = () => (lastCause ? guidance.forCause(lastCause, c.category) : undefined) ?? guidance.action("check-first-known-outage");
  switch (checkState) {
    case "ok":
      return { verdict: "pass", title, reason: (w) => w.t("healthyNow.pass") };
    case "down":
      return { verdict: "fail", title, reason: withCause("healthyNow.down"), action: fix() ?? ((w) => w.t("healthyNow.downAction")) };
    case "degraded":
      return { verdict: "warning", title, reason: withCause("healthyNow.degraded"), action: fix() ?? ((w) => w.t("healthyNow.degradedAction")) };
    case "unknown":
    case null:
      return {
        verdict: "warning",
        title,
        reason: (w) => w.t("healthyNow.unknown"),
        action: guidance.action("check-first-test-one") ?? ((w) => w.t("healthyNow.testOne")),
      };
  }
});
