import { describe, expect, it } from "vitest";
import type { CauseSlug } from "../../db/schema/enums";
import type { FailureEvidence } from "../types";
import { classifyFailure } from "./index";

const json = (value: unknown): string => JSON.stringify(value);
const http = (status: number, body: unknown): FailureEvidence => ({ kind: "http", status, body: typeof body === "string" ? body : json(body) });
const reported = (fields: { status?: number; errorCode?: string; message?: string }): FailureEvidence => ({ kind: "reported", ...fields });

type Case = [provider: string, description: string, evidence: FailureEvidence, cause: CauseSlug];

const razorpayError = (description: string, code = "BAD_REQUEST_ERROR") => ({
  error: { code, description, source: "NA", step: "NA", reason: "NA", metadata: {} },
});
const metaError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: { message, type: "OAuthException", code, fbtrace_id: "AbXf1Yq2Zk9", ...extra },
});
const googleError = (code: number, status: string, message: string, errorCode?: Record<string, string>) => ({
  error: {
    code,
    message,
    status,
    ...(errorCode && {
      details: [{ "@type": "type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure", errors: [{ errorCode, message }] }],
    }),
  },
});
const spApiError = (code: string, message: string, details = "") => ({ errors: [{ code, message, details }] });

function expectCauses(cases: Case[]): void {
  it.each(cases)("%s: %s", (provider, _description, evidence, cause) => {
    expect(classifyFailure(provider, evidence).cause).toBe(cause);
  });
}

describe("payment gateways", () => {
  expectCauses([
    ["razorpay", "invalid key id", http(401, razorpayError("The api key provided is invalid")), "invalid-api-key"],
    ["razorpay", "expired OAuth token", http(401, razorpayError("The access token provided has expired")), "expired-authentication"],
    ["razorpay", "account not activated (400)", http(400, razorpayError("Your account is not activated for live mode. Please complete the activation form.")), "account-verification"],
    ["razorpay", "KYC pending", reported({ message: "Merchant KYC is pending" }), "account-verification"],
    ["razorpay", "merchant blocked", http(400, razorpayError("The merchant is blocked from accepting payments")), "policy-restriction"],
    ["razorpay", "account suspended", reported({ status: 400, message: "Your account has been suspended" }), "policy-restriction"],
    ["razorpay", "feature not enabled", reported({ message: "Payment Links feature is not enabled for this merchant" }), "incorrect-configuration"],
    [
      "razorpay",
      "server error",
      http(500, razorpayError("We are facing some trouble completing your request at the moment. Please try again shortly.", "SERVER_ERROR")),
      "provider-downtime",
    ],
    ["cashfree", "authentication failed", http(401, { message: "authentication Failed", code: "request_failed", type: "authentication_error" }), "invalid-api-key"],
    ["cashfree", "payouts token not valid (403)", http(403, { status: "ERROR", subCode: "403", message: "Token is not valid" }), "invalid-api-key"],
    ["cashfree", "IP not whitelisted (403)", http(403, { status: "ERROR", subCode: "403", message: "IP not whitelisted" }), "incorrect-configuration"],
    [
      "cashfree",
      "authentication_error type on a 403",
      http(403, { message: "Client ID and Client Secret mismatch", code: "request_failed", type: "authentication_error" }),
      "invalid-api-key",
    ],
    ["cashfree", "rate limit (429)", http(429, { message: "Too many requests", code: "request_failed", type: "rate_limit_error" }), "connected-app-limit"],
    ["cashfree", "KYC pending (400)", http(400, { message: "Merchant KYC verification is pending", code: "request_failed", type: "invalid_request_error" }), "account-verification"],
    ["payu", "invalid hash (400)", http(400, { status: 0, msg: "Invalid Hash." }), "invalid-api-key"],
    ["payu", "invalid merchant key", reported({ message: "Invalid merchant key" }), "invalid-api-key"],
    ["payu", "invalid merchant", reported({ message: "Invalid Merchant" }), "incorrect-configuration"],
    ["phonepe-pg", "key not configured", http(401, { success: false, code: "KEY_NOT_CONFIGURED", message: "Key not configured for the merchant", data: {} }), "invalid-api-key"],
    ["phonepe-pg", "checksum failed (400)", http(400, { success: false, code: "AUTHORIZATION_FAILED", message: "Authorization failed", data: {} }), "invalid-api-key"],
    ["phonepe-pg", "merchant not found, no status", reported({ message: "Merchant not found" }), "incorrect-configuration"],
    [
      "paytm-pg",
      "checksum invalid (400)",
      http(400, { head: { version: "v1" }, body: { resultInfo: { resultStatus: "F", resultCode: "2005", resultMsg: "Checksum provided is invalid" } } }),
      "invalid-api-key",
    ],
    ["paytm-pg", "MID invalid", reported({ message: "MID is invalid" }), "incorrect-configuration"],
    ["paytm-pg", "system error (500)", http(500, { body: { resultInfo: { resultStatus: "F", resultCode: "501", resultMsg: "System Error" } } }), "provider-downtime"],
    ["ccavenue", "merchant authentication failed", reported({ message: "Merchant Authentication failed" }), "invalid-api-key"],
  ]);
});

