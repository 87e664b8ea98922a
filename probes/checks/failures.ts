// What Node, undici and OpenSSL throw, read as network evidence. Shared by every kind that
// opens a connection, so one error reads as the same reason whichever check saw it.

import type { FailureEvidence, ProbeResult } from "../types";

export type NetworkReason = Extract<FailureEvidence, { kind: "network" }>["reason"];

/** Node's, undici's and OpenSSL's error codes, as found on the error or on `fetch`'s cause. */
const NETWORK_REASON_BY_CODE: Readonly<Record<string, NetworkReason>> = {
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNRESET: "reset",
  EPIPE: "reset",
  // undici's "other side closed": the server dropped the connection mid-answer.
  UND_ERR_SOCKET: "reset",
  ECONNREFUSED: "refused",
  // OpenSSL's protocol failures: the port answers, but not with TLS we can speak.
  EPROTO: "tls",
};
// OpenSSL's verification codes and Node's TLS errors have no fixed list worth copying.
const TLS_ERROR_CODE_PATTERN =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;

/** How each reason reads in a message; a kind rewords `timeout` and `other` for what it attempts. */
export const NETWORK_REASON_SUMMARY: Readonly<Record<NetworkReason, string>> = {
  timeout: "no answer in time",
  dns: "the host name did not resolve",
  reset: "the connection was reset",
  refused: "the connection was refused",
  tls: "the TLS handshake failed",
  other: "the request failed",
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  // Connecting to every address of a host fails as one AggregateError, without a code of its own.
  if ("errors" in error && Array.isArray(error.errors)) return errorCode(error.errors[0]);
  return undefined;
}

export function networkReason(code: string | undefined, message: string): NetworkReason {
  if (code !== undefined) {
    const known = NETWORK_REASON_BY_CODE[code];
    if (known) return known;
    if (TLS_ERROR_CODE_PATTERN.test(code)) return "tls";
  }
  // A server dropping the connection mid-answer sometimes comes without a code.
  return /socket hang up|other side closed/i.test(message) ? "reset" : "other";
}

export interface NetworkFailure {
  reason: NetworkReason;
  detail: string;
  code: string | undefined;
}

/** Why a `fetch` failed: it rejects with a bare "fetch failed", and what happened is on its cause. */
export function fetchFailure(error: unknown): NetworkFailure {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  // undici's own messages ("other side closed") leave out the code the evidence should keep.
  const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
  return { reason: networkReason(code, message), detail, code };
}

/** The code goes into the message too: it is what someone searches for. */
export function withCode(summary: string, code: string | undefined): string {
  return code ? `${summary} (${code})` : summary;
}

export function networkResult(reason: NetworkReason, detail: string, message: string): ProbeResult {
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "network", reason, detail }, message };
}

/**
 * A run cut short before any answer. The signal's reason tells the check's own timeout
 * (`timedOut`) from the scheduler shutting down (`stopped`), so a shutdown does not read
 * as a slow provider.
 */
export function stoppedResult(signal: AbortSignal, words: { timedOut: string; stopped: string }): ProbeResult {
  const byTimeout = signal.reason instanceof DOMException && signal.reason.name === "TimeoutError";
  const detail = byTimeout ? words.timedOut : words.stopped;
  return networkResult("timeout", detail, detail);
}
