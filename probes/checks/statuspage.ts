// Reads a provider's own Atlassian Statuspage feed (`/api/v2/summary.json`). The feed is
// the provider's word on its health, so it yields both an outcome for this check and an
// upstream report that the pipeline mirrors into our incidents and maintenance.
//
// The feed reading and outcome rules below are exported because the payment-downtime
// check reads its gateway's feed the same way.

import { z } from "zod";
import { worstProviderStatus } from "../../db/health/status";
import { isClosedStatus } from "../../db/incidents/write";
import { StatuspageCheckConfigSchema } from "../../db/schema/check-config";
import { INCIDENT_IMPACTS, INCIDENT_STATUSES, PROVIDER_STATUSES, type IncidentImpact, type ProviderStatus } from "../../db/schema/enums";
import type { CheckRunner, FailureEvidence, ProbeResult, RunContext, UpstreamIncident, UpstreamMaintenance, UpstreamReport } from "../types";
import { targetUrl } from "./target-url";

/** HTTP error bodies are kept for the classifier's provider rules, not whole. */
const ERROR_BODY_MAX_CHARS = 1_000;
// Large status pages list hundreds of components (a few hundred KB); a server streaming
// without end must not fill the probe's memory before the timeout stops it.
const FEED_READ_LIMIT_BYTES = 4 * 1024 * 1024;
const REDACTED = "[redacted]";

type NetworkReason = Extract<FailureEvidence, { kind: "network" }>["reason"];

const NETWORK_REASON_OF_CODE: Record<string, NetworkReason> = {
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  ECONNREFUSED: "refused",
};
// OpenSSL's verification codes and Node's TLS errors have no fixed list worth copying.
const TLS_CODE_PATTERN = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;

/** The feed's address without query or credentials: what messages may show. */
function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** `base` plus `path`, keeping any path the base already has (a status page under a sub-path). */
export function feedUrl(base: string, path: string): URL {
  return new URL(path, base.endsWith("/") ? base : `${base}/`);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  // Connecting to every address of a host fails as one AggregateError, without a code of its own.
  if ("errors" in error && Array.isArray(error.errors)) return errorCode(error.errors[0]);
  return undefined;
}

function networkEvidence(error: unknown, signal: AbortSignal): Extract<FailureEvidence, { kind: "network" }> {
  if (signal.aborted) return { kind: "network", reason: "timeout", detail: "no answer before the check's timeout" };
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  const known = code === undefined ? undefined : (NETWORK_REASON_OF_CODE[code] ?? (TLS_CODE_PATTERN.test(code) ? "tls" : undefined));
  // A server dropping the connection mid-answer sometimes comes without a code.
  const reason = known ?? (/socket hang up|other side closed/i.test(message) ? "reset" : "other");
  return { kind: "network", reason, detail: code && !message.includes(code) ? `${code}: ${message}` : message };
}

/** The body as text, or null when it goes on past FEED_READ_LIMIT_BYTES. */
async function readLimited(response: Response): Promise<string | null> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new TextDecoder().decode(Buffer.concat(chunks));
    size += value.byteLength;
    if (size > FEED_READ_LIMIT_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/** As the http check reports it: a check that cannot run as configured, never a throw. */
export function invalidConfiguration(problem: string): ProbeResult {
  const detail = `invalid check configuration: ${problem}`;
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "shape", detail }, message: detail };
}

/** "field.sub: message" for the first thing zod found wrong. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unknown problem";
  const path = issue.path
    .map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`))
    .join("")
    .replace(/^\./, "");
  return path ? `${path}: ${issue.message}` : issue.message;
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.replaceAll(secret, REDACTED) : out), text);
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
  let text: string | null;
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
    text = await readLimited(response);
  } catch (error) {
    const evidence = networkEvidence(error, context.signal);
    const detail = redact(evidence.detail, secrets);
    return down({ ...evidence, detail }, `${shown}: ${evidence.reason} (${detail})`, null);
  }

  if (status < 200 || status > 299) {
    const body = redact((text ?? "").slice(0, ERROR_BODY_MAX_CHARS), secrets);
    return down({ kind: "http", status, body }, `${shown} answered HTTP ${status}`, status);
  }

  const shapeError = (problem: string) => {
    const detail = redact(`${shown} does not answer in the ${request.format} format: ${problem}`, secrets);
    return down({ kind: "shape", detail, status }, detail, status);
  };
  if (text === null) return shapeError(`the answer is larger than ${FEED_READ_LIMIT_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return shapeError(`the body is not JSON (${contentType})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return shapeError(firstIssue(parsed.error));
  return { ok: true, feed: parsed.data, httpStatus: status, latencyMs: elapsed() };
}

const statusWords = (status: ProviderStatus) => status.replaceAll("_", " ");

/**
 * The check's own outcome follows the provider's word: maintenance is announced, so it is
 * not a failure of this check; an outage is, with the provider's own account as evidence.
 */
export function upstreamResult(
  providerName: string,
  report: UpstreamReport,
  answer: { httpStatus: number; latencyMs: number },
  /** What to name when no incident explains the status (the failing components…). */
  fallbackSubject: string,
): ProbeResult {
  const base = { latencyMs: answer.latencyMs, httpStatus: answer.httpStatus, upstream: report };
  const status = report.providerStatus;
  if (status === "operational" || status === "under_maintenance") {
    return { ...base, outcome: "ok", evidence: null, message: `${providerName} reports ${statusWords(status)}` };
  }
  const detail = `${providerName} reports ${statusWords(status)}: ${report.incidents[0]?.title ?? fallbackSubject}`;
  return {
    ...base,
    outcome: status === "degraded_performance" ? "degraded" : "down",
    evidence: { kind: "upstream", detail },
    message: detail,
  };
}

