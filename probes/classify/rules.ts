// What individual providers mean by their error codes and messages, as data. A status code
// alone cannot tell an unactivated Razorpay account from a wrong parameter (both are 400),
// nor an expired Meta token from a bad request (Meta answers both with 400), so these
// rules are read before the generic status mapping. Adding a provider's wording is a new
// row here, never a new branch in code.
//
// Wordings marked "loose" are ones we have not seen verbatim in the provider's docs or in
// our own logs: the pattern accepts the likely variants rather than one exact sentence.

import type { CauseSlug } from "../../db/schema/enums";
import type { ResponseFacts } from "./extract";

export interface ClassificationRule {
  /** Provider slugs the rule applies to, or ["*"] for every provider. */
  providers: readonly string[];
  /** HTTP statuses the rule applies to; any status, or none at all, when absent. */
  status?: readonly number[];
  /** Regular-expression source that must match the whole error code, case-insensitively. */
  code?: string;
  /** Regular-expression source that must match the whole subcode (Meta error_subcode, Google reason). */
  subcode?: string;
  /** Regular-expression source searched for in the message, case-insensitively. */
  message?: string;
  cause: CauseSlug;
}

const ANY_PROVIDER = ["*"];
const PAYMENT_GATEWAYS = ["razorpay", "cashfree", "phonepe-pg", "payu", "paytm-pg", "ccavenue", "instamojo"];
const COURIERS = ["shiprocket", "delhivery", "blue-dart", "xpressbees", "dtdc", "ecom-express", "shadowfax"];
const META = ["meta-whatsapp-cloud-api", "meta-pixel", "meta-ads"];
const WHATSAPP_PARTNERS = ["gupshup", "interakt", "wati", "aisensy", "msg91"];
// The partners relay Meta's WhatsApp error codes, which are unique to WhatsApp.
const WHATSAPP = ["meta-whatsapp-cloud-api", ...WHATSAPP_PARTNERS];
const GOOGLE = ["google-analytics-4", "google-ads", "google-merchant-center"];
const MARKETPLACES = ["amazon-seller-central", "flipkart-seller-hub", "meesho-supplier-panel", "myntra-partner-portal"];

