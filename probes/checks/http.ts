import { HttpCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, FailureEvidence, ProbeResult } from "../types";
import { evaluateJsonPath } from "./json-path";
import { targetUrl } from "./target-url";

type HttpCheckConfig = ReturnType<typeof HttpCheckConfigSchema.parse>;
type NetworkReason = Extract<FailureEvidence, { kind: "network" }>["reason"];

// Enough for any status answer or error document; a provider streaming a huge page must
// not hold the probe (or its memory) for as long as it likes.
const BODY_READ_LIMIT_BYTES = 64 * 1024;
const EVIDENCE_BODY_LIMIT_CHARS = 2 * 1024;
const EVIDENCE_VALUE_LIMIT_CHARS = 200;

/** Node's and undici's error codes, as found on `fetch`'s `error.cause.code`. */
const NETWORK_REASON_BY_CODE: Record<string, NetworkReason> = {
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
};
// OpenSSL's verification codes and Node's TLS errors have no fixed list worth copying.
const TLS_ERROR_CODE_PATTERN =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;

const REASON_SUMMARY: Record<NetworkReason, string> = {
  timeout: "no answer in time",
  dns: "the host name did not resolve",
  reset: "the connection was reset",
  refused: "the connection was refused",
  tls: "the TLS handshake failed",
  other: "the request failed",
};

export const runHttpCheck: CheckRunner = async (target, context) => {
  const parsed = HttpCheckConfigSchema.safeParse(target.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalidConfiguration(issue?.path.map(String).join(".") ?? "", issue?.message ?? "invalid");
  }
  const config = parsed.data;
  if (config.body !== undefined && (config.method === "GET" || config.method === "HEAD")) {
    return invalidConfiguration("body", `a ${config.method} request cannot carry a body`);
  }
  const headers = requestHeaders(config.headers);
  if (typeof headers === "string") return invalidConfiguration(`headers.${headers}`, "not a valid HTTP header");

  const startedAt = performance.now();
  let response: Response;
  let body: BodyPrefix;
  try {
    response = await fetch(targetUrl(config, context.demoBaseUrl), {
      method: config.method,
      headers,
      body: config.body,
      redirect: "follow",
      signal: context.signal,
    });
    body = await readBodyPrefix(response);
  } catch (error) {
    return networkFailure(error, context.signal, target.timeoutMs);
  }
  const latencyMs = Math.round(performance.now() - startedAt);
  const status = response.status;

  if (!config.expectedStatus.includes(status)) {
    const evidence: FailureEvidence = { kind: "http", status };
    if (body.text) evidence.body = body.text.slice(0, EVIDENCE_BODY_LIMIT_CHARS);
    return {
      outcome: "down",
      latencyMs,
      httpStatus: status,
      evidence,
      message: `HTTP ${status}, expected ${config.expectedStatus.join(" or ")}`,
    };
  }
  const problem = shapeProblem(config, body);
  if (problem) {
    return {
      outcome: "down",
      latencyMs,
      httpStatus: status,
      evidence: { kind: "shape", status, detail: problem.detail },
      message: problem.summary,
    };
  }
  if (config.degradedLatencyMs !== undefined && latencyMs > config.degradedLatencyMs) {
    return {
      outcome: "degraded",
      latencyMs,
      httpStatus: status,
      evidence: null,
      message: `slow: HTTP ${status} in ${latencyMs} ms (over ${config.degradedLatencyMs} ms)`,
    };
  }
  return { outcome: "ok", latencyMs, httpStatus: status, evidence: null, message: `HTTP ${status} in ${latencyMs} ms` };
};

/** The configured headers, or the name of the first one fetch would refuse. */
function requestHeaders(configured: Record<string, string>): Headers | string {
  const headers = new Headers();
  for (const [name, value] of Object.entries(configured)) {
    // Checked here because fetch's own error quotes the value, which may be a secret.
    try {
      headers.append(name, value);
    } catch {
      return name;
    }
  }
  // A fresh connection per run: the latency then includes connecting, as a merchant's
  // first request would, and no pooled socket outlives the run to be dropped by the
  // provider in between and show up as a false "reset" on the next one.
  headers.set("connection", "close");
  return headers;
}

interface BodyPrefix {
  text: string;
  /** The body went on past BODY_READ_LIMIT_BYTES and was not read further. */
  truncated: boolean;
}

async function readBodyPrefix(response: Response): Promise<BodyPrefix> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= BODY_READ_LIMIT_BYTES) {
    const { done, value } = await reader.read();
    if (done) return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated: false };
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return { text: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_READ_LIMIT_BYTES)), truncated: true };
}

/** Why an accepted answer still does not look right; `summary` never quotes the body. */
function shapeProblem(config: HttpCheckConfig, body: BodyPrefix): { detail: string; summary: string } | null {
  const within = body.truncated ? " in its first 64 KB" : "";
  if (config.bodyContains !== undefined && !body.text.includes(config.bodyContains)) {
    const summary = `the response does not contain ${JSON.stringify(config.bodyContains)}`;
    return { detail: summary + within, summary };
  }
  if (config.bodyNotContains !== undefined && body.text.includes(config.bodyNotContains)) {
    const summary = `the response contains ${JSON.stringify(config.bodyNotContains)}`;
    return { detail: summary + within, summary };
  }
  if (!config.jsonPath) return null;

  const { path, equals } = config.jsonPath;
  const expected = JSON.stringify(equals);
  let document: unknown;
  try {
    document = JSON.parse(body.text);
  } catch {
    const summary = body.truncated ? "the response is too large to read as JSON" : "the response is not valid JSON";
    return { detail: `${summary}; expected ${path} to be ${expected}`, summary };
  }
  const lookup = evaluateJsonPath(document, path);
  if (!lookup.found) return { detail: `${path} is missing; expected ${expected}`, summary: `${path} is missing` };
  if (lookup.value === equals) return null;
  const actual = (JSON.stringify(lookup.value) ?? String(lookup.value)).slice(0, EVIDENCE_VALUE_LIMIT_CHARS);
  return { detail: `${path} is ${actual}; expected ${expected}`, summary: `${path} is not ${expected}` };
}

function networkFailure(error: unknown, signal: AbortSignal, timeoutMs: number): ProbeResult {
  if (signal.aborted) {
    const stoppedByTimeout = signal.reason instanceof DOMException && signal.reason.name === "TimeoutError";
    const detail = stoppedByTimeout ? `no answer within ${timeoutMs} ms` : "stopped before an answer arrived";
    return networkResult("timeout", detail, detail);
  }
  // fetch rejects with a bare "fetch failed"; what happened is on its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = errorCode(cause);
  const text = cause instanceof Error ? cause.message : String(cause);
  const reason = networkReason(code, text);
  const detail = code && !text.includes(code) ? `${code}: ${text}` : text;
  return networkResult(reason, detail, code ? `${REASON_SUMMARY[reason]} (${code})` : REASON_SUMMARY[reason]);
}

function networkReason(code: string | undefined, text: string): NetworkReason {
  if (code) {
    const known = NETWORK_REASON_BY_CODE[code];
    if (known) return known;
    if (TLS_ERROR_CODE_PATTERN.test(code)) return "tls";
  }
  return /socket hang up|other side closed/i.test(text) ? "reset" : "other";
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function networkResult(reason: NetworkReason, detail: string, message: string): ProbeResult {
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "network", reason, detail }, message };
}

function invalidConfiguration(field: string, problem: string): ProbeResult {
  const detail = `invalid check configuration: ${field || "(config)"}: ${problem}`;
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "shape", detail }, message: detail };
}
