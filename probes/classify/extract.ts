// Providers answer errors in a handful of JSON shapes. The rules match on a code, a finer
// subcode and a message, so this reads those three out of whichever shape arrived, and
// falls back to a short text snippet when the body is not JSON at all (an HTML error page
// from a load balancer, a plain-text "Unauthorized").

import type { FailureEvidence } from "../types";

/** The failure evidence that carries an answer from the provider. */
type ResponseEvidence = Extract<FailureEvidence, { kind: "http" | "reported" }>;

/** What a provider said about a failure, as far as it could be read. */
export interface ProviderError {
  /** The provider's error code: "BAD_REQUEST_ERROR", "190", "UNAUTHENTICATED", "QuotaExceeded". */
  code?: string;
  /** A finer code under it: Meta's error_subcode, a Google Ads errorCode, Cashfree's error type. */
  subcode?: string;
  message?: string;
}

/** Everything the rules and the generic classifier look at for one answer. */
export interface ResponseFacts extends ProviderError {
  /** Absent when the integration layer reported a failure without an HTTP status. */
  status?: number;
}

/** Long enough for any provider's error sentence, short enough for a result row. */
const SNIPPET_MAX_CHARS = 200;
/** Bounds the fallback walk over unknown JSON so a large body cannot make it slow. */
const LEAF_SEARCH_MAX_DEPTH = 4;
const LEAF_SEARCH_MAX_STRINGS = 3;

// Ordered by how specific the key tends to be: `message` is the usual sentence, the rest
// are what individual providers use instead (`msg` PayU, `info` Wati, `rmk` Delhivery,
// `resultMsg` Paytm, `detail` Django REST APIs such as Delhivery's).
const MESSAGE_KEYS = [
  "message",
  "msg",
  "description",
  "error_description",
  "errorMessage",
  "error_message",
  "detail",
  "details",
  "info",
  "rmk",
  "resultMsg",
  "status_message",
] as const;

const CODE_KEYS = ["code", "error_code", "errorCode", "resultCode", "responseCode", "status_code", "statusCode"] as const;

// Values that mean "nothing to say" in Razorpay's reason/source/step fields and elsewhere.
const EMPTY_VALUES = new Set(["", "na", "n/a", "null", "none", "undefined"]);

/** Reads the provider's code, subcode and message out of an error body. */
export function extractProviderError(body: string): ProviderError {
  const trimmed = body.trim();
  if (trimmed === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { message: textSnippet(trimmed) };
  }
  if (typeof parsed === "string") return compact({ message: textSnippet(parsed) });
  // Some APIs answer a bare list of errors; the first one is the one that matters.
  const root = Array.isArray(parsed) ? parsed.find(isRecord) : parsed;
  return isRecord(root) ? compact(fromObject(root)) : {};
}

/**
 * The facts for one answer: what the check or the integration layer already read wins,
 * and the body fills in whatever they left out.
 */
export function responseFacts(evidence: ResponseEvidence): ResponseFacts {
  const fromBody = evidence.kind === "http" && evidence.body !== undefined ? extractProviderError(evidence.body) : {};
  return compact({
    status: evidence.status,
    code: clean(evidence.errorCode) ?? fromBody.code,
    subcode: fromBody.subcode,
    message: clean(evidence.message) ?? fromBody.message,
  });
}

function fromObject(root: Record<string, unknown>): ProviderError {
  const { error, errors } = root;
  // Razorpay, Meta Graph API and Google APIs all nest one object under `error`.
  if (isRecord(error)) return fromErrorObject(error);
  // Amazon SP-API: {errors: [{code, message, details}]}.
  if (Array.isArray(errors) && errors.length > 0) {
    const first: unknown = errors[0];
    if (isRecord(first)) {
      return {
        code: firstText(first, CODE_KEYS),
        message: joinParts([firstText(first, ["message", "msg", "description"]), text(first.details)]),
      };
    }
    if (typeof first === "string") return { message: textSnippet(first) };
  }
  // Paytm wraps its answer: {head, body: {resultInfo: {resultStatus, resultCode, resultMsg}}}.
  const resultInfo = isRecord(root.body) ? root.body.resultInfo : undefined;
  if (isRecord(resultInfo)) return { code: text(resultInfo.resultCode), message: text(resultInfo.resultMsg) };
  return fromFlatObject(root);
}