export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  // ── Razorpay ─────────────────────────────────────────────────────────────────────────
  // Verbatim for an unknown key id: {"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid"}}.
  { providers: ["razorpay"], message: "api key provided is invalid", cause: "invalid-api-key" },
  // Loose: only OAuth (partner) tokens expire at Razorpay, and we have not seen their exact text.
  { providers: ["razorpay"], message: "(access token|token|key).{0,30}expired|expired.{0,20}(token|key)", cause: "expired-authentication" },
  // Loose: a product (Payment Links, Subscriptions, Route) that is not switched on for the account.
  { providers: ["razorpay"], message: "feature.{0,40}not (enabled|activated)|not enabled for (this|your) (merchant|account)", cause: "incorrect-configuration" },

  // ── Payment gateways (Razorpay, Cashfree, PayU, PhonePe, Paytm, CCAvenue, Instamojo) ──
  // PhonePe's codes for a wrong salt key or a failed X-VERIFY checksum.
  { providers: PAYMENT_GATEWAYS, code: "KEY_NOT_CONFIGURED|AUTHORIZATION_FAILED", cause: "invalid-api-key" },
  // Cashfree: {"message":"authentication Failed","code":"request_failed","type":"authentication_error"}.
  { providers: PAYMENT_GATEWAYS, subcode: "authentication_error", cause: "invalid-api-key" },
  // PayU "Invalid Hash." and Paytm "Checksum provided is invalid" both mean the saved salt
  // or merchant key is wrong, since ShopIQ computes them from it. Cashfree Payouts answers
  // "Token is not valid" with a 403, which the generic mapping would call a permission.
  // Loose beyond those.
  {
    providers: PAYMENT_GATEWAYS,
    message:
      "authentication failed|token is (not valid|invalid)|invalid (api |merchant |client |secret )?(key|secret|salt|token|credentials?)\\b|(api key|secret|salt).{0,20}(is )?invalid|invalid (hash|checksum)|checksum.{0,30}(invalid|mismatch)",
    cause: "invalid-api-key",
  },
  // Cashfree Payouts answers "IP not whitelisted" when the server's address is not registered.
  { providers: PAYMENT_GATEWAYS, message: "ip.{0,30}not whitelisted|whitelist", cause: "incorrect-configuration" },
  // Loose: "Merchant not found", "Invalid merchant", "Invalid MID", "MID is invalid".
  {
    providers: PAYMENT_GATEWAYS,
    message: "merchant.{0,20}(not found|does not exist|doesn't exist)|invalid (merchant|mid)\\b|\\bmid\\b.{0,20}invalid|merchant id.{0,20}(invalid|incorrect)",
    cause: "incorrect-configuration",
  },
  // Loose: "Your account is not activated for live mode", "KYC pending", "activation under review".
  {
    providers: PAYMENT_GATEWAYS,
    message: "\\bkyc\\b|not (yet )?(been )?activated|activation.{0,20}(pending|incomplete|under review)|complete (your )?activation|pending (activation|verification)",
    cause: "account-verification",
  },
  // Loose: "Merchant is blocked", "account has been suspended", "settlements on hold".
  {
    providers: PAYMENT_GATEWAYS,
    message: "(merchant|account).{0,30}(blocked|suspended|deactivated|disabled|on hold)|(blocked|suspended|deactivated) (merchant|account)",
    cause: "policy-restriction",
  },

  // ── Couriers (Shiprocket, Delhivery, Blue Dart, Xpressbees, DTDC, Ecom Express, Shadowfax) ──
  // Shiprocket's JWT answers "Token has expired"; Delhivery-style APIs "Token Expired".
  { providers: COURIERS, message: "token.{0,20}expired|expired token|jwt expired", cause: "expired-authentication" },
  // Loose: Shiprocket logs in with an API user's email and password, so a failed login
  // means someone changed that user's password or removed the user.
  {
    providers: COURIERS,
    message: "email and password|invalid login credentials|(wrong|invalid|incorrect) password|password.{0,20}(changed|incorrect|wrong)",
    cause: "changed-account-access",
  },
  // Loose: "Insufficient balance in wallet", "Please recharge your wallet".
  { providers: COURIERS, message: "insufficient.{0,20}balance|wallet|recharge|low balance", cause: "provider-billing-issue" },
  // "ClientWarehouse matching query does not exist" is Delhivery's answer for a pickup
  // location name it does not know; the rest is loose.
  {
    providers: COURIERS,
    message: "pick ?up (location|address)|clientwarehouse matching query does not exist|warehouse.{0,30}(not found|does not exist|invalid)",
    cause: "incorrect-configuration",
  },
  // Loose: "Delivery postcode not serviceable", "Non serviceable pincode".
  {
    providers: COURIERS,
    message: "(pin ?code|post ?code).{0,30}(not|non)[- ]?serviceable|(not|non)[- ]?serviceable.{0,30}(pin ?code|post ?code)|no courier.{0,30}serviceable",
    cause: "incorrect-configuration",
  },

  // ── Meta Graph API (WhatsApp Cloud API, Pixel / Conversions API, Ads) ────────────────
  // Code 190 is every access-token problem; its subcode says which one.
  // 460: "The session has been invalidated because the user changed their password…".
  { providers: META, code: "190", subcode: "460", cause: "changed-account-access" },
  { providers: META, code: "190", message: "changed (their|the|your) password|session has been invalidated", cause: "changed-account-access" },
  // 458: "User … has not authorized application …": the app was removed from the account.
  { providers: META, code: "190", subcode: "458", cause: "app-disconnected" },
  { providers: META, message: "has not authori[sz]ed application|app.{0,20}(uninstalled|not installed)", cause: "app-disconnected" },
  // 459: the user is checkpointed: Facebook locked the login until its owner signs in again.
  { providers: META, code: "190", subcode: "459", cause: "changed-account-access" },
  // 464: the user has not confirmed their account.
  { providers: META, code: "190", subcode: "464", cause: "account-verification" },
  // 190 otherwise (463 expired, 467 invalid) and 102 (API session) ask for a new login.
  { providers: META, code: "190|102", cause: "expired-authentication" },
  // 2635: a deprecated Marketing API version; 12: a deprecated field or edge.
  { providers: META, code: "2635|12", cause: "provider-api-change" },
  // 3 capability, 10 permission denied, 200–299 (294 ads_management and the like) permissions.
  { providers: META, code: "3|10|2\\d\\d", cause: "missing-permissions" },
  // 368: "Temporarily blocked for policies violations".
  { providers: META, code: "368", cause: "policy-restriction" },
  // 4, 17, 32, 613: app, user, page and hourly call limits; 80000–80014: business use-case limits (80007 WhatsApp).
  { providers: META, code: "4|17|32|613|800(0\\d|1[0-4])", cause: "connected-app-limit" },
  // 2: "Service temporarily unavailable", Meta's own outage code.
  { providers: META, code: "2", cause: "provider-downtime" },
  // Loose: ad accounts disabled for an unpaid balance or a failed card; Meta's wording varies.
  { providers: META, message: "payment method|unsettled|unpaid|outstanding balance|billing", cause: "provider-billing-issue" },
  // Loose: an ad account disabled or restricted for a policy reason.
  { providers: META, message: "ad account.{0,40}(disabled|restricted|closed)|violat", cause: "policy-restriction" },

  // ── WhatsApp codes, from Meta directly or relayed by Gupshup, Interakt, Wati, AiSensy, MSG91 ──
  // 130429 throughput, 131056 pair rate limit, 80007 account rate limit.
  { providers: WHATSAPP, code: "130429|131056|80007", cause: "connected-app-limit" },
  // 368 policy block, 131031 account locked, 130497 country restricted, 131048 spam limit,
  // 132015 template paused, 132016 template disabled.
  { providers: WHATSAPP, code: "368|131031|130497|131048|132015|132016", cause: "policy-restriction" },
  // 131042: "Business eligibility payment issue".
  { providers: WHATSAPP, code: "131042", cause: "provider-billing-issue" },
  // Loose: 131037, display name approval needed before sending; we are unsure of the number.
  { providers: WHATSAPP, code: "131037", cause: "account-verification" },
  // 133010 phone number not registered, 131045 certificate, 132000/132001 template parameters or name.
  { providers: WHATSAPP, code: "133010|131045|132000|132001", cause: "incorrect-configuration" },
  { providers: WHATSAPP, message: "template.{0,40}(rejected|paused|disabled|disapproved)", cause: "policy-restriction" },

  // ── WhatsApp partners (Gupshup, Interakt, Wati, AiSensy, MSG91) ───────────────────────
  // Loose: partners word plan and wallet problems each their own way.
  {
    providers: WHATSAPP_PARTNERS,
    message: "(plan|subscription|trial|package|validity).{0,30}(expired|ended|lapsed)|(expired|inactive) (plan|subscription)|renew (your )?(plan|subscription)",
    cause: "provider-plan-expiry",
  },
  {
    providers: WHATSAPP_PARTNERS,
    message: "insufficient.{0,20}(credits?|balance)|wallet|low balance|recharge|credits? (exhausted|over)",
    cause: "provider-billing-issue",
  },
  // Gupshup answers "Portal User Not Found With APIKey" for an unknown key; the rest is loose.
  {
    providers: WHATSAPP_PARTNERS,
    message: "portal user not found with api ?key|invalid api ?key|api ?key.{0,20}invalid|authentication failed|invalid (access )?token",
    cause: "invalid-api-key",
  },
  // Loose: AiSensy's API sends only through campaigns that are live in its dashboard.
  { providers: ["aisensy"], message: "campaign.{0,20}not (live|active|found)", cause: "incorrect-configuration" },

  // ── Google (Analytics 4, Ads, Merchant Center) ───────────────────────────────────────
  // Google Ads errorCode values and Google ErrorInfo reasons.
  { providers: GOOGLE, subcode: "OAUTH_TOKEN_EXPIRED|ACCESS_TOKEN_EXPIRED", cause: "expired-authentication" },
  { providers: GOOGLE, subcode: "OAUTH_TOKEN_REVOKED", cause: "app-disconnected" },
  { providers: GOOGLE, subcode: "OAUTH_TOKEN_INVALID|OAUTH_TOKEN_HEADER_INVALID", cause: "invalid-api-key" },
  { providers: GOOGLE, subcode: "USER_PERMISSION_DENIED|ACCESS_TOKEN_SCOPE_INSUFFICIENT", cause: "missing-permissions" },

  // ── Amazon SP-API ────────────────────────────────────────────────────────────────────
  // Loose: SP-API answers code "Unauthorized" for both; only the message tells an expired token apart.
  { providers: ["amazon-seller-central"], code: "Unauthorized", message: "expired", cause: "expired-authentication" },
  // "Access to requested resource is denied.": the app lacks the role, or the seller has not granted it.
  { providers: ["amazon-seller-central"], code: "Unauthorized", cause: "missing-permissions" },
  { providers: ["amazon-seller-central"], code: "QuotaExceeded", cause: "connected-app-limit" },
  { providers: ["amazon-seller-central"], code: "InvalidInput", cause: "incorrect-configuration" },

  // ── Marketplaces (Amazon, Flipkart, Meesho, Myntra; Shopify-style app platforms) ─────
  // Loose: we have not seen Flipkart's, Meesho's or Myntra's exact wording.
  {
    providers: MARKETPLACES,
    message: "app.{0,20}uninstalled|access (has been |was )?revoked|(token|authori[sz]ation|consent).{0,20}revoked|(app|application).{0,20}(removed|deauthori[sz]ed|disconnected)",
    cause: "app-disconnected",
  },
  {
    providers: MARKETPLACES,
    message: "password.{0,20}changed|changed.{0,20}password|session.{0,20}invalidated|invalidated.{0,20}session",
    cause: "changed-account-access",
  },

  // ── Any provider ─────────────────────────────────────────────────────────────────────
  // Our own connection check says this when the merchant has no credential saved.
  { providers: ANY_PROVIDER, message: "no credential (is )?(stored|saved)", cause: "app-disconnected" },
  // Plan expiry before token expiry: "Your plan has expired" is not a login problem.
  {
    providers: ANY_PROVIDER,
    message: "(plan|subscription|trial).{0,30}(expired|ended|lapsed)|(expired|lapsed) (plan|subscription|trial)",
    cause: "provider-plan-expiry",
  },
  {
    providers: ANY_PROVIDER,
    message: "app(lication)? (has been |was )?(uninstalled|disconnected)|app.{0,20}not installed|integration (has been |was )?(removed|disconnected)",
    cause: "app-disconnected",
  },
  // OAuth's invalid_grant: the refresh token expired or was revoked; both need a new login.
  { providers: ANY_PROVIDER, code: "invalid_grant", cause: "expired-authentication" },
  {
    providers: ANY_PROVIDER,
    message: "(access|authori[sz]ation|consent|token|grant) (has been |was )?revoked",
    cause: "app-disconnected",
  },
  {
    providers: ANY_PROVIDER,
    message: "too many (connected )?(apps|applications|integrations)|\\bapps? limit|maximum (number of )?(connected )?(apps|applications|integrations)",
    cause: "connected-app-limit",
  },
  { providers: ANY_PROVIDER, message: "\\bkyc\\b|business verification|verification (is )?(pending|incomplete|rejected)", cause: "account-verification" },
  {
    providers: ANY_PROVIDER,
    message: "password (was |has been )?changed|changed (their|the|your) password|session (has been |was )?invalidated",
    cause: "changed-account-access",
  },
  {
    providers: ANY_PROVIDER,
    message: "\\bsync.{0,20}delay|delay.{0,20}\\bsync|processing delay|delayed processing",
    cause: "data-sync-delay",
  },
  // "Insufficient funds" is left out on purpose: at a payment gateway it is the buyer's card.
  {
    providers: ANY_PROVIDER,
    message: "insufficient (wallet |account )?(balance|credits?)|wallet balance|low balance|invoice.{0,20}(overdue|unpaid)|(unpaid|overdue) (invoice|dues|bill)",
    cause: "provider-billing-issue",
  },
  {
    providers: ANY_PROVIDER,
    message: "(token|session|key|credential|jwt|signature|login).{0,40}expired|expired.{0,20}(token|session|key|credential)",
    cause: "expired-authentication",
  },
  {
    providers: ANY_PROVIDER,
    message: "deprecated|no longer supported|has been (retired|sunset)|api version.{0,40}(retired|sunset|not supported)",
    cause: "provider-api-change",
  },
  {
    providers: ANY_PROVIDER,
    message: "(merchant|seller|account|business).{0,30}(suspended|blocked|banned|deactivated)|polic(y|ies) violation|violat(es|ed|ion).{0,30}polic",
    cause: "policy-restriction",
  },
];

