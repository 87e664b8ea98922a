import type { Executor } from "../client";
import { pageIndicator, worstProviderStatus } from "../health/status";
import { uptimeOf, type UptimeCounts } from "../health/uptime";
import type { IncidentImpact, PageIndicator, ProviderStatus } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { addDays, dayKey, dayStartMs, lastDays } from "../time";
import { listCategories, listProviders } from "./catalogue";
import { listIncidentsOverlapping, listOpenIncidents, type IncidentSummary } from "./incidents";
import { listActiveAndUpcomingMaintenance, listMaintenanceOverlapping, type MaintenanceSummary } from "./maintenance";
import { deriveProviderStatuses, providerCheckStates } from "./provider-status";
import { providerDailyUptime } from "./uptime";

export const UPTIME_BAR_DAYS = 90;

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
export function dayIndexesOf(days: string[], fromMs: number, toMs: number): number[] {
  const first = days[0]!;
  const indexes: number[] = [];
  for (let day = dayKey(Math.max(fromMs, dayStartMs(first))); day <= dayKey(toMs) && day <= days[days.length - 1]!; day = addDays(day, 1)) {
    indexes.push(days.indexOf(day));
  }
  return indexes.filter((i) => i >= 0);
}

/** Uptime bars of these providers (all when null) from their daily counts, with the incidents and maintenance they show. */
export function uptimeBars(
  db: Executor,
  days: string[],
  nowMs: number,
  providerIds: number[] | null,
  daily: Map<number, Map<string, UptimeCounts>>,
): { bars: Map<number, UptimeBar>; incidents: IncidentSummary[] } {
  const window = { fromMs: dayStartMs(days[0]!), toMs: nowMs };
  const incidents = listIncidentsOverlapping(db, window, providerIds);
  const maintenance = listMaintenanceOverlapping(db, window, nowMs);
  const bars = new Map<number, UptimeBar>();
  const barOf = (providerId: number) => {
    let bar = bars.get(providerId);
    if (!bar) {
      const counts = daily.get(providerId);
      const total = { up: 0, counted: 0 };
      bar = {
        uptime: null,
        byDay: days.map((d) => {
          const c = counts?.get(d);
          if (!c) return null;
          total.up += c.up;
          total.counted += c.counted;
          return roundRatio(uptimeOf(c));
        }),
        incidentsByDay: {},
        maintenanceDays: [],
      };
      bar.uptime = roundRatio(uptimeOf(total));
      bars.set(providerId, bar);
    }
    return bar;
  };
  for (const id of providerIds ?? daily.keys()) barOf(id);
  for (const i of incidents) {
    for (const p of i.providers) {
      if (providerIds && !providerIds.includes(p.id)) continue;
      const bar = barOf(p.id);
      for (const d of dayIndexesOf(days, i.startedAtMs, i.resolvedAtMs ?? nowMs)) (bar.incidentsByDay[d] ??= []).push(i.id);
    }
  }
  for (const m of maintenance) {
    for (const p of m.providers) {
      if (providerIds && !providerIds.includes(p.id)) continue;
      const bar = barOf(p.id);
      for (const d of dayIndexesOf(days, m.scheduledForMs, Math.min(m.scheduledUntilMs, nowMs))) {
        if (!bar.maintenanceDays.includes(d)) bar.maintenanceDays.push(d);
      }
    }
  }
  return { bars, incidents };
}

export function getStatusPage(db: Executor, nowMs: number): StatusPage {
  const days = lastDays(nowMs, UPTIME_BAR_DAYS);
  const categories = listCategories(db);
  const providers = listProviders(db);
  const openIncidents = listOpenIncidents(db);
  const maintenance = listActiveAndUpcomingMaintenance(db, nowMs);
  const statuses = deriveProviderStatuses(
    providers.map((p) => p.id),
    { openIncidents, maintenance, checkStates: providerCheckStates(db) },
  );
  const { bars, incidents } = uptimeBars(db, days, nowMs, null, providerDailyUptime(db, days[0]!));
  const emptyBar = (): UptimeBar => ({ uptime: null, byDay: days.map(() => null), incidentsByDay: {}, maintenanceDays: [] });

  const groups = categories
    .map((c) => {
      const rows = providers
        .filter((p) => p.categoryId === c.id)
        .map((p) => ({ id: p.id, slug: p.slug, name: p.name, status: statuses.get(p.id) ?? "operational", bar: bars.get(p.id) ?? emptyBar() }));
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
    barIncidents: Object.fromEntries(incidents.map((i) => [i.id, { title: i.title, impact: i.impact }])),
  };
}