// The Statuspage v2 summary, as far as we read it. Fields we do not use are not required,
// so a provider's page that omits them still works. Our component and incident statuses
// were chosen as Statuspage's own words, so its values validate against our enums.

const timestampMs = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));

const ComponentRefSchema = z.object({ id: z.string(), name: z.string() });

const UpdateSchema = z.object({ body: z.string(), created_at: timestampMs });

const ComponentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(PROVIDER_STATUSES),
  group: z.boolean().default(false),
  group_id: z.string().nullable().default(null),
});

const IncidentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum([...INCIDENT_IMPACTS, "maintenance"]),
  created_at: timestampMs,
  updated_at: timestampMs.nullable().optional(),
  started_at: timestampMs.nullable().optional(),
  incident_updates: z.array(UpdateSchema).default([]),
  components: z.array(ComponentRefSchema).default([]),
});

const MaintenanceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(["scheduled", "in_progress", "verifying", "completed"]),
  scheduled_for: timestampMs,
  scheduled_until: timestampMs,
  incident_updates: z.array(UpdateSchema).default([]),
  components: z.array(ComponentRefSchema).default([]),
});

const SummarySchema = z.object({
  page: z.object({ name: z.string() }),
  components: z.array(ComponentSchema),
  incidents: z.array(IncidentSchema),
  scheduled_maintenances: z.array(MaintenanceSchema),
});

type Component = z.output<typeof ComponentSchema>;
type Summary = z.output<typeof SummarySchema>;

const OPEN_MAINTENANCE_STATUSES: ReadonlySet<string> = new Set(["scheduled", "in_progress", "verifying"]);

function latestBody(updates: readonly { body: string; created_at: number }[]): string | undefined {
  return updates.reduce<{ body: string; created_at: number } | undefined>(
    (latest, u) => (!latest || u.created_at > latest.created_at ? u : latest),
    undefined,
  )?.body;
}

/**
 * The components that stand for our provider: the named ones, and the members of any
 * named group (naming "Payments" covers "Payments API" and "Checkout" under it).
 */
function ourComponents(components: Component[], names: string[] | undefined): { ours: Component[]; missing: string[] } {
  if (!names) return { ours: components.filter((c) => !c.group), missing: [] };
  const named = components.filter((c) => names.includes(c.name));
  const groupIds = new Set(named.filter((c) => c.group).map((c) => c.id));
  return {
    ours: components.filter((c) => named.includes(c) || (c.group_id !== null && groupIds.has(c.group_id))),
    missing: names.filter((name) => !named.some((c) => c.name === name)),
  };
}

const impactRank = (impact: IncidentImpact) => INCIDENT_IMPACTS.indexOf(impact);

function upstreamReport(summary: Summary, ours: Component[], filtered: boolean): UpstreamReport {
  const ourIds = new Set(ours.map((c) => c.id));
  // With a filter, an entry attached to none of our components is about another product on
  // a shared page; one attached to no component at all is ambiguous and left out too.
  const touchesUs = (refs: { id: string }[]) => !filtered || refs.some((r) => ourIds.has(r.id));

  const incidents: UpstreamIncident[] = summary.incidents
    .filter((i) => !isClosedStatus(i.status) && touchesUs(i.components))
    .map((i) => ({
      externalId: i.id,
      title: i.name,
      status: i.status,
      impact: i.impact === "maintenance" ? "none" : i.impact,
      body: latestBody(i.incident_updates) ?? `${summary.page.name} lists this incident without an update yet.`,
      startedAtMs: i.started_at ?? i.created_at,
      updatedAtMs: i.updated_at ?? i.created_at,
    }))
    // Worst first: the evidence names the first one.
    .sort((a, b) => impactRank(b.impact) - impactRank(a.impact) || a.startedAtMs - b.startedAtMs);

  const maintenances: UpstreamMaintenance[] = summary.scheduled_maintenances
    .filter((m) => OPEN_MAINTENANCE_STATUSES.has(m.status) && touchesUs(m.components))
    .map((m) => ({
      externalId: m.id,
      title: m.name,
      description: latestBody(m.incident_updates) ?? "",
      scheduledForMs: m.scheduled_for,
      scheduledUntilMs: m.scheduled_until,
    }));

  return { providerStatus: worstProviderStatus(ours.map((c) => c.status)), incidents, maintenances };
}

export const runStatuspageCheck: CheckRunner = async (target, context) => {
  const parsedConfig = StatuspageCheckConfigSchema.safeParse(target.config);
  if (!parsedConfig.success) return invalidConfiguration(firstIssue(parsedConfig.error));
  const config = parsedConfig.data;
  const url = feedUrl(targetUrl(config, context.demoBaseUrl), "api/v2/summary.json");
  const answer = await readFeed({ url, format: "Statuspage" }, SummarySchema, context);
  if (!answer.ok) return answer.result;

  const summary = answer.feed;
  const { ours, missing } = ourComponents(summary.components, config.components);
  if (missing.length > 0) {
    // A renamed component would otherwise read as "operational" forever; no report is
    // given, so mirrored incidents stay as they are until the configuration is fixed.
    const listed = summary.components.map((c) => `"${c.name}"`).join(", ") || "none";
    const detail = `${displayUrl(url)} lists no component named ${missing.map((n) => `"${n}"`).join(", ")} (it lists ${listed})`;
    return { outcome: "down", latencyMs: answer.latencyMs, httpStatus: answer.httpStatus, evidence: { kind: "shape", detail, status: answer.httpStatus }, message: detail };
  }

  const report = upstreamReport(summary, ours, config.components !== undefined);
  const worst = ours.filter((c) => c.status === report.providerStatus).map((c) => c.name);
  return upstreamResult(summary.page.name, report, answer, worst.join(", "));
};
