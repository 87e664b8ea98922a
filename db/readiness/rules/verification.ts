import { connectionRule, type Finding } from "./types";

const TITLE = "Verification (KYC)";

export const verificationRule = connectionRule("verification", (c, { guidance }): Finding => {
  const action = guidance.forCause("account-verification", c.category) ?? `Complete the verification in your ${c.provider.name} dashboard.`;
  switch (c.verificationState) {
    case "verified":
      return { verdict: "pass", title: TITLE, reason: "The account is verified." };
    case "not_required":
      return { verdict: "pass", title: TITLE, reason: `${c.provider.name} does not require verification for this account.` };
    case "rejected":
      return { verdict: "fail", title: TITLE, reason: `${c.provider.name} rejected the account's verification.`, action };
    case "pending":
      // An unverified gateway cannot take live payments or settle them; elsewhere it usually means limits.
      return c.category === "payments"
        ? { verdict: "fail", title: TITLE, reason: "Verification (KYC) is still pending: the gateway may not accept or settle live payments.", action }
        : { verdict: "warning", title: TITLE, reason: "Verification is still pending; the provider may limit the account until it is done.", action };
    case "unknown":
      return { verdict: "warning", title: TITLE, reason: "ShopIQ cannot see whether this account is verified.", action };
  }
});
