// Categories as Statuspage component groups and providers as their components, with the
// same derived status the status page shows (db/health/status.ts), read from check rows,
// open incidents, maintenance windows and the daily rollups; never from raw results.

import { and, asc, eq, isNull, max, min, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { pageIndicator, worstProviderStatus } from "../health/status";
import { isPublicIncident, listOpenIncidents, type IncidentSummary } from "../queries/incidents";
import { listMaintenanceOverlapping } from "../queries/maintenance";
import { deriveProviderStatuses, providerCheckStates } from "../queries/provider-status";
import {
  category,
  check,
  incident,
  incidentProvider,
  incidentUpdate,
  maintenance,
  maintenanceProvider,
  provider,
  providerDailyRollup,
} from "../schema";
import { FEED_CHECK_KINDS, type PageIndicator, type ProviderStatus } from "../schema/enums";
import { PAGE_TIME_ZONE } from "../time";
import {
  STATUSPAGE_PAGE_ID,
  STATUSPAGE_PAGE_NAME,
  statuspageIds,
  type StatuspageComponent,
  type StatuspageContext,
  type StatuspagePage,
} from "./shapes";
import { latestMs, pageZoneIso } from "./timestamps";

/** What every document starts from: the components, the page they make up, and what decided their status. */
export interface ComponentsSnapshot {
  page: StatuspagePage;
  /** Each group followed by its components, in status-page order. */
  components: StatuspageComponent[];
  byProviderId: Map<number, StatuspageComponent>;
  indicator: PageIndicator;
  openIncidents: IncidentSummary[];
}

/** The latest start or end, already passed, of a window not cancelled, in milliseconds (a raw aggregate is not mapped to a Date). */
const lastBoundaryPassed = (nowMs: number) => sql<number | null>`max(case
  when ${maintenance.cancelledAt} is not null then null
  when ${maintenance.scheduledUntil} <= ${nowMs} then ${maintenance.scheduledUntil}
  when ${maintenance.scheduledFor} <= ${nowMs} then ${maintenance.scheduledFor}
end)`;

/**
 * When each provider's status last had reason to change: a confirmed change of one of its
 * own checks, a change to one of its public incidents, or one of its maintenance windows
 * starting or ending. Only instants already past count, so the answer (and the ETag made
 * from it) stays put until something happens.
 */
function statusChangedAtByProvider(db: Executor, nowMs: number): Map<number, number> {
  const changedAt = new Map<number, number>();
  const note = (providerId: number, atMs: number | null | undefined) =>
    changedAt.set(providerId, latestMs(changedAt.get(providerId), atMs));
  const checks = db
    .select({ providerId: check.providerId, at: max(check.stateChangedAt) })
    .from(check)
    .where(and(isNull(check.connectionId), eq(check.enabled, true), notInArray(check.kind, [...FEED_CHECK_KINDS])))
    .groupBy(check.providerId)
    .all();
  for (const r of checks) note(r.providerId, r.at?.getTime());
  const incidents = db
    .select({ providerId: incidentProvider.providerId, at: max(incident.updatedAt) })
    .from(incidentProvider)
    .innerJoin(incident, eq(incident.id, incidentProvider.incidentId))
    .where(isPublicIncident)
    .groupBy(incidentProvider.providerId)
    .all();
  for (const r of incidents) note(r.providerId, r.at?.getTime());
  const windows = db
    .select({ providerId: maintenanceProvider.providerId, at: lastBoundaryPassed(nowMs) })
    .from(maintenanceProvider)
    .innerJoin(maintenance, eq(maintenance.id, maintenanceProvider.maintenanceId))
    .groupBy(maintenanceProvider.providerId)
    .all();
  for (const r of windows) note(r.providerId, r.at);
  return changedAt;
}

/** The first India day each provider has results for: where its uptime history starts. */
function historyStartDays(db: Executor): Map<number, string> {
  const rows = db
    .select({ providerId: providerDailyRollup.providerId, day: min(providerDailyRollup.day) })
    .from(providerDailyRollup)
    .groupBy(providerDailyRollup.providerId)
    .all();
  return new Map(rows.flatMap((r) => (r.day === null ? [] : [[r.providerId, r.day] as const])));
}

/**
 * The latest change anywhere on the page that is not a component's: incidents and their
 * updates (edits included), and maintenance windows, cancelled ones too, since a
 * cancellation takes a window off the page.
 */
function lastChangeOutsideComponents(db: Executor, nowMs: number): number {
  const incidents = db
    .select({ at: max(incident.updatedAt) })
    .from(incident)
    .where(isPublicIncident)
    .get();
  const updates = db
    .select({ created: max(incidentUpdate.createdAt), edited: max(incidentUpdate.editedAt) })
    .from(incidentUpdate)
    .innerJoin(incident, eq(incident.id, incidentUpdate.incidentId))
    .where(isPublicIncident)
    .get();
  const windows = db
    .select({
      updated: max(maintenance.updatedAt),
      boundary: lastBoundaryPassed(nowMs),
    })
    .from(maintenance)
    .get();
  return latestMs(
    incidents?.at?.getTime(),
    updates?.created?.getTime(),
    updates?.edited?.getTime(),
    windows?.updated?.getTime(),
    windows?.boundary,
  );
}

export function loadComponentsSnapshot(db: Executor, ctx: StatuspageContext): ComponentsSnapshot {
  const categories = db
    .select({
      id: category.id,
      slug: category.slug,
      name: category.name,
      description: category.description,
      createdAt: category.createdAt,
      updatedAt: category.updatedAt,
    })
    .from(category)
    .orderBy(asc(category.position))
    .all();
  const providers = db
    .select({
      id: provider.id,
      slug: provider.slug,
      name: provider.name,
      description: provider.description,
      categoryId: provider.categoryId,
      createdAt: provider.createdAt,
      updatedAt: provider.updatedAt,
    })
    .from(provider)
    .innerJoin(category, eq(category.id, provider.categoryId))
    .orderBy(asc(category.position), asc(provider.position))
    .all();

  const openIncidents = listOpenIncidents(db);
  // Windows that end after now: the ones yet to come and the ones in progress.
  const maintenance = listMaintenanceOverlapping(db, { fromMs: ctx.nowMs, toMs: Number.POSITIVE_INFINITY }, ctx.nowMs);
  const statuses = deriveProviderStatuses(
    providers.map((p) => p.id),
    { openIncidents, maintenance, checkStates: providerCheckStates(db) },
  );
  const changedAt = statusChangedAtByProvider(db, ctx.nowMs);
  const providerUpdatedMs = new Map(providers.map((p) => [p.id, latestMs(p.updatedAt.getTime(), changedAt.get(p.id))]));
  const startDays = historyStartDays(db);

  const components: StatuspageComponent[] = [];
  const byProviderId = new Map<number, StatuspageComponent>();
  let groupPosition = 0;
  for (const c of categories) {
    const members = providers.filter((p) => p.categoryId === c.id);
    if (members.length === 0) continue;
    groupPosition += 1;
    const groupId = statuspageIds.category(c.slug);
    const memberStatuses: ProviderStatus[] = members.map((p) => statuses.get(p.id) ?? "operational");
    const children = members.map(
      (p, index): StatuspageComponent => ({
        id: statuspageIds.provider(p.slug),
        name: p.name,
        status: memberStatuses[index]!,
        created_at: pageZoneIso(p.createdAt.getTime()),
        updated_at: pageZoneIso(providerUpdatedMs.get(p.id)!),
        position: index + 1,
        description: p.description.trim() === "" ? null : p.description,
        // Every provider shows its 90-day uptime bar on the page.
        showcase: true,
        start_date: startDays.get(p.id) ?? null,
        group_id: groupId,
        page_id: STATUSPAGE_PAGE_ID,
        group: false,
        only_show_if_degraded: false,
      }),
    );
    const groupUpdatedMs = latestMs(c.updatedAt.getTime(), ...members.map((p) => providerUpdatedMs.get(p.id)));
    components.push(
      {
        id: groupId,
        name: c.name.en,
        status: worstProviderStatus(memberStatuses),
        created_at: pageZoneIso(c.createdAt.getTime()),
        updated_at: pageZoneIso(groupUpdatedMs),
        position: groupPosition,
        description: c.description.en,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: STATUSPAGE_PAGE_ID,
        group: true,
        only_show_if_degraded: false,
        components: children.map((child) => child.id),
      },
      ...children,
    );
    members.forEach((p, index) => byProviderId.set(p.id, children[index]!));
  }

  const componentsUpdatedMs = latestMs(...categories.map((c) => c.updatedAt.getTime()), ...providerUpdatedMs.values());
  return {
    page: {
      id: STATUSPAGE_PAGE_ID,
      name: STATUSPAGE_PAGE_NAME,
      url: ctx.origin,
      time_zone: PAGE_TIME_ZONE,
      updated_at: pageZoneIso(latestMs(componentsUpdatedMs, lastChangeOutsideComponents(db, ctx.nowMs))),
    },
    components,
    byProviderId,
    indicator: pageIndicator(
      statuses.values(),
      openIncidents.map((i) => i.impact),
    ),
    openIncidents,
  };
}

/** The components of these providers, in the order given. */
export function componentsOfProviders(snapshot: ComponentsSnapshot, providerIds: number[]): StatuspageComponent[] {
  return providerIds.flatMap((id) => {
    const component = snapshot.byProviderId.get(id);
    return component ? [component] : [];
  });
}
