// The merchants' side of the demo: which providers a merchant uses, what can go wrong in
// their own accounts, and connection facts that agree with what is wrong right now.

import type { CategorySlug, CauseSlug } from "../schema/enums";
import type { ConnectionFacts } from "../schema/types";
import { REQUIRED_PERMISSIONS as PERMISSIONS } from "../readiness/required-permissions";
import { HOUR_MS, MINUTE_MS } from "../time";
import { between, pick, type Random } from "./random";

export interface Window {
  startMs: number;
  endMs: number;
}

export interface DemoProvider {
  id: number;
  slug: string;
  category: CategorySlug;
  position: number;
}

/** A stretch of time a connection fails for a reason in the merchant's own account. */
export interface Episode extends Window {
  cause: CauseSlug;
}

/** How likely a merchant is to use one, two… providers of a category. */
export const ADOPTION: Record<CategorySlug, number[]> = {
  payments: [1, 0.25],
  logistics: [0.85, 0.2],
  messaging: [0.65, 0.1],
  analytics: [0.85, 0.45, 0.1],
  advertising: [0.55, 0.35],
  marketplaces: [0.3, 0.12],
};

export const MERCHANT_SIDE_CAUSES: Record<CategorySlug, CauseSlug[]> = {
  payments: ["expired-authentication", "invalid-api-key", "account-verification", "policy-restriction", "incorrect-configuration"],
  logistics: ["expired-authentication", "provider-billing-issue", "incorrect-configuration", "changed-account-access"],
  messaging: ["provider-plan-expiry", "policy-restriction", "missing-permissions", "expired-authentication", "connected-app-limit"],
  analytics: ["incorrect-configuration", "missing-permissions", "app-disconnected"],
  advertising: ["provider-billing-issue", "policy-restriction", "expired-authentication", "missing-permissions"],
  marketplaces: ["expired-authentication", "app-disconnected", "connected-app-limit", "changed-account-access"],
};

export function httpStatusOfCause(cause: CauseSlug | null): number | null {
  switch (cause) {
    case "expired-authentication":
    case "invalid-api-key":
    case "changed-account-access":
      return 401;
    case "missing-permissions":
    case "policy-restriction":
    case "account-verification":
      return 403;
    case "provider-billing-issue":
    case "provider-plan-expiry":
      return 402;
    case "connected-app-limit":
      return 429;
    case "provider-downtime":
      return 503;
    default:
      return null;
  }
}

/** A connection's facts, consistent with what is wrong with it right now. */
export function connectionFacts(random: Random, nowMs: number, merchantId: number, p: DemoProvider, episode: Episode | null) {
  const days = (n: number) => new Date(nowMs + n * 24 * HOUR_MS);
  const ongoing = episode !== null && episode.endMs === Number.POSITIVE_INFINITY ? episode.cause : null;
  const facts: ConnectionFacts = {};
  if (p.category === "payments") {
    facts.enabledPaymentMethods = ["upi", "card", "netbanking", ...(random() < 0.6 ? ["wallet"] : [])];
    facts.settlementAlerts = random() < 0.7;
  } else if (p.category === "logistics") {
    facts.pickupAddressVerified = ongoing !== "incorrect-configuration";
    facts.serviceablePincodes = Math.round(between(random, 8_000, 24_000));
    facts.walletBalanceInr = ongoing === "provider-billing-issue" ? 0 : Math.round(between(random, 200, 25_000));
    facts.codEnabled = random() < 0.75;
  } else if (p.category === "messaging") {
    facts.phoneNumberStatus = ongoing === "policy-restriction" ? "restricted" : "connected";
    facts.templatesApproved = Math.round(between(random, 3, 25));
    facts.templatesPending = random() < 0.3 ? Math.round(between(random, 1, 4)) : 0;
    facts.dailyMessagingLimit = pick(random, [1_000, 10_000, 100_000]);
    facts.consentCollection = random() < 0.85;
  } else if (p.category === "marketplaces") {
    facts.lastSuccessfulSyncAt = new Date(ongoing ? episode!.startMs : nowMs - between(random, 5, 90) * MINUTE_MS).toISOString();
  }
  const permissions = PERMISSIONS[p.category];
  return {
    merchantId,
    providerId: p.id,
    state: ongoing === "app-disconnected" ? ("disconnected" as const) : ("connected" as const),
    credentialExpiresAt: ongoing === "expired-authentication" ? new Date(episode!.startMs) : random() < 0.3 ? null : days(between(random, 15, 400)),
    billingState:
      ongoing === "provider-plan-expiry" ? ("expired" as const) : ongoing === "provider-billing-issue" ? ("past_due" as const) : ("active" as const),
    planExpiresAt: ongoing === "provider-plan-expiry" ? new Date(episode!.startMs) : p.category === "messaging" ? days(between(random, 5, 365)) : null,
    verificationState:
      ongoing === "account-verification"
        ? ("pending" as const)
        : p.category === "payments" || p.category === "messaging"
          ? ("verified" as const)
          : ("not_required" as const),
    permissions: ongoing === "missing-permissions" ? permissions.slice(0, 1) : permissions,
    usageLimitPerDay: p.category === "messaging" ? (facts.dailyMessagingLimit ?? null) : null,
    facts,
  };
}

