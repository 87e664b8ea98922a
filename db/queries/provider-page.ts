import { and, eq, inArray, not } from "drizzle-orm";
import type { Executor } from "../client";
import { averageLatencyMs, dailyUptime, sumCounts, toUptimeCounts, UPTIME_BAR_DAYS, uptimeRatio } from "../health/uptime";
import { category, incident, incidentProvider, provider } from "../schema";
import type { ProviderStatus } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { DAY_MS, dayStartMs, HOUR_MS, hourStartMs, lastDays, localHourOf } from "../time";
import { listCategoryActions, type ActionItem } from "./catalogue";
import { isClosedStatus } from "../health/incident-status";
import { isOpen, listIncidentsOverlapping, listIncidentSummaries, type IncidentSummary } from "./incidents";
import { listMaintenanceOverlapping, type MaintenanceSummary } from "./maintenance";
import { deriveProviderStatuses, providerCheckStates } from "./provider-status";
import { incidentTitles, uptimeBars, type UptimeBar } from "./status-page";
import { providerDailyCounts, providerHourlyCounts } from "./uptime";

export const RESPONSE_TIME_CHART_HOURS = 7 * 24;
export const PAST_INCIDENTS_SHOWN = 20;

export interface ProviderPage {
  nowMs: number;
  provider: {
    id: number;
    slug: string;
    name: string;
    description: string;
    websiteUrl: string | null;
    statusPageUrl: string | null;
    category: { slug: string; name: LocalizedText };
  };
  status: ProviderStatus;
  uptime: { last24Hours: number | null; last7Days: number | null; last30Days: number | null; last90Days: number | null };
  days: string[];
  bar: UptimeBar;
  barIncidents: Record<number, { title: string; impact: IncidentSummary["impact"] }>;
  daily: { day: string; uptime: number | null; averageLatencyMs: number | null }[];
  /** Hours of the response-time chart, with the hour of day in India to place day ticks. */
  hourly: { hourStartAt: number; localHour: number; uptime: number | null; averageLatencyMs: number | null }[];
  openIncidents: IncidentSummary[];
  pastIncidents: IncidentSummary[];
  maintenance: MaintenanceSummary[];
  checklist: ActionItem[];
}

export function getProviderPage(db: Executor, slug: string, nowMs: number): ProviderPage | null {
  const row = db
    .select({
      id: provider.id,
      slug: provider.slug,
      name: provider.name,
      description: provider.description,
      websiteUrl: provider.websiteUrl,
      statusPageUrl: provider.statusPageUrl,
      categoryId: category.id,
      categorySlug: category.slug,
      categoryName: category.name,
    })
    .from(provider)
    .innerJoin(category, eq(category.id, provider.categoryId))
    .where(eq(provider.slug, slug))
    .get();
  if (!row) return null;

  const days = lastDays(nowMs, UPTIME_BAR_DAYS);
  const daily = providerDailyCounts(db, days[0]!, row.id);
  const series = dailyUptime(days, daily.get(row.id) ?? new Map());
  const uptimeOfLastDays = (n: number) => uptimeRatio(sumCounts(series.slice(-n).flatMap((d) => (d.counts ? [d.counts] : []))));
  const hourly = providerHourlyCounts(db, row.id, hourStartMs(nowMs) - (RESPONSE_TIME_CHART_HOURS - 1) * HOUR_MS);
  const last24Hours = uptimeRatio(sumCounts(hourly.filter((h) => h.hourStartAt > nowMs - DAY_MS).map((h) => h.counts)));
  const uptimeByDay = new Map(series.flatMap((d) => (d.counts ? [[d.day, toUptimeCounts(d.counts)] as const] : [])));
  const window = { fromMs: dayStartMs(days[0]!), toMs: nowMs };
  // An open incident always overlaps the window, and so does a maintenance yet to come.
  const recentIncidents = listIncidentsOverlapping(db, window, [row.id]);
  const openIncidents = recentIncidents.filter((i) => !isClosedStatus(i.status));
  const recentMaintenance = listMaintenanceOverlapping(db, { fromMs: window.fromMs, toMs: Number.POSITIVE_INFINITY }, nowMs, row.id);
  const maintenance = recentMaintenance.filter((m) => m.status !== "completed");
  const bars = uptimeBars(days, nowMs, [row.id], {
    daily: new Map([[row.id, uptimeByDay]]),
    incidents: recentIncidents,
    maintenance: recentMaintenance,
  });
  const pastIncidents = listIncidentSummaries(
    db,
    and(
      not(isOpen),
      inArray(incident.id, db.select({ id: incidentProvider.incidentId }).from(incidentProvider).where(eq(incidentProvider.providerId, row.id))),
    ),
    PAST_INCIDENTS_SHOWN,
  );
  const statuses = deriveProviderStatuses([row.id], { openIncidents, maintenance, checkStates: providerCheckStates(db, row.id) });

  return {
    nowMs,
    provider: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      websiteUrl: row.websiteUrl,
      statusPageUrl: row.statusPageUrl,
      category: { slug: row.categorySlug, name: row.categoryName },
    },
    status: statuses.get(row.id) ?? "operational",
    uptime: {
      last24Hours,
      last7Days: uptimeOfLastDays(7),
      last30Days: uptimeOfLastDays(30),
      last90Days: uptimeOfLastDays(90),
    },
    days,
    bar: bars.get(row.id)!,
    barIncidents: incidentTitles(recentIncidents),
    daily: series.map((d) => ({ day: d.day, uptime: d.uptime, averageLatencyMs: d.counts ? averageLatencyMs(d.counts) : null })),
    hourly: hourly.map((h) => ({
      hourStartAt: h.hourStartAt,
      localHour: localHourOf(h.hourStartAt),
      uptime: uptimeRatio(h.counts),
      averageLatencyMs: averageLatencyMs(h.counts),
    })),
    openIncidents,
    pastIncidents,
    maintenance,
    checklist: listCategoryActions(db, row.categoryId),
  };
}
