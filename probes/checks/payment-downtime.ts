// Reads a payment gateway's downtime list in Razorpay's documented format
// (`GET /v1/payments/downtimes`): which payment methods, banks, card networks or UPI
// apps are failing right now or will be. Ongoing downtimes become upstream incidents,
// announced ones upstream maintenance windows.

import { z } from "zod";
import { worstProviderStatus } from "../../db/health/status";
import { PaymentDowntimeCheckConfigSchema } from "../../db/schema/check-config";
import type { IncidentImpact, ProviderStatus } from "../../db/schema/enums";
import { HOUR_MS, PAGE_TIME_ZONE } from "../../db/time";
import type { CheckRunner, UpstreamIncident, UpstreamMaintenance, UpstreamReport } from "../types";
import { invalidConfiguration, parseCheckConfig } from "./configuration";
import { feedUrl, readFeed } from "./feed";
import { targetUrl } from "./target-url";
import { upstreamResult } from "./upstream";

/**
 * A scheduled downtime without an announced end is still worth announcing; our windows
 * need an end, so it is shown as this long and says the end is not known.
 */
const UNANNOUNCED_END_DURATION_MS = HOUR_MS;
const SECOND_MS = 1_000;

const METHODS = ["card", "netbanking", "upi", "wallet"] as const;
const SEVERITIES = ["low", "medium", "high"] as const;
type Method = (typeof METHODS)[number];
type Severity = (typeof SEVERITIES)[number];

const InstrumentSchema = z.object({
  psp: z.string().optional(),
  vpa_handle: z.string().optional(),
  bank: z.string().optional(),
  issuer: z.string().optional(),
  network: z.string().optional(),
  wallet: z.string().optional(),
});

const DowntimeSchema = z.object({
  id: z.string().min(1),
  entity: z.literal("payment.downtime").optional(),
  method: z.enum(METHODS),
  begin: z.int().nonnegative(),
  end: z.int().nonnegative().nullable(),
  status: z.enum(["scheduled", "started", "updated", "resolved", "cancelled"]),
  scheduled: z.boolean(),
  severity: z.enum(SEVERITIES),
  // The API is PHP-backed: an empty instrument can arrive as `[]` rather than `{}`.
  instrument: z.preprocess((value) => (Array.isArray(value) && value.length === 0 ? {} : value), InstrumentSchema),
  created_at: z.int().nonnegative(),
  updated_at: z.int().nonnegative(),
});

const DowntimeListSchema = z.object({
  entity: z.literal("collection"),
  count: z.int().nonnegative(),
  items: z.array(DowntimeSchema),
});

type Downtime = z.output<typeof DowntimeSchema>;
type Instrument = z.output<typeof InstrumentSchema>;

const METHOD_WORDS: Record<Method, { title: string; payments: string }> = {
  card: { title: "Cards", payments: "card payments" },
  netbanking: { title: "Netbanking", payments: "netbanking payments" },
  upi: { title: "UPI", payments: "UPI payments" },
  wallet: { title: "Wallets", payments: "wallet payments" },
};

// Most specific first: a UPI downtime may name both the PSP and its handle.
const INSTRUMENT_WORDS: readonly (readonly [keyof Instrument, string])[] = [
  ["psp", "via PSP"],
  ["vpa_handle", "via VPA handle"],
  ["bank", "via bank"],
  ["issuer", "from issuer"],
  ["network", "on network"],
  ["wallet", "via wallet"],
];

const IMPACT_OF_SEVERITY: Record<Severity, IncidentImpact> = { high: "major", medium: "minor", low: "minor" };
const STATUS_OF_SEVERITY: Record<Severity, ProviderStatus> = {
  high: "partial_outage",
  medium: "degraded_performance",
  low: "degraded_performance",
};
const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

