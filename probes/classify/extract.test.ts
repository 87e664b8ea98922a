import { describe, expect, it } from "vitest";
import { extractProviderError, responseFacts, type ProviderError } from "./extract";

const json = (value: unknown): string => JSON.stringify(value);

describe("reading provider error bodies", () => {
  it.each<[string, string, ProviderError]>([
    [
      "Razorpay {error:{code,description,reason}}, NA fields dropped",
      json({ error: { code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid", source: "NA", step: "NA", reason: "NA", metadata: {} } }),
      { code: "BAD_REQUEST_ERROR", message: "The api key provided is invalid" },
    ],
    [
      "Razorpay with a meaningful reason",
      json({ error: { code: "BAD_REQUEST_ERROR", description: "Your payment could not be completed", reason: "input_validation_failed" } }),
      { code: "BAD_REQUEST_ERROR", message: "Your payment could not be completed — input_validation_failed" },
    ],
    [
      "Cashfree {message, code, type}",
      json({ message: "authentication Failed", code: "request_failed", type: "authentication_error" }),
      { code: "request_failed", subcode: "authentication_error", message: "authentication Failed" },
    ],
    [
      "Cashfree Payouts {status, subCode, message}",
      json({ status: "ERROR", subCode: "403", message: "IP not whitelisted" }),
      { subcode: "403", message: "IP not whitelisted" },
    ],
    [
      "Shiprocket {message, status_code}",
      json({ message: "Token has expired", status_code: 401 }),
      { code: "401", message: "Token has expired" },
    ],
    [
      "Shiprocket validation errors by field",
      json({
        message: "Oops! Invalid Data.",
        errors: { pickup_location: ["Wrong Pickup location entered. Please enter a valid pickup location."] },
        status_code: 422,
      }),
      { code: "422", message: "Oops! Invalid Data. — Wrong Pickup location entered. Please enter a valid pickup location." },
    ],
    [
      "Meta Graph API {error:{message,type,code,error_subcode,fbtrace_id}}",
      json({
        error: {
          message: "Error validating access token: Session has expired on Friday, 03-Oct-25 04:00:00 PDT.",
          type: "OAuthException",
          code: 190,
          error_subcode: 463,
          fbtrace_id: "AjHk2sP1aQx",
        },
      }),
      { code: "190", subcode: "463", message: "Error validating access token: Session has expired on Friday, 03-Oct-25 04:00:00 PDT." },
    ],
    [
      "WhatsApp Cloud API with error_data.details",
      json({
        error: {
          message: "(#131047) Re-engagement message",
          type: "OAuthException",
          code: 131047,
          error_data: {
            messaging_product: "whatsapp",
            details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
          error_subcode: 2494010,
          fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
        },
      }),
      {
        code: "131047",
        subcode: "2494010",
        message:
          "(#131047) Re-engagement message — Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      },
    ],
    [
      "Amazon SP-API {errors:[{code,message,details}]}",
      json({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] }),
      { code: "QuotaExceeded", message: "You exceeded your quota for the requested resource." },
    ],
    [
      "Google APIs {error:{code,status,message}}: the status name is the code",
      json({ error: { code: 403, message: "User does not have sufficient permissions for this property.", status: "PERMISSION_DENIED" } }),
      { code: "PERMISSION_DENIED", message: "User does not have sufficient permissions for this property." },
    ],
    [
      "Google Ads failure details: errorCode as the subcode",
      json({
        error: {
          code: 401,
          message: "Request had invalid authentication credentials.",
          status: "UNAUTHENTICATED",
          details: [
            {
              "@type": "type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure",
              errors: [{ errorCode: { authenticationError: "OAUTH_TOKEN_EXPIRED" }, message: "Oauth token is expired." }],
            },
          ],
        },
      }),
      { code: "UNAUTHENTICATED", subcode: "OAUTH_TOKEN_EXPIRED", message: "Request had invalid authentication credentials. — Oauth token is expired." },
    ],
    [
      "Google ErrorInfo reason as the subcode",
      json({
        error: {
          code: 403,
          message: "Request had insufficient authentication scopes.",
          status: "PERMISSION_DENIED",
          details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT", domain: "googleapis.com" }],
        },
      }),
      { code: "PERMISSION_DENIED", subcode: "ACCESS_TOKEN_SCOPE_INSUFFICIENT", message: "Request had insufficient authentication scopes." },
    ],
    [
      "OAuth token endpoint {error, error_description}",
      json({ error: "invalid_grant", error_description: "Token has been expired or revoked." }),
      { code: "invalid_grant", message: "Token has been expired or revoked." },
    ],
    ["a sentence under `error`", json({ error: "Token Expired" }), { message: "Token Expired" }],
    [
      "Shopify-like {errors: string}",
      json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }),
      { message: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
    ],
    [
      "Paytm {body:{resultInfo}}",
      json({ head: { version: "v1" }, body: { resultInfo: { resultStatus: "F", resultCode: "501", resultMsg: "System Error" } } }),
      { code: "501", message: "System Error" },
    ],
    ["PayU {status, msg}", json({ status: 0, msg: "Invalid Hash." }), { message: "Invalid Hash." }],
    ["Wati {result, info}", json({ result: false, info: "Insufficient credits to send template message" }), { message: "Insufficient credits to send template message" }],
    ["Django REST {detail}", json({ detail: "Invalid token." }), { message: "Invalid token." }],
    [
      "an unknown shape: sentences found in nested fields, one-word flags skipped",
      json({
        success: false,
        packages: [
          {
            status: "Fail",
            remarks: ["Crashing while saving package due to exception 'ClientWarehouse matching query does not exist.'. Package might have been partially saved."],
          },
        ],
      }),
      {
        message:
          "Crashing while saving package due to exception 'ClientWarehouse matching query does not exist.'. Package might have been partially saved.",
      },
    ],
    ["a bare list of errors", json([{ code: "INVALID_SESSION_ID", message: "Session expired or invalid" }]), { code: "INVALID_SESSION_ID", message: "Session expired or invalid" }],
  ])("%s", (_name, body, expected) => {
    expect(extractProviderError(body)).toEqual(expected);
  });

  it("uses the title of an HTML error page", () => {
    const page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>";
    expect(extractProviderError(page)).toEqual({ message: "502 Bad Gateway" });
  });

  it("keeps a short snippet of a plain-text body, whitespace collapsed", () => {
    expect(extractProviderError("  Unauthorized\n\n ")).toEqual({ message: "Unauthorized" });
    const long = extractProviderError(`Service Unavailable ${"x".repeat(1_000)}`).message ?? "";
    expect(long.length).toBe(200);
    expect(long.startsWith("Service Unavailable x")).toBe(true);
  });

  it("is not confused by bodies that are empty, truncated or say nothing", () => {
    expect(extractProviderError("")).toEqual({});
    expect(extractProviderError(json({ success: false }))).toEqual({});
    expect(extractProviderError(json(null))).toEqual({});
    // A check keeps only the first part of a long body, which then is not valid JSON.
    expect(extractProviderError('{"error":{"code":"BAD_REQUEST_ERROR","descr')).toEqual({ message: '{"error":{"code":"BAD_REQUEST_ERROR","descr' });
  });
});

describe("the facts of one answer", () => {
  it("fills in from the body only what the check did not already read", () => {
    const body = json({ error: { code: 190, error_subcode: 460, message: "Error validating access token: the session has been invalidated" } });
    expect(responseFacts({ kind: "http", status: 400, body, message: "set by the check" })).toEqual({
      status: 400,
      code: "190",
      subcode: "460",
      message: "set by the check",
    });
  });

  it("takes reported evidence as it came, with no status when none was given", () => {
    expect(responseFacts({ kind: "reported", errorCode: " QuotaExceeded ", message: "" })).toEqual({ code: "QuotaExceeded" });
  });
});
