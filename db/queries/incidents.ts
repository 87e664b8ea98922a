import { and, asc, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { incidentImpact } from "../health/status";
import { CLOSED_INCIDENT_STATUSES } from "../health/incident-status";
import { category, cause, incident, incidentProvider, incidentUpdate, incidentWorkflow, provider, workflow } from "../schema";
import type {
  CategorySlug,
  CauseSide,
  CauseSlug,
  IncidentImpact,
  IncidentSource,
  IncidentStatus,
  ProviderImpact,
} from "../schema/enums";
import type { LocalizedText } from "../schema/types";

export interface IncidentSummary {
  id: number;
  title: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  source: IncidentSource;
  startedAtMs: number;
  resolvedAtMs: number | null;
  providers: IncidentProvider[];
  workflows: { slug: string; name: LocalizedText; effect: LocalizedText }[];
  cause: { slug: CauseSlug; side: CauseSide; name: LocalizedText } | null;
  latestUpdate: { status: IncidentStatus; body: string; createdAtMs: number } | null;
  /** Opened by our probes and not yet confirmed by ops: merchants may want to know no person has looked yet. */
  unconfirmedDetection: boolean;
}

export interface IncidentProvider {
  id: number;
  slug: string;
  name: string;
  categoryId: number;
  impact: ProviderImpact;
}

/** Each incident's affected providers with their impact, in catalogue order. */
export function listIncidentProviders(db: Executor, incidentIds: number[]): Map<number, IncidentProvider[]> {
  const byIncident = new Map<number, IncidentProvider[]>();
  if (incidentIds.length === 0) return byIncident;
  const rows = db
    .select({
      incidentId: incidentProvider.incidentId,
      id: provider.id,
      slug: provider.slug,
      name: provider.name,
      categoryId: provider.categoryId,
      impact: incidentProvider.impact,
    })
    .from(incidentProvider)
    .innerJoin(provider, eq(provider.id, incidentProvider.providerId))
    .where(inArray(incidentProvider.incidentId, incidentIds))
    .orderBy(asc(provider.position))
    .all();
  for (const { incidentId, ...affected } of rows) {
    const list = byIncident.get(incidentId);
    if (list) list.push(affected);
    else byIncident.set(incidentId, [affected]);
  }
  return byIncident;
}

export const isOpen = notInArray(incident.status, [...CLOSED_INCIDENT_STATUSES]);

/**
 * Detected incidents ops dismissed as false alarms, or merged into another incident, were
 * never outages merchants should read about: they stay out of every public list, page,
 * bar and count. NULL review states (ops' and mirrored incidents) need their own arm,
 * since `NOT IN` is unknown for NULL.
 */
export const isPublicIncident = or(isNull(incident.reviewState), notInArray(incident.reviewState, ["dismissed", "merged"]))!;

/** Summaries of the public incidents matching `where`, newest first, with their providers, workflows and latest update. */
export function listIncidentSummaries(db: Executor, where: SQL | undefined, limit?: number, offset = 0): IncidentSummary[] {
  const base = db
    .select({
      id: incident.id,
      title: incident.title,
      status: incident.status,
      impactOverride: incident.impactOverride,
      source: incident.source,
      reviewState: incident.reviewState,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt,
      causeSlug: cause.slug,
      causeSide: cause.side,
      causeName: cause.name,
    })
    .from(incident)
    .leftJoin(cause, eq(cause.id, incident.causeId))
    .where(and(isPublicIncident, where))
    .orderBy(desc(incident.startedAt), desc(incident.id));
  const rows = limit === undefined ? base.all() : base.limit(limit).offset(offset).all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  const providers = listIncidentProviders(db, ids);
  const workflows = db
    .select({ incidentId: incidentWorkflow.incidentId, slug: workflow.slug, name: workflow.name, effect: workflow.effect })
    .from(incidentWorkflow)
    .innerJoin(workflow, eq(workflow.id, incidentWorkflow.workflowId))
    .where(inArray(incidentWorkflow.incidentId, ids))
    .orderBy(asc(workflow.position))
    .all();
  const latest = db
    .select({ incidentId: incidentUpdate.incidentId, status: incidentUpdate.status, body: incidentUpdate.body, createdAt: incidentUpdate.createdAt })
    .from(incidentUpdate)
    .where(
      and(
        inArray(incidentUpdate.incidentId, ids),
        eq(
          incidentUpdate.id,
          sql`(select u.id from ${incidentUpdate} u where u.incident_id = ${incidentUpdate.incidentId} order by u.created_at desc, u.id desc limit 1)`,
        ),
      ),
    )
    .all();

  return rows.map((r) => {
    const mine = providers.get(r.id) ?? [];
    const update = latest.find((u) => u.incidentId === r.id);
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      impact: incidentImpact(mine.map((p) => p.impact), r.impactOverride),
      source: r.source,
      startedAtMs: r.startedAt.getTime(),
      resolvedAtMs: r.resolvedAt?.getTime() ?? null,
      providers: mine,
      workflows: workflows.filter((w) => w.incidentId === r.id).map(({ incidentId: _, ...w }) => w),
      cause: r.causeSlug && r.causeSide && r.causeName ? { slug: r.causeSlug, side: r.causeSide, name: r.causeName } : null,
      latestUpdate: update ? { status: update.status, body: update.body, createdAtMs: update.createdAt.getTime() } : null,
      unconfirmedDetection: r.source === "probe" && r.reviewState === "pending",
    };
  });
}