// Dated as well as timed: the text must not change from one poll to the next (at midnight,
// say), or the mirror would post a new update for nothing.
const timeFormat = new Intl.DateTimeFormat("en-IN", {
  timeZone: PAGE_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const dateFormat = new Intl.DateTimeFormat("en-IN", { timeZone: PAGE_TIME_ZONE, day: "numeric", month: "short", year: "numeric" });
const localTime = (ms: number) => `${timeFormat.format(ms)} IST on ${dateFormat.format(ms)}`;

function instrumentPhrase(instrument: Instrument): string {
  for (const [key, words] of INSTRUMENT_WORDS) {
    const value = instrument[key];
    if (value) return ` ${words} ${value}`;
  }
  return "";
}

/** "UPI via PSP oksbi": what fails, as a title. */
const subject = (d: Downtime) => `${METHOD_WORDS[d.method].title}${instrumentPhrase(d.instrument)}`;
/** "UPI payments via PSP oksbi": what fails, inside a sentence. */
const payments = (d: Downtime) => `${METHOD_WORDS[d.method].payments}${instrumentPhrase(d.instrument)}`;

function toIncident(d: Downtime, gateway: string): UpstreamIncident {
  const beginMs = d.begin * SECOND_MS;
  return {
    externalId: d.id,
    title: `${subject(d)}: ${d.severity} severity`,
    status: "identified",
    impact: IMPACT_OF_SEVERITY[d.severity],
    body: `${gateway} reports that ${payments(d)} may fail (${d.severity} severity) since ${localTime(beginMs)}.`,
    startedAtMs: beginMs,
    updatedAtMs: d.updated_at * SECOND_MS,
  };
}

function toMaintenance(d: Downtime, gateway: string): UpstreamMaintenance {
  const beginMs = d.begin * SECOND_MS;
  const announced = `${gateway} has scheduled a downtime: ${payments(d)} may fail (${d.severity} severity) from ${localTime(beginMs)}`;
  return {
    externalId: d.id,
    title: `Scheduled downtime: ${subject(d)}`,
    description:
      d.end === null
        ? `${announced}. ${gateway} has not announced when it ends.`
        : `${announced} until ${localTime(d.end * SECOND_MS)}.`,
    scheduledForMs: beginMs,
    scheduledUntilMs: d.end === null ? beginMs + UNANNOUNCED_END_DURATION_MS : d.end * SECOND_MS,
  };
}

/** The target only carries the provider's slug; "razorpay" reads as "Razorpay". */
const nameOfSlug = (slug: string) => slug.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");

type BasicAuth = { header?: string; secrets: string[] } | { unset: string[] };

function basicAuth(env: { username: string; password: string } | undefined): BasicAuth {
  if (!env) return { secrets: [] };
  const username = process.env[env.username];
  const password = process.env[env.password];
  if (!username || !password) return { unset: [env.username, env.password].filter((name) => !process.env[name]) };
  const token = Buffer.from(`${username}:${password}`).toString("base64");
  return { header: `Basic ${token}`, secrets: [password, token] };
}

export const runPaymentDowntimeCheck: CheckRunner = async (target, context) => {
  const parsedConfig = parseCheckConfig(PaymentDowntimeCheckConfigSchema, target.config);
  if (!parsedConfig.ok) return parsedConfig.result;
  const { config } = parsedConfig;
  // The demo's simulated gateway needs no key, and real keys must never be sent to it.
  const demo = Boolean(context.demoBaseUrl && config.demoPath);
  const auth = basicAuth(demo ? undefined : config.basicAuthEnv);
  // Calling without the credentials would blame the gateway (or the key) for our setup.
  if ("unset" in auth) return invalidConfiguration("basicAuthEnv", `environment variable not set: ${auth.unset.join(", ")}`);
  const url = feedUrl(targetUrl(config, context.demoBaseUrl), "v1/payments/downtimes");
  const answer = await readFeed(
    { url, format: "payment downtime", headers: auth.header ? { authorization: auth.header } : {}, secrets: auth.secrets },
    DowntimeListSchema,
    context,
  );
  if (!answer.ok) return answer.result;

  const gateway = nameOfSlug(target.providerSlug);
  // Worst first, so the evidence names the downtime that hurts most.
  const ongoing = answer.feed.items
    .filter((d) => d.status === "started" || d.status === "updated")
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.begin - b.begin);
  const report: UpstreamReport = {
    providerStatus: worstProviderStatus(ongoing.map((d) => STATUS_OF_SEVERITY[d.severity])),
    incidents: ongoing.map((d) => toIncident(d, gateway)),
    maintenances: answer.feed.items.filter((d) => d.status === "scheduled").map((d) => toMaintenance(d, gateway)),
  };
  return upstreamResult(gateway, report, answer, "payment downtime");
};
