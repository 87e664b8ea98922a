// Reads a provider's own Atlassian Statuspage feed (`/api/v2/summary.json`). The feed is
// the provider's word on its health, so it yields both an outcome for this check and an
// upstream report that the pipeline mirrors into our incidents and maintenance.

import { z } from "zod";
import { worstProviderStatus } from "../../db/health/status";
import { isClosedStatus } from "../../db/health/incident-status";
import { StatuspageCheckConfigSchema } from "../../db/schema/check-config";
import { INCIDENT_IMPACTS, INCIDENT_STATUSES, PROVIDER_STATUSES, type IncidentImpact } from "../../db/schema/enums";
import type { CheckRunner, UpstreamIncident, UpstreamMaintenance, UpstreamReport } from "../types";
import { parseCheckConfig } from "./configuration";
import { displayUrl, feedUrl, readFeed } from "./feed";
import { targetUrl } from "./target-url";
import { upstreamResult } from "./upstream";

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
  const parsedConfig = parseCheckConfig(StatuspageCheckConfigSchema, target.config);
  if (!parsedConfig.ok) return parsedConfig.result;
  const { config } = parsedConfig;
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
    return { outcome: "down", latencyMs: answer.latencyMs, httpStatus: answer.httpStatus, evidence: { kind: "configuration", detail }, message: detail };
  }

  const report = upstreamReport(summary, ours, config.components !== undefined);
  const worst = ours.filter((c) => c.status === report.providerStatus).map((c) => c.name);
  return upstreamResult(summary.page.name, report, answer, worst.join(", "));
};