describe("couriers", () => {
  expectCauses([
    ["shiprocket", "token has expired", http(401, { message: "Token has expired", status_code: 401 }), "expired-authentication"],
    ["shiprocket", "unauthenticated", http(401, { message: "Unauthenticated.", status_code: 401 }), "invalid-api-key"],
    ["shiprocket", "API user's password changed (400)", http(400, { message: "Invalid email and password combination", status_code: 400 }), "changed-account-access"],
    ["shiprocket", "wallet balance (400)", http(400, { message: "Insufficient balance in your wallet. Please recharge to continue.", status_code: 400 }), "provider-billing-issue"],
    [
      "shiprocket",
      "wrong pickup location",
      http(422, { message: "Oops! Invalid Data.", errors: { pickup_location: ["Wrong Pickup location entered. Please enter a valid pickup location."] }, status_code: 422 }),
      "incorrect-configuration",
    ],
    ["shiprocket", "pickup location, no status", reported({ message: "Wrong Pickup location entered" }), "incorrect-configuration"],
    ["shiprocket", "postcode not serviceable, no status", reported({ message: "Delivery postcode not serviceable" }), "incorrect-configuration"],
    ["delhivery", "Token Expired as plain text", http(401, "Token Expired"), "expired-authentication"],
    ["delhivery", "invalid token", http(401, { detail: "Invalid token." }), "invalid-api-key"],
    [
      "delhivery",
      "unknown pickup warehouse, no status",
      reported({ message: "Crashing while saving package due to exception 'ClientWarehouse matching query does not exist.'. Package might have been partially saved." }),
      "incorrect-configuration",
    ],
    [
      "delhivery",
      "balance in package remarks (400)",
      http(400, { success: false, packages: [{ status: "Fail", remarks: ["Crashing while saving package due to exception 'Insufficient Balance'"] }] }),
      "provider-billing-issue",
    ],
    ["xpressbees", "non serviceable pincode", reported({ message: "Non serviceable pincode 795001" }), "incorrect-configuration"],
    ["dtdc", "gateway down", http(503, "<html><title>503 Service Temporarily Unavailable</title></html>"), "provider-downtime"],
  ]);
});

