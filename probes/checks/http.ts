import { HttpCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, FailureEvidence, ProbeResult } from "../types";
import { invalidConfiguration, parseCheckConfig } from "./configuration";
import { fetchFailure, NETWORK_REASON_SUMMARY, networkResult, stoppedResult, withCode } from "./failures";
import { evaluateJsonPath } from "./json-path";
import { readBodyPrefix, type BodyPrefix } from "./read-body";
import { targetUrl } from "./target-url";

type HttpCheckConfig = ReturnType<typeof HttpCheckConfigSchema.parse>;

// Enough for any status answer or error document.
const BODY_READ_LIMIT_BYTES = 64 * 1024;
const EVIDENCE_BODY_LIMIT_CHARS = 2 * 1024;
const EVIDENCE_VALUE_LIMIT_CHARS = 200;

export const runHttpCheck: CheckRunner = async (target, context) => {
  const parsed = parseCheckConfig(HttpCheckConfigSchema, target.config);
  if (!parsed.ok) return parsed.result;
  const { config } = parsed;
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
    body = await readBodyPrefix(response, BODY_READ_LIMIT_BYTES);
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
    return stoppedResult(signal, { timedOut: `no answer within ${timeoutMs} ms`, stopped: "stopped before an answer arrived" });
  }
  const { reason, detail, code } = fetchFailure(error);
  return networkResult(reason, detail, withCode(NETWORK_REASON_SUMMARY[reason], code));
}
