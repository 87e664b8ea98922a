import { describe, expect, it } from "vitest";
import type { CauseSlug } from "../../db/schema/enums";
import type { FailureEvidence } from "../types";
import { genericCause } from "./generic";

describe("the generic classifier", () => {
  it.each<[string, FailureEvidence, CauseSlug]>([
    ["network timeout", { kind: "network", reason: "timeout", detail: "no answer within 10000 ms" }, "network-or-technical-issue"],
    ["network dns", { kind: "network", reason: "dns", detail: "getaddrinfo ENOTFOUND api.razorpay.com" }, "network-or-technical-issue"],
    ["network reset", { kind: "network", reason: "reset", detail: "socket hang up" }, "network-or-technical-issue"],
    ["network refused", { kind: "network", reason: "refused", detail: "connect ECONNREFUSED 10.0.0.5:443" }, "network-or-technical-issue"],
    ["network tls", { kind: "network", reason: "tls", detail: "ERR_SSL_WRONG_VERSION_NUMBER" }, "network-or-technical-issue"],
    ["network other", { kind: "network", reason: "other", detail: "fetch failed" }, "network-or-technical-issue"],
    ["certificate", { kind: "certificate", detail: "certificate expired on 2026-09-01" }, "network-or-technical-issue"],
    ["HTTP 500", { kind: "http", status: 500 }, "provider-downtime"],
    ["HTTP 502", { kind: "http", status: 502, body: "<html><title>502 Bad Gateway</title></html>" }, "provider-downtime"],
    ["HTTP 503", { kind: "http", status: 503 }, "provider-downtime"],
    ["HTTP 504", { kind: "http", status: 504 }, "provider-downtime"],
    ["HTTP 401", { kind: "http", status: 401, body: '{"message":"Unauthenticated."}' }, "invalid-api-key"],
    ["HTTP 401, session expired", { kind: "http", status: 401, body: '{"message":"Session expired, please log in again"}' }, "expired-authentication"],
    ["HTTP 401, token expired as the check read it", { kind: "http", status: 401, message: "JWT token is expired" }, "expired-authentication"],
    ["HTTP 403", { kind: "http", status: 403, body: "Forbidden" }, "missing-permissions"],
    ["HTTP 403, account restricted", { kind: "http", status: 403, body: '{"message":"This account is restricted"}' }, "policy-restriction"],
    ["HTTP 403, blocked", { kind: "http", status: 403, message: "Request blocked" }, "policy-restriction"],
    ["HTTP 402", { kind: "http", status: 402 }, "provider-billing-issue"],
    ["HTTP 429", { kind: "http", status: 429, body: "Too Many Requests" }, "connected-app-limit"],
    ["HTTP 404", { kind: "http", status: 404 }, "provider-api-change"],
    ["HTTP 410", { kind: "http", status: 410 }, "provider-api-change"],
    ["shape", { kind: "shape", detail: "$.status is missing" }, "provider-api-change"],
    ["shape with a status", { kind: "shape", status: 200, detail: 'the response does not contain "operational"' }, "provider-api-change"],
    ["configuration", { kind: "configuration", detail: "invalid check configuration: server: must be an IP address" }, "incorrect-configuration"],
    ["configuration, a missing component", { kind: "configuration", detail: 'lists no component named "Payments"' }, "incorrect-configuration"],
    ["HTTP 400", { kind: "http", status: 400 }, "incorrect-configuration"],
    ["HTTP 422", { kind: "http", status: 422 }, "incorrect-configuration"],
    ["upstream", { kind: "upstream", detail: "Razorpay reports: UPI payments degraded" }, "provider-downtime"],
    ["HTTP 418", { kind: "http", status: 418 }, "network-or-technical-issue"],
    ["HTTP 302", { kind: "http", status: 302 }, "network-or-technical-issue"],
    ["HTTP 408", { kind: "http", status: 408 }, "network-or-technical-issue"],
    ["reported with a status", { kind: "reported", status: 503, message: "upstream connect error" }, "provider-downtime"],
    ["reported with nothing", { kind: "reported" }, "network-or-technical-issue"],
    ["reported, unknown words", { kind: "reported", message: "something odd happened" }, "network-or-technical-issue"],
  ])("%s", (_name, evidence, cause) => {
    expect(genericCause(evidence)).toBe(cause);
  });

  // ShopIQ's integration layer does not always know the HTTP status; the code still tells.
  it.each<[string, FailureEvidence, CauseSlug]>([
    ["UNAUTHENTICATED", { kind: "reported", errorCode: "UNAUTHENTICATED" }, "invalid-api-key"],
    ["Unauthorized + expired", { kind: "reported", errorCode: "Unauthorized", message: "The access token has expired" }, "expired-authentication"],
    ["PERMISSION_DENIED", { kind: "reported", errorCode: "PERMISSION_DENIED" }, "missing-permissions"],
    ["access_denied, suspended", { kind: "reported", errorCode: "access_denied", message: "Seller account suspended" }, "policy-restriction"],
    ["payment_required", { kind: "reported", errorCode: "payment_required" }, "provider-billing-issue"],
    ["RESOURCE_EXHAUSTED", { kind: "reported", errorCode: "RESOURCE_EXHAUSTED" }, "connected-app-limit"],
    ["rate limit", { kind: "reported", message: "Rate limit exceeded, retry after 60 s" }, "connected-app-limit"],
    ["INTERNAL", { kind: "reported", errorCode: "INTERNAL" }, "provider-downtime"],
    ["Service Unavailable", { kind: "reported", message: "Service Unavailable" }, "provider-downtime"],
    ["INVALID_ARGUMENT", { kind: "reported", errorCode: "INVALID_ARGUMENT" }, "incorrect-configuration"],
    ["InvalidInput", { kind: "reported", errorCode: "InvalidInput" }, "incorrect-configuration"],
  ])("reported without a status: %s", (_name, evidence, cause) => {
    expect(genericCause(evidence)).toBe(cause);
  });
});