describe("Meta (WhatsApp Cloud API, Pixel, Ads)", () => {
  expectCauses([
    [
      "meta-whatsapp-cloud-api",
      "190/463 session expired (400)",
      http(400, metaError(190, "Error validating access token: Session has expired on Friday, 03-Oct-25 04:00:00 PDT.", { error_subcode: 463 })),
      "expired-authentication",
    ],
    ["meta-ads", "190 without subcode (400)", http(400, metaError(190, "Invalid OAuth access token - Cannot parse access token")), "expired-authentication"],
    [
      "meta-ads",
      "190/460 password changed",
      http(
        400,
        metaError(190, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.", {
          error_subcode: 460,
        }),
      ),
      "changed-account-access",
    ],
    ["meta-pixel", "190/458 app not authorized", http(400, metaError(190, "Error validating access token: User 100004123 has not authorized application 43871.", { error_subcode: 458 })), "app-disconnected"],
    ["meta-pixel", "app uninstalled, no status", reported({ message: "The app has been uninstalled from this business" }), "app-disconnected"],
    ["meta-ads", "190/459 checkpointed", http(400, metaError(190, "Error validating access token: You cannot access the app till you log in to www.facebook.com and follow the instructions given.", { error_subcode: 459 })), "changed-account-access"],
    ["meta-ads", "190/464 unconfirmed user", http(400, metaError(190, "Error validating access token: Sessions for the user are not allowed because the user is not a confirmed user.", { error_subcode: 464 })), "account-verification"],
    ["meta-whatsapp-cloud-api", "10 permission denied (403)", http(403, metaError(10, "(#10) Application does not have permission for this action")), "missing-permissions"],
    ["meta-ads", "294 ads_management (400)", http(400, metaError(294, "(#294) Managing advertisements requires an access token with the extended permission for ads_management")), "missing-permissions"],
    ["meta-pixel", "200 permissions (400)", http(400, metaError(200, "(#200) Requires business_management permission to manage the object")), "missing-permissions"],
    ["meta-whatsapp-cloud-api", "368 policy block (400)", http(400, metaError(368, "(#368) Temporarily blocked for policies violations")), "policy-restriction"],
    [
      "meta-whatsapp-cloud-api",
      "131056 pair rate limit (400)",
      http(
        400,
        metaError(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit", {
          error_data: { messaging_product: "whatsapp", details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time." },
        }),
      ),
      "connected-app-limit",
    ],
    ["meta-whatsapp-cloud-api", "130429 throughput (429)", http(429, metaError(130429, "(#130429) Rate limit hit")), "connected-app-limit"],
    ["meta-whatsapp-cloud-api", "80007 account rate limit (400)", http(400, metaError(80007, "(#80007) There have been too many calls to this WhatsApp Business account.")), "connected-app-limit"],
    ["meta-ads", "80004 ads rate limit (400)", http(400, metaError(80004, "(#80004) There have been too many calls to this ad-account.")), "connected-app-limit"],
    ["meta-whatsapp-cloud-api", "131042 payment issue (400)", http(400, metaError(131042, "(#131042) Business eligibility payment issue")), "provider-billing-issue"],
    ["meta-ads", "unsettled balance, no status", reported({ message: "Ad account 123 has an unsettled balance. Update your payment method to run ads." }), "provider-billing-issue"],
    ["meta-ads", "ad account disabled for policy, no status", reported({ message: "This ad account has been disabled for not following our Advertising Policies" }), "policy-restriction"],
    ["meta-ads", "2635 deprecated version (400)", http(400, metaError(2635, "(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version.")), "provider-api-change"],
    ["meta-whatsapp-cloud-api", "132001 template missing (404)", http(404, metaError(132001, "(#132001) Template name does not exist in the translation")), "incorrect-configuration"],
    ["meta-whatsapp-cloud-api", "132015 template paused (400)", http(400, metaError(132015, "(#132015) Template is Paused")), "policy-restriction"],
    ["meta-whatsapp-cloud-api", "2 service unavailable (503)", http(503, metaError(2, "An unexpected error has occurred. Please retry your request later.")), "provider-downtime"],
    // 131047 (outside the 24-hour window) is about one message, not the connection: the status decides.
    ["meta-whatsapp-cloud-api", "131047 re-engagement (400)", http(400, metaError(131047, "(#131047) Re-engagement message")), "incorrect-configuration"],
  ]);
});

