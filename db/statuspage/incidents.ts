// Public incidents as Statuspage incidents. Which incidents are public is decided by
// `listIncidentSummaries` (dismissed and merged detections are not), the same list the
// status page and the incident pages read.

import { inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { incident } from "../schema";
import { listIncidentSummaries, listUpdateTrails, type IncidentSummary } from "../queries/incidents";
import { componentsOfProviders, type ComponentsSnapshot } from "./components";
import { statuspageIds, type StatuspageContext, type StatuspageIncident } from "./shapes";
import { latestMs, pageZoneIso, pageZoneIsoOrNull } from "./timestamps";

/** Statuspage's `incidents.json` lists the 50 most recent. */
export const RECENT_INCIDENTS_LIMIT = 50;

/** Statuspage incidents for these summaries, in their order, each with its updates newest first. */
function toStatuspageIncidents(
  db: Executor,
  summaries: IncidentSummary[],
  snapshot: ComponentsSnapshot,
  ctx: StatuspageContext,
): StatuspageIncident[] {
  if (summaries.length === 0) return [];
  const ids = summaries.map((s) => s.id);
  const details = new Map(
    db
      .select({ id: incident.id, createdAt: incident.createdAt, updatedAt: incident.updatedAt, monitoringAt: incident.monitoringAt })
      .from(incident)
      .where(inArray(incident.id, ids))
      .all()
      .map((d) => [d.id, d]),
  );
  const trails = listUpdateTrails(db, ids);

  return summaries.map((s) => {
    const detail = details.get(s.id)!;
    const id = statuspageIds.incident(s.id);
    const mine = trails.get(s.id) ?? [];
    return {
      id,
      name: s.title,
      status: s.status,
      created_at: pageZoneIso(detail.createdAt.getTime()),
      updated_at: pageZoneIso(
        latestMs(detail.updatedAt.getTime(), ...mine.map((u) => latestMs(u.createdAtMs, u.editedAtMs ?? undefined))),
      ),
      monitoring_at: pageZoneIsoOrNull(detail.monitoringAt?.getTime()),
      resolved_at: pageZoneIsoOrNull(s.resolvedAtMs),
      impact: s.impact,
      shortlink: `${ctx.origin}/incidents/${s.id}`,
      started_at: pageZoneIso(s.startedAtMs),
      page_id: snapshot.page.id,
      incident_updates: mine.map((u) => ({
        id: statuspageIds.incidentUpdate(u.id),
        status: u.status,
        body: u.body,
        incident_id: id,
        created_at: pageZoneIso(u.createdAtMs),
        updated_at: pageZoneIso(u.editedAtMs ?? u.createdAtMs),
        display_at: pageZoneIso(u.createdAtMs),
        // Updates do not record which providers' status they changed, and inventing the
        // transitions would be fiction: null is Statuspage's own "not recorded".
        affected_components: null,
      })),
      components: componentsOfProviders(
        snapshot,
        s.providers.map((p) => p.id),
      ),
      shopiq: {
        component_impacts: s.providers.flatMap((p) => {
          const component = snapshot.byProviderId.get(p.id);
          return component ? [{ component_id: component.id, impact: p.impact }] : [];
        }),
        cause: s.cause ? { slug: s.cause.slug, side: s.cause.side } : null,
        workflows: s.workflows.map((w) => w.slug),
      },
    };
  });
}

/** The 50 most recent public incidents, newest first, whatever their status. */
export function listRecentStatuspageIncidents(db: Executor, snapshot: ComponentsSnapshot, ctx: StatuspageContext): StatuspageIncident[] {
  return toStatuspageIncidents(db, listIncidentSummaries(db, undefined, RECENT_INCIDENTS_LIMIT), snapshot, ctx);
}

/** Public incidents not yet resolved, newest first: the ones that set the components' status. */
export function listUnresolvedStatuspageIncidents(
  db: Executor,
  snapshot: ComponentsSnapshot,
  ctx: StatuspageContext,
): StatuspageIncident[] {
  return toStatuspageIncidents(db, snapshot.openIncidents, snapshot, ctx);
}