/** The first rule that matches this provider's answer, in table order. */
export function findMatchingRule(
  providerSlug: string,
  facts: ResponseFacts,
  rules: readonly ClassificationRule[] = CLASSIFICATION_RULES,
): ClassificationRule | undefined {
  return rules.find(
    (rule) =>
      (rule.providers.includes("*") || rule.providers.includes(providerSlug)) &&
      (rule.status === undefined || (facts.status !== undefined && rule.status.includes(facts.status))) &&
      matchesWhole(rule.code, facts.code) &&
      matchesWhole(rule.subcode, facts.subcode) &&
      (rule.message === undefined || (facts.message !== undefined && pattern(rule.message, "").test(facts.message))),
  );
}

function matchesWhole(source: string | undefined, value: string | undefined): boolean {
  if (source === undefined) return true;
  return value !== undefined && pattern(source, "whole").test(value);
}

// Compiled once per source: the table is fixed, and a probe run classifies many answers.
const compiledPatterns = new Map<string, RegExp>();

function pattern(source: string, anchoring: "whole" | ""): RegExp {
  const key = `${anchoring}:${source}`;
  let compiled = compiledPatterns.get(key);
  if (compiled === undefined) {
    compiled = new RegExp(anchoring === "whole" ? `^(?:${source})$` : source, "i");
    compiledPatterns.set(key, compiled);
  }
  return compiled;
}
