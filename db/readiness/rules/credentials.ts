import { expiryAgainstPeriod } from "./expiry";
import { connectionRule, type Finding } from "./types";
import type { Phrase } from "./wording";

const title: Phrase = (w) => w.t("credentials.title");

export const credentialsRule = connectionRule("credentials-valid", (c, { period, nowMs, guidance }): Finding => {
  const expiry = expiryAgainstPeriod(c.credentialExpiresAtMs, period, nowMs, "credentials");
  return expiry.lasts
    ? { verdict: "pass", title, reason: expiry.text }
    : {
        verdict: "fail",
        title,
        reason: expiry.text,
        action: guidance.forCause("expired-authentication", c.category) ?? ((w) => w.t("credentials.action", { provider: c.provider.name })),
      };
});
