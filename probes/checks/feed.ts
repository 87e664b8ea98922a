// Reads a provider's JSON feed (a status summary, a downtime list) and validates it. The
// statuspage and payment-downtime checks read their feeds this way, so both report a
// broken feed, a failed request and an HTTP error alike.

import type { z } from "zod";
import type { FailureEvidence, ProbeResult, RunContext } from "../types";
import { fetchFailure, type NetworkFailure } from "./failures";
import { readBodyPrefix, type BodyPrefix } from "./read-body";
import { redact } from "./redact";

/** HTTP error bodies are kept for the classifier's provider rules, not whole. */
const ERROR_BODY_MAX_CHARS = 1_000;
// Large status pages list hundreds of components (a few hundred KB); a server streaming
// without end must not fill the probe's memory before the timeout stops it.
const FEED_READ_LIMIT_BYTES = 4 * 1024 * 1024;

/** The feed's address without query or credentials: what messages may show. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** `base` plus `path`, keeping any path the base already has (a status page under a sub-path). */
export function feedUrl(base: string, path: string): URL {
  return new URL(path, base.endsWith("/") ? base : `${base}/`);
}

/** "components[0].status: message": where in the feed's document zod first found it wrong. */
function documentIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unknown problem";
  const path = issue.path
    .map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`))
    .join("")
    .replace(/^\./, "");
  return path ? `${path}: ${issue.message}` : issue.message;
}


export interface FeedRequest {
  url: URL;
  /** Names the format in shape errors: "… does not answer in the <format> format". */
  format: string;
  headers?: Record<string, string>;
  /** Values that must never reach a message or evidence, even if the server echoes them. */
  secrets?: readonly string[];
}

export type FeedAnswer<T> =
  | { ok: true; feed: T; httpStatus: number; latencyMs: number }
  | { ok: false; result: ProbeResult };

/**
 * GETs a JSON feed and validates it. Every failure comes back as a `down` result with
 * evidence the classifier can read, never as a throw: a broken feed is something the
 * check observed, not a bug in the check.
 */
export async function readFeed<S extends z.ZodType>(request: FeedRequest, schema: S, context: RunContext): Promise<FeedAnswer<z.output<S>>> {
  const shown = displayUrl(request.url);
  const secrets = request.secrets ?? [];
  const startedMs = performance.now();
  const elapsed = () => Math.round(performance.now() - startedMs);
  const down = (evidence: FailureEvidence, message: string, httpStatus: number | null): FeedAnswer<never> => ({
    ok: false,
    result: { outcome: "down", latencyMs: elapsed(), httpStatus, evidence, message: redact(message, secrets) },
  });

  let status: number;
  let body: BodyPrefix;
  let contentType: string;
  try {
    const response = await fetch(request.url, {
      // A fresh connection per run, as the http check does: a pooled socket the server
      // dropped between polls would show up as a false "reset".
      headers: { accept: "application/json", connection: "close", ...request.headers },
      signal: context.signal,
    });
    status = response.status;
    contentType = response.headers.get("content-type") ?? "no content type";
    body = await readBodyPrefix(response, FEED_READ_LIMIT_BYTES);
  } catch (error) {
    const failure: Pick<NetworkFailure, "reason" | "detail"> = context.signal.aborted
      ? { reason: "timeout", detail: "no answer before the check's timeout" }
      : fetchFailure(error);
    const detail = redact(failure.detail, secrets);
    return down({ kind: "network", reason: failure.reason, detail }, `${shown}: ${failure.reason} (${detail})`, null);
  }

  if (status < 200 || status > 299) {
    const errorBody = redact(body.text.slice(0, ERROR_BODY_MAX_CHARS), secrets);
    return down({ kind: "http", status, body: errorBody }, `${shown} answered HTTP ${status}`, status);
  }

  const shapeError = (problem: string) => {
    const detail = redact(`${shown} does not answer in the ${request.format} format: ${problem}`, secrets);
    return down({ kind: "shape", detail, status }, detail, status);
  };
  if (body.truncated) return shapeError(`the answer is larger than ${FEED_READ_LIMIT_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return shapeError(`the body is not JSON (${contentType})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return shapeError(documentIssue(parsed.error));
  return { ok: true, feed: parsed.data, httpStatus: status, latencyMs: elapsed() };
}
