import { connectionRule, type Finding } from "./types";

const TITLE = "Healthy now";

export const healthyNowRule = connectionRule("healthy-now", (c, { guidance }): Finding => {
  const { checkState, lastCause } = c.health;
  const causeWords = lastCause ? ` The latest failure was classified as “${guidance.causeName(lastCause)}”.` : "";
  const fix = () => (lastCause ? guidance.forCause(lastCause, c.category) : undefined) ?? guidance.action("check-first-known-outage");
  switch (checkState) {
    case "ok":
      return { verdict: "pass", title: TITLE, reason: "ShopIQ's latest checks of this connection succeed." };
    case "down":
      return {
        verdict: "fail",
        title: TITLE,
        reason: `ShopIQ's checks of this connection are failing right now.${causeWords}`,
        action: fix() ?? "Find out why the connection fails and fix it before the period starts.",
      };
    case "degraded":
      return {
        verdict: "warning",
        title: TITLE,
        reason: `This connection is working but slow or partly failing right now.${causeWords}`,
        action: fix() ?? "Watch the connection and test one order before the period starts.",
      };
    case "unknown":
    case null:
      return {
        verdict: "warning",
        title: TITLE,
        reason: "Not checked yet: ShopIQ has no confirmed result for this connection.",
        action: guidance.action("check-first-test-one") ?? "Test with one order or one message before the period starts.",
      };
  }
});
