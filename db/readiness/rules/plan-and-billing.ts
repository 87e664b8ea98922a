import { expiryAgainstPeriod } from "./expiry";
import { connectionRule, type Finding } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("planAndBilling.title");

export const planAndBillingRule = connectionRule("plan-and-billing", (c, { period, nowMs, guidance }): Finding => {
  const provider = c.provider.name;
  if (c.billingState === "past_due") {
    return {
      verdict: "fail",
      title,
      reason: (w) => w.t("planAndBilling.pastDue", { provider }),
      action: guidance.forCause("provider-billing-issue", c.category) ?? ((w) => w.t("planAndBilling.pastDueAction", { provider })),
    };
  }
  const renew: ItemText = guidance.forCause("provider-plan-expiry", c.category) ?? ((w) => w.t("planAndBilling.renew", { provider }));
  if (c.billingState === "expired") {
    return { verdict: "fail", title, reason: (w) => w.t("planAndBilling.expired", { provider }), action: renew };
  }
  const plan = expiryAgainstPeriod(c.planExpiresAtMs, period, nowMs, "plan");
  if (!plan.lasts) return { verdict: "fail", title, reason: plan.text, action: renew };
  if (c.billingState === "unknown") {
    return {
      verdict: "warning",
      title,
      reason: (w) => w.t("planAndBilling.unknown", { plan: plan.text(w) }),
      action: guidance.action("check-first-billing-plan-kyc") ?? ((w) => w.t("planAndBilling.unknownAction")),
    };
  }
  if (c.billingState === "trial" && c.planExpiresAtMs === null) {
    return { verdict: "warning", title, reason: (w) => w.t("planAndBilling.trialWithoutEnd"), action: renew };
  }
  const billing = c.billingState === "trial" ? "planAndBilling.trial" : "planAndBilling.active";
  return { verdict: "pass", title, reason: (w) => w.t(billing, { plan: plan.text(w) }) };
});
