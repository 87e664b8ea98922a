// Writes what a provider's own feed reports into our incidents and maintenance, so a
// provider-announced outage shows here with our recommended actions, and disappears when
// the provider stops listing it. Called with every successful poll of an upstream check;
// a poll that says nothing new writes nothing.
//
// Mirrored rows carry source "upstream" and externalRef `<check slug>:<provider's id>`:
// the check's slug keeps two feeds of one provider (a status page and a downtime API)
// from claiming each other's rows.

import { and, eq, gt, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { CLOSED_INCIDENT_STATUSES, isClosedStatus } from "../health/incident-status";
import { createIncident, postIncidentUpdate } from "../incidents/write";
import { recordMaintenancePhase } from "../subscriptions/events";
import { cause, incident, incidentProvider, incidentUpdate, maintenance, maintenanceProvider, provider } from "../schema";
import type { IncidentImpact, ProviderImpact } from "../schema/enums";
import type { UpstreamIncident, UpstreamMaintenance, UpstreamReport } from "../../probes/types";

export interface MirrorCounts {
  /** Incidents created for newly listed upstream incidents. */
  opened: number;
  /** Mirrored incidents that changed: a new update, title or impact. */
  updated: number;
  /** Mirrored incidents closed because the feed no longer lists them. */
  resolved: number;
  /** Maintenance windows created, changed, cancelled or cut short. */
  maintenances: number;
}

/** "none" still means something is listed as wrong, so it is the mildest impact, not no row. */
const PROVIDER_IMPACT_OF_IMPACT: Record<IncidentImpact, ProviderImpact> = {
  none: "degraded_performance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

function externalRefPrefixIs(column: SQLiteColumn, prefix: string): SQL {
  // Not LIKE: `_` in a check slug would match any character there.
  return sql`substr(${column}, 1, ${prefix.length}) = ${prefix}`;
}

interface Scope {
  providerId: number;
  providerName: string;
  prefix: string;
  now: Date;
}

function mirrorIncidents(tx: Executor, scope: Scope, reported: UpstreamIncident[]): Omit<MirrorCounts, "maintenances"> {
  const counts = { opened: 0, updated: 0, resolved: 0 };
  const refs = reported.map((r) => `${scope.prefix}${r.externalId}`);
  const known = new Map(
    (refs.length === 0
      ? []
      : tx.select().from(incident).where(and(eq(incident.source, "upstream"), inArray(incident.externalRef, refs))).all()
    ).map((row) => [row.externalRef, row]),
  );
  const causeId = tx.select({ id: cause.id }).from(cause).where(eq(cause.slug, "provider-downtime")).get()?.id ?? null;

  for (const upstream of reported) {
    const externalRef = `${scope.prefix}${upstream.externalId}`;
    const impact = PROVIDER_IMPACT_OF_IMPACT[upstream.impact];
    const ours = known.get(externalRef);
    if (!ours) {
      // Already over upstream: nothing for merchants to act on.
      if (isClosedStatus(upstream.status)) continue;
      createIncident(tx, {
        title: upstream.title,
        providers: [{ providerId: scope.providerId, impact }],
        workflowIds: [],
        causeId,
        source: "upstream",
        externalRef,
        startedAt: new Date(upstream.startedAtMs),
        firstUpdate: { status: upstream.status, body: upstream.body },
      });
      counts.opened += 1;
      continue;
    }

    let changed = false;
    if (ours.title !== upstream.title) {
      tx.update(incident).set({ title: upstream.title, updatedAt: scope.now }).where(eq(incident.id, ours.id)).run();
      changed = true;
    }
    // Compared with every update of that status, not only the latest: an update ops add
    // to a mirrored incident must not make the next poll repeat the provider's text.
    const alreadyPosted =
      ours.status === upstream.status &&
      tx
        .select({ id: incidentUpdate.id })
        .from(incidentUpdate)
        .where(and(eq(incidentUpdate.incidentId, ours.id), eq(incidentUpdate.status, upstream.status), eq(incidentUpdate.body, upstream.body)))
        .get() !== undefined;
    if (!alreadyPosted) {
      postIncidentUpdate(tx, { incidentId: ours.id, status: upstream.status, body: upstream.body, at: scope.now });
      changed = true;
    }
    const link = tx
      .select({ impact: incidentProvider.impact })
      .from(incidentProvider)
      .where(and(eq(incidentProvider.incidentId, ours.id), eq(incidentProvider.providerId, scope.providerId)))
      .get();
    if (link?.impact !== impact) {
      tx.insert(incidentProvider)
        .values({ incidentId: ours.id, providerId: scope.providerId, impact })
        .onConflictDoUpdate({ target: [incidentProvider.incidentId, incidentProvider.providerId], set: { impact } })
        .run();
      changed = true;
    }
    if (changed) counts.updated += 1;
  }

  const listed = new Set(refs);
  const open = tx
    .select({ id: incident.id, externalRef: incident.externalRef })
    .from(incident)
    .where(
      and(
        eq(incident.source, "upstream"),
        externalRefPrefixIs(incident.externalRef, scope.prefix),
        notInArray(incident.status, [...CLOSED_INCIDENT_STATUSES]),
      ),
    )
    .all();
  for (const row of open) {
    if (row.externalRef !== null && listed.has(row.externalRef)) continue;
    postIncidentUpdate(tx, {
      incidentId: row.id,
      status: "resolved",
      body: `Resolved: ${scope.providerName}'s status page no longer lists this incident.`,
      at: scope.now,
    });
    counts.resolved += 1;
  }
  return counts;
}

function mirrorMaintenances(tx: Executor, scope: Scope, reported: UpstreamMaintenance[]): number {
  let written = 0;
  for (const upstream of reported) {
    const externalRef = `${scope.prefix}${upstream.externalId}`;
    // Listed again after we cancelled it: the provider put it back, so it is no longer cancelled.
    const values = {
      title: upstream.title,
      description: upstream.description,
      scheduledFor: new Date(upstream.scheduledForMs),
      scheduledUntil: new Date(upstream.scheduledUntilMs),
      cancelledAt: null,
    };
    const ours = tx
      .select()
      .from(maintenance)
      .where(and(eq(maintenance.source, "upstream"), eq(maintenance.externalRef, externalRef)))
      .get();
    if (!ours) {
      const created = tx
        .insert(maintenance)
        .values({ ...values, source: "upstream", externalRef, createdAt: scope.now, updatedAt: scope.now })
        .returning({ id: maintenance.id })
        .get();
      tx.insert(maintenanceProvider).values({ maintenanceId: created.id, providerId: scope.providerId }).run();
      recordMaintenancePhase(tx, created.id, scope.now.getTime());
      written += 1;
      continue;
    }
    const changed =
      ours.title !== values.title ||
      ours.description !== values.description ||
      ours.scheduledFor.getTime() !== upstream.scheduledForMs ||
      ours.scheduledUntil.getTime() !== upstream.scheduledUntilMs ||
      ours.cancelledAt !== null;
    if (changed) {
      tx.update(maintenance).set({ ...values, updatedAt: scope.now }).where(eq(maintenance.id, ours.id)).run();
      written += 1;
    }
    tx.insert(maintenanceProvider).values({ maintenanceId: ours.id, providerId: scope.providerId }).onConflictDoNothing().run();
  }

  const listed = new Set(reported.map((m) => `${scope.prefix}${m.externalId}`));
  const unfinished = tx
    .select({ id: maintenance.id, externalRef: maintenance.externalRef, scheduledFor: maintenance.scheduledFor })
    .from(maintenance)
    .where(
      and(
        eq(maintenance.source, "upstream"),
        externalRefPrefixIs(maintenance.externalRef, scope.prefix),
        isNull(maintenance.cancelledAt),
        gt(maintenance.scheduledUntil, scope.now),
      ),
    )
    .all();
  for (const row of unfinished) {
    if (row.externalRef !== null && listed.has(row.externalRef)) continue;
    // Not started: called off. Started: over now, even if planned to run longer. A window
    // shown as in progress keeps failing checks from raising the provider's status
    // (db/health/status.ts), so a stale one would hide a real outage.
    const ended = row.scheduledFor > scope.now ? { cancelledAt: scope.now } : { scheduledUntil: scope.now };
    tx.update(maintenance).set({ ...ended, updatedAt: scope.now }).where(eq(maintenance.id, row.id)).run();
    recordMaintenancePhase(tx, row.id, scope.now.getTime());
    written += 1;
  }
  return written;
}

/**
 * Brings our mirror of one upstream check in line with its latest report, in one
 * transaction: a crash half-way never leaves an incident opened without its provider.
 */
export function mirrorUpstream(
  db: Executor,
  input: { providerId: number; checkSlug: string; report: UpstreamReport; nowMs: number },
): MirrorCounts {
  return db.transaction((tx) => {
    const owner = tx.select({ name: provider.name }).from(provider).where(eq(provider.id, input.providerId)).get();
    if (!owner) throw new Error(`no provider with id ${input.providerId}`);
    const scope: Scope = {
      providerId: input.providerId,
      providerName: owner.name,
      prefix: `${input.checkSlug}:`,
      now: new Date(input.nowMs),
    };
    return {
      ...mirrorIncidents(tx, scope, input.report.incidents),
      maintenances: mirrorMaintenances(tx, scope, input.report.maintenances),
    };
  });
}