describe("WhatsApp partners", () => {
  expectCauses([
    ["gupshup", "unknown API key (401)", http(401, { status: "error", message: "Portal User Not Found With APIKey" }), "invalid-api-key"],
    ["gupshup", "relayed 131056 without a status", reported({ errorCode: "131056", message: "(Business Account, Consumer Account) pair rate limit hit" }), "connected-app-limit"],
    ["gupshup", "wallet balance low (400)", http(400, { status: "error", message: "Wallet balance is low. Please recharge to send messages." }), "provider-billing-issue"],
    ["interakt", "subscription expired (403)", http(403, { result: false, message: "Your subscription has expired. Please renew your plan to continue using the API." }), "provider-plan-expiry"],
    ["interakt", "invalid API key (401)", http(401, { result: false, message: "Invalid API Key" }), "invalid-api-key"],
    ["wati", "insufficient credits (400)", http(400, { result: false, info: "Insufficient credits to send template message" }), "provider-billing-issue"],
    ["wati", "plan expired (401)", http(401, { result: false, info: "Your plan has expired" }), "provider-plan-expiry"],
    ["aisensy", "campaign not live, no status", reported({ message: "Campaign not live" }), "incorrect-configuration"],
    ["aisensy", "trial ended", reported({ status: 402, message: "Your free trial has ended" }), "provider-plan-expiry"],
    ["msg91", "template rejected, no status", reported({ message: "Template rejected by WhatsApp" }), "policy-restriction"],
    ["msg91", "368 relayed", reported({ status: 400, errorCode: "368", message: "Temporarily blocked for policies violations" }), "policy-restriction"],
  ]);
});

