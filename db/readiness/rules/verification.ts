import { connectionRule, type Finding } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("verification.title");

export const verificationRule = connectionRule("verification", (c, { guidance }): Finding => {
  const provider = c.provider.name;
  const action: ItemText = guidance.forCause("account-verification", c.category) ?? ((w) => w.t("verification.action", { provider }));
  switch (c.verificationState) {
    case "verified":
      return { verdict: "pass", title, reason: (w) => w.t("verification.verified") };
    case "not_required":
      return { verdict: "pass", title, reason: (w) => w.t("verification.notRequired", { provider }) };
    case "rejected":
      return { verdict: "fail", title, reason: (w) => w.t("verification.rejected", { provider }), action };
    case "pending":
      // An unverified gateway cannot take live payments or settle them; elsewhere it usually means limits.
      return c.category === "payments"
        ? { verdict: "fail", title, reason: (w) => w.t("verification.pendingPayments"), action }
        : { verdict: "warning", title, reason: (w) => w.t("verification.pending"), action };
    case "unknown":
      return { verdict: "warning", title, reason: (w) => w.t("verification.unknown"), action };
  }
});
