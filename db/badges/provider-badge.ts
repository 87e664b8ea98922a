// What a provider's badges say: its status right now, derived exactly as its page derives
// it, and its uptime over the last days from the daily rollups (never raw results).

import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { sumCounts, uptimeRatio } from "../health/uptime";
import { provider } from "../schema";
import type { ProviderStatus } from "../schema/enums";
import { lastDays } from "../time";
import { historyFilter, isOpen, listIncidentSummaries } from "../queries/incidents";
import { listMaintenanceOverlapping } from "../queries/maintenance";
import { deriveProviderStatuses, providerCheckStates } from "../queries/provider-status";
import { providerDailyCounts } from "../queries/uptime";

function findProvider(db: Executor, slug: string) {
  return db.select({ id: provider.id, name: provider.name }).from(provider).where(eq(provider.slug, slug)).get();
}

export function getProviderBadgeStatus(db: Executor, slug: string, nowMs: number): { name: string; status: ProviderStatus } | null {
  const row = findProvider(db, slug);
  if (!row) return null;
  const openIncidents = listIncidentSummaries(db, and(isOpen, historyFilter(db, { providerSlug: slug })));
  // Only a window in progress changes the status, so the instant now is the whole window.
  const maintenance = listMaintenanceOverlapping(db, { fromMs: nowMs, toMs: nowMs + 1 }, nowMs, row.id);
  const statuses = deriveProviderStatuses([row.id], { openIncidents, maintenance, checkStates: providerCheckStates(db, row.id) });
  return { name: row.name, status: statuses.get(row.id) ?? "operational" };
}

/** Uptime over the last `days` local days, today included, as the provider page counts its windows; null without results. */
export function getProviderBadgeUptime(db: Executor, slug: string, days: number, nowMs: number): { name: string; uptime: number | null } | null {
  const row = findProvider(db, slug);
  if (!row) return null;
  const window = lastDays(nowMs, days);
  const daily = providerDailyCounts(db, window[0]!, row.id).get(row.id) ?? new Map();
  const counts = sumCounts(window.flatMap((day) => daily.get(day) ?? []));
  return { name: row.name, uptime: uptimeRatio(counts) };
}
