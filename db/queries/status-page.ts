import type { Executor } from "../client";
import { pageIndicator, worstProviderStatus } from "../health/status";
import { UPTIME_BAR_DAYS, uptimeOf, type UptimeCounts } from "../health/uptime";
import type { IncidentImpact, PageIndicator, ProviderStatus } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { addDays, dayKey, dayStartMs, lastDays } from "../time";
import { listCategories, listProviders } from "./catalogue";
import { isClosedStatus } from "../health/incident-status";
import { listIncidentsOverlapping, type IncidentSummary } from "./incidents";
import { listMaintenanceOverlapping, type MaintenanceSummary } from "./maintenance";
import { deriveProviderStatuses, providerCheckStates } from "./provider-status";
import { providerDailyUptime } from "./uptime";

/**
 * One provider's 90 days, compact because it travels to the browser for every provider:
 * uptime per day (null = no data), and the page's incident ids and maintenance per day index.
 */
export interface UptimeBar {
  uptime: number | null;
  byDay: (number | null)[];
  incidentsByDay: Record<number, number[]>;
  maintenanceDays: number[];
}

export interface ProviderRow {
  id: number;
  slug: string;
  name: string;
  status: ProviderStatus;
  bar: UptimeBar;
}

export interface CategoryGroup {
  slug: string;
  name: LocalizedText;
  status: ProviderStatus;
  providers: ProviderRow[];
}

export interface StatusPage {
  nowMs: number;
  indicator: PageIndicator;
  days: string[];
  groups: CategoryGroup[];
  openIncidents: IncidentSummary[];
  maintenance: MaintenanceSummary[];
  /** Titles of the incidents the bars refer to. */
  barIncidents: Record<number, { title: string; impact: IncidentImpact }>;
}

/** Uptime to a thousandth of a percent: all a page shows, and much less to send. */
const roundRatio = (ratio: number | null) => (ratio === null ? null : Math.floor(ratio * 100_000) / 100_000);

/** Day indexes (into `days`) an interval touches. */
function dayIndexesOf(days: string[], fromMs: number, toMs: number): number[] {
  const first = days[0]!;
  const indexes: number[] = [];
  for (let day = dayKey(Math.max(fromMs, dayStartMs(first))); day <= dayKey(toMs) && day <= days[days.length - 1]!; day = addDays(day, 1)) {
    indexes.push(days.indexOf(day));
  }
  return indexes.filter((i) => i >= 0);
}

function barOfCounts(days: string[], counts: Map<string, UptimeCounts> | undefined): UptimeBar {
  const total = { up: 0, counted: 0 };
  const byDay = days.map((d) => {
    const c = counts?.get(d);
    if (!c) return null;
    total.up += c.up;
    total.counted += c.counted;
    return roundRatio(uptimeOf(c));
  });
  return { uptime: roundRatio(uptimeOf(total)), byDay, incidentsByDay: {}, maintenanceDays: [] };
}

/** The uptime bar of each provider, marked with the incidents and maintenance of its days. */
export function uptimeBars(
  days: string[],
  nowMs: number,
  providerIds: number[],
  sources: { daily: Map<number, Map<string, UptimeCounts>>; incidents: IncidentSummary[]; maintenance: MaintenanceSummary[] },
): Map<number, UptimeBar> {
  const bars = new Map(providerIds.map((id) => [id, barOfCounts(days, sources.daily.get(id))]));
  for (const i of sources.incidents) {
    for (const p of i.providers) {
      const bar = bars.get(p.id);
      if (!bar) continue;
      for (const d of dayIndexesOf(days, i.startedAtMs, i.resolvedAtMs ?? nowMs)) (bar.incidentsByDay[d] ??= []).push(i.id);
    }
  }
  for (const m of sources.maintenance) {
    for (const p of m.providers) {
      const bar = bars.get(p.id);
      if (!bar) continue;
      for (const d of dayIndexesOf(days, m.scheduledForMs, Math.min(m.scheduledUntilMs, nowMs))) {
        if (!bar.maintenanceDays.includes(d)) bar.maintenanceDays.push(d);
      }
    }
  }
  return bars;
}

export const incidentTitles = (incidents: IncidentSummary[]) =>
  Object.fromEntries(incidents.map((i) => [i.id, { title: i.title, impact: i.impact }]));

export function getStatusPage(db: Executor, nowMs: number): StatusPage {
  const days = lastDays(nowMs, UPTIME_BAR_DAYS);
  const window = { fromMs: dayStartMs(days[0]!), toMs: nowMs };
  const categories = listCategories(db);
  const providers = listProviders(db);
  const providerIds = providers.map((p) => p.id);
  // An open incident always overlaps the window, and so does a maintenance yet to come.
  const incidents = listIncidentsOverlapping(db, window, null);
  const openIncidents = incidents.filter((i) => !isClosedStatus(i.status));
  const recentMaintenance = listMaintenanceOverlapping(db, { fromMs: window.fromMs, toMs: Number.POSITIVE_INFINITY }, nowMs);
  const maintenance = recentMaintenance.filter((m) => m.status !== "completed");
  const statuses = deriveProviderStatuses(providerIds, { openIncidents, maintenance, checkStates: providerCheckStates(db) });
  const bars = uptimeBars(days, nowMs, providerIds, {
    daily: providerDailyUptime(db, days[0]!),
    incidents,
    maintenance: recentMaintenance,
  });

  const groups = categories
    .map((c) => {
      const rows = providers
        .filter((p) => p.categoryId === c.id)
        .map((p) => ({ id: p.id, slug: p.slug, name: p.name, status: statuses.get(p.id) ?? "operational", bar: bars.get(p.id)! }));
      return { slug: c.slug, name: c.name, status: worstProviderStatus(rows.map((r) => r.status)), providers: rows };
    })
    .filter((g) => g.providers.length > 0);

  return {
    nowMs,
    indicator: pageIndicator(statuses.values(), openIncidents.map((i) => i.impact)),
    days,
    groups,
    openIncidents,
    maintenance,
    barIncidents: incidentTitles(incidents),
  };
}
