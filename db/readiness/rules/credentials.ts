import { expiryAgainstPeriod } from "./expiry";
import { connectionRule } from "./types";

const TITLE = "Credentials valid through the period";

export const credentialsRule = connectionRule("credentials-valid", (c, { period, nowMs, guidance }) => {
  const expiry = expiryAgainstPeriod(c.credentialExpiresAtMs, period, nowMs, { noun: "credentials (API key or login)", plural: true });
  return expiry.lasts
    ? { verdict: "pass", title: TITLE, reason: expiry.text }
    : {
        verdict: "fail",
        title: TITLE,
        reason: expiry.text,
        action: guidance.forCause("expired-authentication", c.category) ?? `Renew the credentials and reconnect ${c.provider.name} before the period starts.`,
      };
});
