// The demo merchants' tokens say what is wrong with their account, so the simulated
// provider can answer each one the way the real provider answers such an account.

import type { CauseSlug } from "../../db/schema/enums";

export const DEMO_TOKEN_PREFIX = "demo";

/** Causes a demo connection can be failing with, as the provider would show them. */
const ANSWERS: Partial<Record<CauseSlug, { status: number; code: string; message: string }>> = {
  "expired-authentication": { status: 401, code: "TOKEN_EXPIRED", message: "Token has expired" },
  "invalid-api-key": { status: 401, code: "BAD_REQUEST_ERROR", message: "The api key provided is invalid" },
  "changed-account-access": { status: 401, code: "SESSION_INVALIDATED", message: "Password changed: session invalidated" },
  "missing-permissions": { status: 403, code: "PERMISSION_DENIED", message: "The app does not have the required permission" },
  "policy-restriction": { status: 403, code: "ACCOUNT_RESTRICTED", message: "Your account has been restricted for policy violations" },
  "provider-billing-issue": { status: 402, code: "INSUFFICIENT_BALANCE", message: "Insufficient wallet balance" },
  "provider-plan-expiry": { status: 402, code: "PLAN_EXPIRED", message: "Your subscription plan has expired" },
  "account-verification": { status: 400, code: "BAD_REQUEST_ERROR", message: "Your account is not activated. Complete KYC to go live" },
  "connected-app-limit": { status: 429, code: "APP_LIMIT", message: "Too many connected apps for this account" },
  "incorrect-configuration": { status: 400, code: "INVALID_PICKUP_LOCATION", message: "Pickup location is not verified" },
  "app-disconnected": { status: 401, code: "APP_UNINSTALLED", message: "The app has been uninstalled by the account owner" },
};

export function demoToken(state: CauseSlug | "ok", connectionId: number): string {
  return `${DEMO_TOKEN_PREFIX}.${state}.${connectionId}`;
}

export function demoTokenState(token: string): string {
  const [prefix, state] = token.split(".");
  return prefix === DEMO_TOKEN_PREFIX && state ? state : "invalid-api-key";
}

export function errorForState(provider: string, state: string): { status: number; body: unknown } | null {
  if (state === "ok") return null;
  const answer = ANSWERS[state as CauseSlug] ?? ANSWERS["invalid-api-key"]!;
  return { status: answer.status, body: { error: { code: answer.code, description: answer.message, source: provider } } };
}
