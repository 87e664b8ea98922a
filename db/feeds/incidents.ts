// What the history feeds carry: the public incidents with the newest activity, each with
// its whole update trail. Visibility is history's own rule (`historyFilter`), so a
// dismissed or merged detection never reaches a feed reader either.

import { desc, eq, inArray, min, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { incident, incidentUpdate, provider } from "../schema";
import { historyFilter, listIncidentSummaries, listUpdateTrails, type IncidentSummary, type TrailUpdate } from "../queries/incidents";

/** Incidents per feed: enough for a reader polling once a day, small enough to stay one cheap response. */
export const FEED_INCIDENT_COUNT = 50;

export interface FeedIncident extends IncidentSummary {
  /** The latest update's posting or correction: when the entry last changed for a reader. */
  updatedAtMs: number;
  /** Newest first. */
  updates: TrailUpdate[];
}

export interface FeedProvider {
  slug: string;
  name: string;
}

/**
 * An incident's last activity in SQL, as `updatedAtMs` computes it: a corrected update
 * counts from its correction, and an incident without updates from its start.
 */
const lastActivityMs = sql<number>`coalesce(
  (select max(max(${incidentUpdate.createdAt}, coalesce(${incidentUpdate.editedAt}, 0))) from ${incidentUpdate} where ${incidentUpdate.incidentId} = ${incident.id}),
  ${incident.startedAt})`;

/**
 * The `FEED_INCIDENT_COUNT` public incidents with the newest activity, newest first, of
 * one provider or of all. Ordered by activity rather than start, so that a long incident
 * that gets a new update comes back to the top instead of having fallen off the feed.
 */
export function listFeedIncidents(db: Executor, providerSlug?: string): FeedIncident[] {
  const ids = db
    .select({ id: incident.id })
    .from(incident)
    .where(historyFilter(db, { providerSlug }))
    .orderBy(desc(lastActivityMs), desc(incident.id))
    .limit(FEED_INCIDENT_COUNT)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];

  const summaries = new Map(listIncidentSummaries(db, inArray(incident.id, ids)).map((s) => [s.id, s]));
  const updatesByIncident = listUpdateTrails(db, ids);

  return ids.flatMap((id) => {
    const summary = summaries.get(id);
    if (!summary) return [];
    const trail = updatesByIncident.get(id) ?? [];
    const updatedAtMs = trail.length === 0 ? summary.startedAtMs : Math.max(...trail.map((u) => Math.max(u.createdAtMs, u.editedAtMs ?? 0)));
    return [{ ...summary, updatedAtMs, updates: trail }];
  });
}

export function findFeedProvider(db: Executor, slug: string): FeedProvider | null {
  return db.select({ slug: provider.slug, name: provider.name }).from(provider).where(eq(provider.slug, slug)).get() ?? null;
}

/**
 * When a feed began to exist: when its provider (or the first provider of the catalogue)
 * was added. A feed without incidents still needs an `updated` instant, and this one stays
 * the same from request to request; null when there are no providers at all.
 */
export function feedStartedAtMs(db: Executor, providerSlug?: string): number | null {
  const row = db
    .select({ first: min(provider.createdAt) })
    .from(provider)
    .where(providerSlug === undefined ? undefined : eq(provider.slug, providerSlug))
    .get();
  return row?.first?.getTime() ?? null;
}