/** `{error: {...}}` as Razorpay, Meta and Google write it. */
function fromErrorObject(error: Record<string, unknown>): ProviderError {
  // Google puts the HTTP status in `code` and the meaningful name in `status`.
  const status = text(error.status);
  const code = status !== undefined && /^[A-Z_]+$/.test(status) ? status : text(error.code);
  const googleDetail = googleErrorDetail(error.details);
  const errorData = isRecord(error.error_data) ? error.error_data : {};
  return {
    code,
    subcode: text(error.error_subcode) ?? googleDetail.subcode,
    message: joinParts([
      text(error.description) ?? text(error.message),
      text(error.reason),
      // Meta's user-facing text and WhatsApp's error_data.details say more than `message`.
      text(error.error_user_msg),
      text(errorData.details),
      googleDetail.message,
    ]),
  };
}

/**
 * Google puts the specific reason in `details`: Google Ads as
 * `errors[].errorCode: {authenticationError: "OAUTH_TOKEN_EXPIRED"}`, other Google APIs
 * as an ErrorInfo with `reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT"`.
 */
function googleErrorDetail(details: unknown): ProviderError {
  if (!Array.isArray(details)) return {};
  for (const detail of details) {
    if (!isRecord(detail)) continue;
    if (Array.isArray(detail.errors)) {
      const first: unknown = detail.errors[0];
      if (isRecord(first)) {
        const errorCode = isRecord(first.errorCode) ? Object.values(first.errorCode).map(text).find(Boolean) : undefined;
        return { subcode: errorCode, message: text(first.message) };
      }
    }
    const reason = text(detail.reason);
    if (reason !== undefined) return { subcode: reason };
  }
  return {};
}

/**
 * Flat bodies: Cashfree `{message, code, type}`, Shiprocket `{message, status_code, errors}`,
 * PhonePe `{success, code, message}`, OAuth `{error, error_description}`, Shopify-like
 * `{errors: "..."}`.
 */
function fromFlatObject(root: Record<string, unknown>): ProviderError {
  const error = text(root.error);
  // An OAuth-style `error` is a code ("invalid_grant"); some APIs put a sentence there.
  const errorIsCode = error !== undefined && /^[\w.:-]+$/.test(error);
  const message = joinParts([
    firstText(root, MESSAGE_KEYS) ?? (errorIsCode ? undefined : error) ?? text(root.errors),
    // Shiprocket's validation answers: {message: "Oops! Invalid Data.", errors: {pickup_location: ["..."]}}.
    isRecord(root.errors) ? fieldErrors(root.errors) : undefined,
  ]);
  const subcode = text(root.type) ?? text(root.subCode);
  const code = firstText(root, CODE_KEYS) ?? (errorIsCode ? error : undefined);
  if (message === undefined && code === undefined) return { subcode, message: sentenceLeaves(root) };
  return { code, subcode, message };
}

function fieldErrors(errors: Record<string, unknown>): string | undefined {
  const messages = Object.values(errors).flatMap((value) => (Array.isArray(value) ? value : [value])).map(text);
  return joinParts(messages.slice(0, LEAF_SEARCH_MAX_STRINGS));
}

/**
 * For shapes nobody described: the first few strings that read like sentences, so a rule
 * can still find "Insufficient Balance" deep in Delhivery's `packages[0].remarks`.
 * One-word strings are statuses and flags ("Fail", "NA"), not messages.
 */
function sentenceLeaves(root: unknown): string | undefined {
  const found: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (found.length >= LEAF_SEARCH_MAX_STRINGS || depth > LEAF_SEARCH_MAX_DEPTH) return;
    if (typeof value === "string") {
      if (/\S\s+\S/.test(value)) found.push(value.trim());
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isRecord(value)) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return joinParts(found);
}

/** A short readable line from a non-JSON body; an HTML page is represented by its title. */
function textSnippet(body: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const readable = (title ?? body.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  if (readable === "") return undefined;
  return readable.length > SNIPPET_MAX_CHARS ? `${readable.slice(0, SNIPPET_MAX_CHARS - 1)}…` : readable;
}

function firstText(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = text(record[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function joinParts(parts: ReadonlyArray<string | undefined>): string | undefined {
  const distinct = [...new Set(parts.filter((part): part is string => part !== undefined))];
  return distinct.length > 0 ? distinct.join(" — ") : undefined;
}

/** A string or number as trimmed text; anything empty or structured is absent. */
function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" ? clean(value) : undefined;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || EMPTY_VALUES.has(trimmed.toLowerCase()) ? undefined : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Drops absent fields so results compare and print cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
