// What a merchant reads about why one of their connections fails, in plain words that
// name the provider. English only for now: every string sits here, keyed by cause slug
// and side, so that a translation can replace this one table. No database code, so the
// merchant pages' components can import it too (decision 009).

import type { CauseSide, CauseSlug } from "../schema/enums";

/** `{provider}` stands for the provider's name. */
export const CAUSE_SENTENCE_TEMPLATES = {
  "provider-downtime": "{provider} is having problems on its side.",
  "expired-authentication": "Your {provider} API token or login has expired.",
  "invalid-api-key": "The {provider} API key saved in ShopIQ is not valid.",
  "changed-account-access": "The password or access to your {provider} account has changed.",
  "missing-permissions": "ShopIQ is missing permissions it needs in your {provider} account.",
  "provider-billing-issue": "Your {provider} account has an unpaid bill or too low a balance.",
  "provider-plan-expiry": "Your {provider} plan or trial has ended.",
  "account-verification": "Your KYC or business verification at {provider} is not complete.",
  "policy-restriction": "{provider} has restricted your account or content under one of its policies.",
  "app-disconnected": "The ShopIQ app is disconnected from your {provider} account.",
  "connected-app-limit": "Your {provider} account has reached its limit of connected apps or API calls.",
  "incorrect-configuration": "A setting does not match between ShopIQ and your {provider} account.",
  "data-sync-delay": "Data between ShopIQ and {provider} is arriving late.",
  "provider-api-change": "{provider} changed its system, and the integration needs an update.",
  "network-or-technical-issue": "A network or technical fault is interrupting the connection to {provider}.",
} as const satisfies Record<CauseSlug, string>;

export function causeSentence(slug: CauseSlug, providerName: string): string {
  return CAUSE_SENTENCE_TEMPLATES[slug].replaceAll("{provider}", providerName);
}

/** Whose side a cause is on, as the merchant reads it next to the cause. */
export const CAUSE_SIDE_LABELS = {
  merchant: "Your account",
  provider: "The provider",
  unknown: "Not yet known",
} as const satisfies Record<CauseSide, string>;