describe("Google (Analytics 4, Ads, Merchant Center)", () => {
  expectCauses([
    [
      "google-ads",
      "OAUTH_TOKEN_EXPIRED (401)",
      http(401, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", { authenticationError: "OAUTH_TOKEN_EXPIRED" })),
      "expired-authentication",
    ],
    ["google-ads", "OAUTH_TOKEN_REVOKED (401)", http(401, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", { authenticationError: "OAUTH_TOKEN_REVOKED" })), "app-disconnected"],
    ["google-ads", "USER_PERMISSION_DENIED (403)", http(403, googleError(403, "PERMISSION_DENIED", "The caller does not have permission", { authorizationError: "USER_PERMISSION_DENIED" })), "missing-permissions"],
    ["google-analytics-4", "PERMISSION_DENIED (403)", http(403, googleError(403, "PERMISSION_DENIED", "User does not have sufficient permissions for this property.")), "missing-permissions"],
    ["google-analytics-4", "RESOURCE_EXHAUSTED (429)", http(429, googleError(429, "RESOURCE_EXHAUSTED", "Exhausted property tokens per day quota.")), "connected-app-limit"],
    ["google-analytics-4", "UNAUTHENTICATED without a status", reported({ errorCode: "UNAUTHENTICATED" }), "invalid-api-key"],
    ["google-merchant-center", "account suspended (403)", http(403, googleError(403, "PERMISSION_DENIED", "Merchant Center account 1234567 is suspended for policy violations.")), "policy-restriction"],
    ["google-ads", "refresh token expired or revoked (400)", http(400, { error: "invalid_grant", error_description: "Token has been expired or revoked." }), "expired-authentication"],
  ]);
});

describe("marketplaces", () => {
  expectCauses([
    [
      "amazon-seller-central",
      "Unauthorized, token expired (403)",
      http(403, spApiError("Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.")),
      "expired-authentication",
    ],
    ["amazon-seller-central", "Unauthorized (403)", http(403, spApiError("Unauthorized", "Access to requested resource is denied.")), "missing-permissions"],
    ["amazon-seller-central", "Unauthorized without a status", reported({ errorCode: "Unauthorized", message: "Access to requested resource is denied." }), "missing-permissions"],
    ["amazon-seller-central", "QuotaExceeded (429)", http(429, spApiError("QuotaExceeded", "You exceeded your quota for the requested resource.")), "connected-app-limit"],
    ["amazon-seller-central", "QuotaExceeded without a status", reported({ errorCode: "QuotaExceeded" }), "connected-app-limit"],
    ["amazon-seller-central", "InvalidInput (400)", http(400, spApiError("InvalidInput", "Invalid Input")), "incorrect-configuration"],
    [
      "amazon-seller-central",
      "LWA invalid_grant (400)",
      http(400, { error_description: "The request has an invalid grant parameter : refresh_token", error: "invalid_grant" }),
      "expired-authentication",
    ],
    ["flipkart-seller-hub", "access token expired (401)", http(401, { error: "invalid_token", error_description: "Access token expired: 3fa85f64-5717-4562-b3fc-2c963f66afa6" }), "expired-authentication"],
    ["flipkart-seller-hub", "app uninstalled (401)", reported({ status: 401, message: "App uninstalled by seller" }), "app-disconnected"],
    ["meesho-supplier-panel", "access revoked (403)", http(403, { message: "Access revoked by the supplier" }), "app-disconnected"],
    ["myntra-partner-portal", "session invalidated after a password change (401)", http(401, { message: "Session invalidated due to password change" }), "changed-account-access"],
    ["flipkart-seller-hub", "Shopify-style invalid key (401)", http(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }), "invalid-api-key"],
  ]);
});

describe("any provider", () => {
  expectCauses([
    ["microsoft-clarity", "app uninstalled (401)", http(401, { message: "This app has been uninstalled from the project" }), "app-disconnected"],
    ["shiprocket", "too many connected apps (403)", http(403, { message: "Too many connected apps on this account. Remove one to continue." }), "connected-app-limit"],
    ["msg91", "KYC not completed (403)", http(403, { message: "Complete your KYC to use this API" }), "account-verification"],
    ["flipkart-seller-hub", "order sync delayed", reported({ message: "Order sync delayed due to high volume" }), "data-sync-delay"],
    ["google-analytics-4", "processing delay (503)", http(503, { message: "Reporting data is subject to a processing delay" }), "data-sync-delay"],
    ["blue-dart", "no credential saved", reported({ message: "not connected: no credential is stored for this connection" }), "app-disconnected"],
    ["instamojo", "plan expired beats token expiry (401)", http(401, { message: "Your subscription expired on 1 Oct 2026" }), "provider-plan-expiry"],
    ["shadowfax", "deprecated API version (400)", http(400, { message: "API version v1 is deprecated. Please migrate to v3." }), "provider-api-change"],
    ["ecom-express", "invoice overdue (403)", http(403, { message: "Your invoice is overdue; services are paused" }), "provider-billing-issue"],
  ]);
});

describe("precedence: a provider rule beats the generic status mapping", () => {
  const notActivated = http(400, razorpayError("Your account is not activated for live mode."));
  const metaToken = http(400, metaError(190, "Invalid OAuth access token - Cannot parse access token"));

  it("Razorpay's 400 'account not activated' is account verification; the same 400 elsewhere is configuration", () => {
    expect(classifyFailure("razorpay", notActivated).cause).toBe("account-verification");
    expect(classifyFailure("google-ads", notActivated).cause).toBe("incorrect-configuration");
  });

  it("Meta's 400 with code 190 is expired authentication; code 190 means nothing to others", () => {
    expect(classifyFailure("meta-ads", metaToken).cause).toBe("expired-authentication");
    expect(classifyFailure("shiprocket", metaToken).cause).toBe("incorrect-configuration");
  });

  it("a provider-wide outage still reads as downtime when the body says nothing a rule knows", () => {
    expect(classifyFailure("razorpay", http(503, "Service Unavailable")).cause).toBe("provider-downtime");
  });

  it("what the check already read wins over the body", () => {
    const evidence: FailureEvidence = { kind: "http", status: 401, body: json({ message: "Token has expired" }), message: "Unauthenticated." };
    expect(classifyFailure("shiprocket", evidence)).toEqual({ cause: "invalid-api-key", detail: "HTTP 401: Unauthenticated." });
  });
});

describe("a check that cannot run as set up", () => {
  // Our own setup, whatever its words: provider rules read what providers answer, not this.
  expectCauses([
    ["razorpay", "invalid configuration", { kind: "configuration", detail: "invalid check configuration: url: Invalid URL" }, "incorrect-configuration"],
    [
      "razorpay",
      "an unset environment variable",
      { kind: "configuration", detail: "invalid check configuration: basicAuthEnv: environment variable not set: RAZORPAY_KEY_SECRET" },
      "incorrect-configuration",
    ],
    [
      "cashfree",
      "a component the status page does not list",
      { kind: "configuration", detail: 'https://www.cashfreestatus.com/api/v2/summary.json lists no component named "Payouts" (it lists "Payments API")' },
      "incorrect-configuration",
    ],
    ["meta-ads", "words a provider rule would match", { kind: "configuration", detail: "invalid check configuration: headers.authorization: token expired" }, "incorrect-configuration"],
  ]);
});

describe("the detail keeps the raw facts", () => {
  it.each<[string, string, FailureEvidence, string]>([
    ["razorpay", "status, code and message", http(401, razorpayError("The api key provided is invalid")), "HTTP 401 BAD_REQUEST_ERROR: The api key provided is invalid"],
    [
      "meta-ads",
      "Meta's code and subcode",
      http(400, metaError(190, "Error validating access token: Session has expired.", { error_subcode: 463 })),
      "HTTP 400 190 (463): Error validating access token: Session has expired.",
    ],
    [
      "google-ads",
      "Google's status name and Ads error code",
      http(401, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", { authenticationError: "OAUTH_TOKEN_EXPIRED" })),
      "HTTP 401 UNAUTHENTICATED (OAUTH_TOKEN_EXPIRED): Request had invalid authentication credentials.",
    ],
    ["shiprocket", "a status echoed in the body is not repeated", http(401, { message: "Token has expired", status_code: 401 }), "HTTP 401: Token has expired"],
    ["cashfree", "nor a status echoed as a subcode", http(403, { status: "ERROR", subCode: "403", message: "IP not whitelisted" }), "HTTP 403: IP not whitelisted"],
    ["razorpay", "an HTML error page by its title", http(502, "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>"), "HTTP 502: 502 Bad Gateway"],
    ["razorpay", "a status alone", { kind: "http", status: 504 }, "HTTP 504"],
    ["amazon-seller-central", "reported code without a status", reported({ errorCode: "QuotaExceeded", message: "You exceeded your quota for the requested resource." }), "reported QuotaExceeded: You exceeded your quota for the requested resource."],
    ["gupshup", "reported with a status", reported({ status: 401, message: "Portal User Not Found With APIKey" }), "reported HTTP 401: Portal User Not Found With APIKey"],
    ["wati", "reported with nothing", reported({}), "reported failure without details"],
    ["delhivery", "network", { kind: "network", reason: "timeout", detail: "no answer within 10000 ms" }, "network timeout: no answer within 10000 ms"],
    ["razorpay", "certificate", { kind: "certificate", detail: "certificate has expired" }, "certificate: certificate has expired"],
    ["shiprocket", "shape", { kind: "shape", status: 200, detail: "$.data.status is missing" }, "unexpected answer (HTTP 200): $.data.status is missing"],
    ["shiprocket", "shape without a status", { kind: "shape", detail: "the response is not valid JSON" }, "unexpected answer: the response is not valid JSON"],
    ["cashfree", "upstream", { kind: "upstream", detail: "Cashfree reports: UPI collect degraded" }, "provider status feed: Cashfree reports: UPI collect degraded"],
    ["razorpay", "configuration", { kind: "configuration", detail: "invalid check configuration: url: Invalid URL" }, "invalid check configuration: url: Invalid URL"],
  ])("%s: %s", (provider, _description, evidence, detail) => {
    expect(classifyFailure(provider, evidence).detail).toBe(detail);
  });

  it("never keeps a token the provider echoed back", () => {
    const token = "EAAGm0PX4ZCpsBAKZBqXl7Y3ZAZCdZBhZA2ZBVm4XqWZCZBrZC9ZBZA2vZAZBJZBZCqqZA1";
    const { detail } = classifyFailure("flipkart-seller-hub", http(401, { error: "invalid_token", error_description: `Access token expired: ${token}` }));
    expect(detail).toBe("HTTP 401 invalid_token: Access token expired: [redacted]");
  });

  it("keeps ordinary words, codes and short ids", () => {
    const { detail } = classifyFailure("meta-pixel", http(400, metaError(190, "Error validating access token: User 100004123 has not authorized application 43871.", { error_subcode: 458 })));
    expect(detail).toBe("HTTP 400 190 (458): Error validating access token: User 100004123 has not authorized application 43871.");
  });

  it("is bounded in length", () => {
    const { detail } = classifyFailure("razorpay", reported({ status: 500, message: "error ".repeat(500) }));
    expect(detail.length).toBe(500);
    expect(detail.endsWith("…")).toBe(true);
  });

  it("an unknown failure is a network or technical issue, with what was seen kept", () => {
    expect(classifyFailure("not-a-provider", http(418, "I'm a teapot"))).toEqual({ cause: "network-or-technical-issue", detail: "HTTP 418: I'm a teapot" });
  });
});
