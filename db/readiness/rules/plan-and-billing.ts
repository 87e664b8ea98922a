import { expiryAgainstPeriod } from "./expiry";
import { connectionRule, type Finding } from "./types";

const TITLE = "Plan and billing";

export const planAndBillingRule = connectionRule("plan-and-billing", (c, { period, nowMs, guidance }): Finding => {
  if (c.billingState === "past_due") {
    return {
      verdict: "fail",
      title: TITLE,
      reason: `A payment to ${c.provider.name} is overdue; the provider may limit or stop the account.`,
      action: guidance.forCause("provider-billing-issue", c.category) ?? `Pay the overdue invoice in your ${c.provider.name} billing page.`,
    };
  }
  const renew = guidance.forCause("provider-plan-expiry", c.category) ?? `Renew your ${c.provider.name} plan before the period starts.`;
  if (c.billingState === "expired") {
    return { verdict: "fail", title: TITLE, reason: `Your ${c.provider.name} plan has expired.`, action: renew };
  }
  const plan = expiryAgainstPeriod(c.planExpiresAtMs, period, nowMs, { noun: "plan", plural: false });
  if (!plan.lasts) return { verdict: "fail", title: TITLE, reason: plan.text, action: renew };
  if (c.billingState === "unknown") {
    return {
      verdict: "warning",
      title: TITLE,
      reason: `ShopIQ cannot see the billing state of this account. ${plan.text}`,
      action: guidance.action("check-first-billing-plan-kyc") ?? "Check the billing and plan of your provider account.",
    };
  }
  if (c.billingState === "trial" && c.planExpiresAtMs === null) {
    return { verdict: "warning", title: TITLE, reason: "The account is on a trial with no end date recorded; trials end.", action: renew };
  }
  return { verdict: "pass", title: TITLE, reason: `Billing is ${c.billingState === "trial" ? "on a trial" : "active"}. ${plan.text}` };
});
