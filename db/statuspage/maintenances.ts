// Maintenance windows as Statuspage scheduled maintenances. Cancelled windows are not
// shown, as on the status page; a window's status follows from the clock
// (db/health/maintenance-status.ts).

import { and, asc, desc, gt, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { maintenanceStatus, type MaintenanceStatus } from "../health/maintenance-status";
import { providersByMaintenance } from "../queries/maintenance";
import { maintenance } from "../schema";
import { componentsOfProviders, type ComponentsSnapshot } from "./components";
import { statuspageIds, type StatuspageContext, type StatuspageMaintenance } from "./shapes";
import { latestMs, pageZoneIso } from "./timestamps";

/** Statuspage's `scheduled-maintenances.json` lists the 50 most recent. */
export const RECENT_MAINTENANCES_LIMIT = 50;

type MaintenanceRow = typeof maintenance.$inferSelect;

function selectWindows(db: Executor, where: SQL | undefined, order: "soonest-first" | "latest-first", limit?: number): MaintenanceRow[] {
  const query = db
    .select()
    .from(maintenance)
    .where(and(isNull(maintenance.cancelledAt), where))
    .orderBy(
      ...(order === "soonest-first"
        ? [asc(maintenance.scheduledFor), asc(maintenance.id)]
        : [desc(maintenance.scheduledFor), desc(maintenance.id)]),
    );
  return limit === undefined ? query.all() : query.limit(limit).all();
}

function toStatuspageMaintenances(
  db: Executor,
  rows: MaintenanceRow[],
  snapshot: ComponentsSnapshot,
  ctx: StatuspageContext,
): StatuspageMaintenance[] {
  const providers = providersByMaintenance(
    db,
    rows.map((m) => m.id),
  );
  return rows.map((m) => {
    const id = statuspageIds.maintenance(m.id);
    const status = maintenanceStatus(m, ctx.nowMs);
    const forMs = m.scheduledFor.getTime();
    const untilMs = m.scheduledUntil.getTime();
    // Starting and ending change a window as much as an edit does, once they have happened.
    const passedBoundaryMs = status === "completed" ? untilMs : status === "in_progress" ? forMs : null;
    return {
      id,
      name: m.title,
      status,
      created_at: pageZoneIso(m.createdAt.getTime()),
      updated_at: pageZoneIso(latestMs(m.updatedAt.getTime(), passedBoundaryMs)),
      monitoring_at: null,
      resolved_at: status === "completed" ? pageZoneIso(untilMs) : null,
      impact: "maintenance",
      // Windows have no page of their own; the status page lists them.
      shortlink: `${ctx.origin}/`,
      started_at: pageZoneIso(m.createdAt.getTime()),
      page_id: snapshot.page.id,
      // A window's only words are its announcement; it has no timeline of its own.
      incident_updates:
        m.description.trim() === ""
          ? []
          : [
              {
                id: statuspageIds.maintenanceAnnouncement(m.id),
                status: "scheduled",
                body: m.description,
                incident_id: id,
                created_at: pageZoneIso(m.createdAt.getTime()),
                updated_at: pageZoneIso(m.updatedAt.getTime()),
                display_at: pageZoneIso(m.createdAt.getTime()),
                affected_components: null,
              },
            ],
      components: componentsOfProviders(
        snapshot,
        (providers.get(m.id) ?? []).map((p) => p.id),
      ),
      scheduled_for: pageZoneIso(forMs),
      scheduled_until: pageZoneIso(untilMs),
    };
  });
}

/** The 50 windows with the latest start, whatever their status. */
export function listRecentStatuspageMaintenances(
  db: Executor,
  snapshot: ComponentsSnapshot,
  ctx: StatuspageContext,
): StatuspageMaintenance[] {
  return toStatuspageMaintenances(db, selectWindows(db, undefined, "latest-first", RECENT_MAINTENANCES_LIMIT), snapshot, ctx);
}

/** Windows not over yet with one of these statuses, soonest first. */
function listCurrentWindows(
  db: Executor,
  snapshot: ComponentsSnapshot,
  ctx: StatuspageContext,
  statuses: MaintenanceStatus[],
): StatuspageMaintenance[] {
  // The clock decides the status; the query only skips windows that have ended.
  const rows = selectWindows(db, gt(maintenance.scheduledUntil, new Date(ctx.nowMs)), "soonest-first").filter((m) =>
    statuses.includes(maintenanceStatus(m, ctx.nowMs)),
  );
  return toStatuspageMaintenances(db, rows, snapshot, ctx);
}

export const listUpcomingStatuspageMaintenances = (db: Executor, snapshot: ComponentsSnapshot, ctx: StatuspageContext) =>
  listCurrentWindows(db, snapshot, ctx, ["scheduled"]);

export const listActiveStatuspageMaintenances = (db: Executor, snapshot: ComponentsSnapshot, ctx: StatuspageContext) =>
  listCurrentWindows(db, snapshot, ctx, ["in_progress"]);

/** What the summary lists: windows in progress and those to come. */
export const listUpcomingOrActiveStatuspageMaintenances = (db: Executor, snapshot: ComponentsSnapshot, ctx: StatuspageContext) =>
  listCurrentWindows(db, snapshot, ctx, ["scheduled", "in_progress"]);