/** Every open public incident, newest first. */
export const listOpenIncidents = (db: Executor) => listIncidentSummaries(db, isOpen);

/** Incidents of these providers (all when null), open or not, that touch [fromMs, toMs). */
export function listIncidentsOverlapping(
  db: Executor,
  window: { fromMs: number; toMs: number },
  providerIds: number[] | null,
): IncidentSummary[] {
  const overlaps = and(
    lt(incident.startedAt, new Date(window.toMs)),
    or(isNull(incident.resolvedAt), gte(incident.resolvedAt, new Date(window.fromMs))),
  );
  const ofProviders =
    providerIds === null
      ? undefined
      : inArray(
          incident.id,
          db.select({ id: incidentProvider.incidentId }).from(incidentProvider).where(inArray(incidentProvider.providerId, providerIds)),
        );
  return listIncidentSummaries(db, and(overlaps, ofProviders));
}

export interface HistoryFilters {
  providerSlug?: string;
  categorySlug?: CategorySlug;
}

/** The condition for public incidents that affect the filtered provider or category. */
export function historyFilter(db: Executor, filters: HistoryFilters): SQL {
  const conditions: SQL[] = [];
  if (filters.providerSlug) {
    conditions.push(eq(provider.slug, filters.providerSlug));
  }
  if (filters.categorySlug) {
    conditions.push(
      eq(
        provider.categoryId,
        db.select({ id: category.id }).from(category).where(eq(category.slug, filters.categorySlug)),
      ),
    );
  }
  // Callers also count with this condition ("older incidents?"), not only list with it.
  if (conditions.length === 0) return isPublicIncident;
  return and(
    isPublicIncident,
    inArray(
      incident.id,
      db
        .select({ id: incidentProvider.incidentId })
        .from(incidentProvider)
        .innerJoin(provider, eq(provider.id, incidentProvider.providerId))
        .where(and(...conditions)),
    ),
  )!;
}

export interface TrailUpdate {
  id: number;
  status: IncidentStatus;
  body: string;
  createdAtMs: number;
  editedAtMs: number | null;
}

/** Each incident's updates, newest first, as the incident page, the feeds and the API show them. */
export function listUpdateTrails(db: Executor, incidentIds: number[]): Map<number, TrailUpdate[]> {
  const trails = new Map<number, TrailUpdate[]>();
  if (incidentIds.length === 0) return trails;
  const rows = db
    .select({
      id: incidentUpdate.id,
      incidentId: incidentUpdate.incidentId,
      status: incidentUpdate.status,
      body: incidentUpdate.body,
      createdAt: incidentUpdate.createdAt,
      editedAt: incidentUpdate.editedAt,
    })
    .from(incidentUpdate)
    .where(inArray(incidentUpdate.incidentId, incidentIds))
    .orderBy(desc(incidentUpdate.createdAt), desc(incidentUpdate.id))
    .all();
  for (const r of rows) {
    const trail = trails.get(r.incidentId) ?? [];
    trail.push({ id: r.id, status: r.status, body: r.body, createdAtMs: r.createdAt.getTime(), editedAtMs: r.editedAt?.getTime() ?? null });
    trails.set(r.incidentId, trail);
  }
  return trails;
}
