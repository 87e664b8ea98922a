// Ops' review of the incidents probes open on their own. A detected incident is public
// from the start (merchants should not wait for a person to notice an outage), and ops
// then confirm it in their own words, merge it into the incident that already tells the
// story, or dismiss it as a false alarm; the last two take it off every public page
// (db/queries/incidents.ts) and keep detection from reopening it (db/incidents/detection.ts).

import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { isOpen, isPublicIncident, listIncidentProviders, listIncidentSummaries, listOpenIncidents, type IncidentSummary } from "../queries/incidents";
import { auditLog, check, incident, incidentProvider, incidentUpdate, provider } from "../schema";
import type { CheckKind, IncidentStatus, ProviderImpact, ReviewState } from "../schema/enums";
import { CONFIRM_STATUSES, isClosedStatus } from "../health/incident-status";
import { postIncidentUpdate } from "./write";

const REVIEW_AUDIT_ACTIONS = ["incident.confirm", "incident.merge", "incident.dismiss"] as const;
const TITLE_MAX_CHARS = 160;
const UPDATE_MAX_CHARS = 5_000;
const REASON_MAX_CHARS = 1_000;

const requiredText = (message: string, maxChars: number) =>
  z.string({ error: message }).trim().min(1, message).max(maxChars, `Keep it to ${maxChars} characters or fewer.`);
const incidentId = z.coerce.number().int().positive();

export const ConfirmDetectionSchema = z.object({
  incidentId,
  title: requiredText("Give the incident a title merchants will understand.", TITLE_MAX_CHARS),
  status: z.enum(CONFIRM_STATUSES, { error: "Choose the status to publish." }),
  body: requiredText("Write the update merchants will read, in your own words.", UPDATE_MAX_CHARS),
});
export type ConfirmDetection = z.infer<typeof ConfirmDetectionSchema>;

export const MergeDetectionSchema = z.object({
  incidentId,
  targetId: z.coerce
    .number({ error: "Choose the incident to merge into." })
    .int("Choose the incident to merge into.")
    .positive("Choose the incident to merge into."),
  body: requiredText("Write the update to post on the incident you merge into.", UPDATE_MAX_CHARS),
});
export type MergeDetection = z.infer<typeof MergeDetectionSchema>;

export const DismissDetectionSchema = z.object({
  incidentId,
  reason: requiredText("Say why this is not a provider outage; only ops will see it.", REASON_MAX_CHARS),
});
export type DismissDetection = z.infer<typeof DismissDetectionSchema>;

/** A review that cannot go ahead as asked, usually because someone else was quicker. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 409,
    readonly field: "targetId" | null = null,
  ) {
    super(message);
  }
}

/** Detected incidents no one from ops has looked at yet. */
export function countPendingReviews(db: Executor): number {
  return db.select({ n: count() }).from(incident).where(and(eq(incident.source, "probe"), eq(incident.reviewState, "pending"))).get()?.n ?? 0;
}

export interface PendingDetection {
  id: number;
  title: string;
  status: IncidentStatus;
  startedAtMs: number;
  resolvedAtMs: number | null;
  providers: { id: number; name: string; impact: ProviderImpact }[];
  /** Everything posted so far, oldest first: what detection saw, as merchants have been reading it. */
  updates: { id: number; status: IncidentStatus; body: string; createdAtMs: number }[];
}

/** Detected incidents waiting for review, newest first; closed ones too, since detection may resolve one before anyone looks. */
export function listPendingDetections(db: Executor): PendingDetection[] {
  const rows = db
    .select()
    .from(incident)
    .where(and(eq(incident.source, "probe"), eq(incident.reviewState, "pending")))
    .orderBy(desc(incident.startedAt), desc(incident.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const providers = listIncidentProviders(db, ids);
  const updates = db
    .select()
    .from(incidentUpdate)
    .where(inArray(incidentUpdate.incidentId, ids))
    .orderBy(asc(incidentUpdate.createdAt), asc(incidentUpdate.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    startedAtMs: r.startedAt.getTime(),
    resolvedAtMs: r.resolvedAt?.getTime() ?? null,
    providers: (providers.get(r.id) ?? []).map(({ id, name, impact }) => ({ id, name, impact })),
    updates: updates
      .filter((u) => u.incidentId === r.id)
      .map((u) => ({ id: u.id, status: u.status, body: u.body, createdAtMs: u.createdAt.getTime() })),
  }));
}

export interface MergeTarget {
  id: number;
  title: string;
  providerNames: string[];
}

/** Open public incidents a detected one can be merged into, newest first. */
export function listMergeTargets(db: Executor): MergeTarget[] {
  return listOpenIncidents(db).map((i) => ({ id: i.id, title: i.title, providerNames: i.providers.map((p) => p.name) }));
}

export interface RecentReview {
  incidentId: number;
  title: string;
  reviewState: ReviewState;
  by: string;
  atMs: number;
  /** Ops-only: never leaves the console. */
  dismissedReason: string | null;
  mergedInto: { id: number; title: string } | null;
}

/** The latest reviews, newest first, with who made them: the audit log is where that is kept. */
export function listRecentReviews(db: Executor, limit: number): RecentReview[] {
  const target = alias(incident, "target");
  return db
    .select({
      incidentId: incident.id,
      title: incident.title,
      reviewState: incident.reviewState,
      by: auditLog.actorLabel,
      at: auditLog.createdAt,
      dismissedReason: incident.dismissedReason,
      targetId: target.id,
      targetTitle: target.title,
    })
    .from(auditLog)
    .innerJoin(incident, eq(incident.id, auditLog.entityId))
    .leftJoin(target, eq(target.id, incident.mergedIntoId))
    .where(and(eq(auditLog.entityType, "incident"), inArray(auditLog.action, [...REVIEW_AUDIT_ACTIONS])))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .all()
    .flatMap((r) =>
      r.reviewState === null
        ? []
        : [
            {
              incidentId: r.incidentId,
              title: r.title,
              reviewState: r.reviewState,
              by: r.by,
              atMs: r.at.getTime(),
              dismissedReason: r.dismissedReason,
              mergedInto: r.targetId !== null && r.targetTitle !== null ? { id: r.targetId, title: r.targetTitle } : null,
            },
          ],
    );
}

export interface MirroredIncident extends IncidentSummary {
  /** The feed check it is mirrored from; null when that check has since been removed. */
  feed: { slug: string; name: string; kind: CheckKind; statusPageUrl: string | null } | null;
}

/** Open incidents mirrored from providers' own feeds, with the feed each comes from. */
export function listOpenMirroredIncidents(db: Executor): MirroredIncident[] {
  const rows = db.select({ id: incident.id, externalRef: incident.externalRef }).from(incident).where(and(eq(incident.source, "upstream"), isOpen)).all();
  if (rows.length === 0) return [];
  // The external reference is `<check slug>:<provider's id>`, and slugs have no colon.
  const slugOf = new Map(rows.map((r) => [r.id, r.externalRef?.split(":")[0] ?? ""]));
  const feeds = db
    .select({ slug: check.slug, name: check.name, kind: check.kind, statusPageUrl: provider.statusPageUrl })
    .from(check)
    .innerJoin(provider, eq(provider.id, check.providerId))
    .where(inArray(check.slug, [...new Set(slugOf.values())]))
    .all();
  return listIncidentSummaries(db, inArray(incident.id, rows.map((r) => r.id))).map((summary) => ({
    ...summary,
    feed: feeds.find((f) => f.slug === slugOf.get(summary.id)) ?? null,
  }));
}

type IncidentRow = typeof incident.$inferSelect;

/** What the audit log keeps of an incident for a review: the fields a review changes. */
const reviewSnapshot = (row: IncidentRow) => ({
  title: row.title,
  status: row.status,
  reviewState: row.reviewState,
  dismissedReason: row.dismissedReason,
  mergedIntoId: row.mergedIntoId,
});

function loadPendingDetection(tx: Executor, id: number): IncidentRow {
  const row = tx.select().from(incident).where(eq(incident.id, id)).get();
  if (!row || row.source !== "probe" || row.reviewState === null) throw new ReviewError(`There is no detected incident ${id}.`, 404);
  if (row.reviewState !== "pending") throw new ReviewError(`Incident ${id} has already been ${row.reviewState}; nothing was changed.`);
  return row;
}

const reload = (tx: Executor, id: number): IncidentRow => tx.select().from(incident).where(eq(incident.id, id)).get()!;

/** Publishes a detected incident under ops' own title and first update, written by them. */
export function confirmDetection(db: Executor, actor: Actor, input: ConfirmDetection, at: Date): void {
  db.transaction((tx) => {
    const before = loadPendingDetection(tx, input.incidentId);
    tx.update(incident).set({ title: input.title, reviewState: "confirmed", updatedAt: at }).where(eq(incident.id, before.id)).run();
    postIncidentUpdate(tx, { incidentId: before.id, status: input.status, body: input.body, at, authorUserId: actor.userId });
    writeAudit(tx, {
      actor,
      action: "incident.confirm",
      entityType: "incident",
      entityId: before.id,
      before: reviewSnapshot(before),
      after: { ...reviewSnapshot(reload(tx, before.id)), update: { status: input.status, body: input.body } },
      at,
    });
  });
}

/**
 * Folds a detected incident into an open one that already tells the story: the target
 * gains the detected providers it lacks (with the detected impact) and an update from
 * ops; the detected incident is closed and leaves the public pages.
 */
export function mergeDetection(db: Executor, actor: Actor, input: MergeDetection, at: Date): void {
  db.transaction((tx) => {
    const detected = loadPendingDetection(tx, input.incidentId);
    if (input.targetId === detected.id) throw new ReviewError("Choose another incident: one cannot be merged into itself.", 400, "targetId");
    const target = tx.select().from(incident).where(and(eq(incident.id, input.targetId), isPublicIncident)).get();
    if (!target || isClosedStatus(target.status)) {
      throw new ReviewError("That incident is no longer open; choose an open incident to merge into.", 409, "targetId");
    }
    const providersOf = (id: number) =>
      tx.select({ providerId: incidentProvider.providerId, impact: incidentProvider.impact }).from(incidentProvider).where(eq(incidentProvider.incidentId, id)).all();
    const targetProvidersBefore = providersOf(target.id);
    const missing = providersOf(detected.id).filter((p) => !targetProvidersBefore.some((t) => t.providerId === p.providerId));
    if (missing.length > 0) tx.insert(incidentProvider).values(missing.map((p) => ({ incidentId: target.id, ...p }))).run();
    postIncidentUpdate(tx, { incidentId: target.id, status: target.status, body: input.body, at, authorUserId: actor.userId });

    tx.update(incident).set({ reviewState: "merged", mergedIntoId: target.id, updatedAt: at }).where(eq(incident.id, detected.id)).run();
    if (!isClosedStatus(detected.status)) {
      postIncidentUpdate(tx, {
        incidentId: detected.id,
        status: "resolved",
        body: `Merged into incident ${target.id}, "${target.title}".`,
        at,
        authorUserId: actor.userId,
      });
    }
    writeAudit(tx, {
      actor,
      action: "incident.merge",
      entityType: "incident",
      entityId: detected.id,
      before: reviewSnapshot(detected),
      after: reviewSnapshot(reload(tx, detected.id)),
      at,
    });
    writeAudit(tx, {
      actor,
      action: "incident.merge_target",
      entityType: "incident",
      entityId: target.id,
      before: { providers: targetProvidersBefore },
      after: { providers: providersOf(target.id), mergedFromId: detected.id, update: { status: target.status, body: input.body } },
      at,
    });
  });
}

/** Closes a false alarm and takes it off the public pages; the reason stays with ops. */
export function dismissDetection(db: Executor, actor: Actor, input: DismissDetection, at: Date): void {
  db.transaction((tx) => {
    const before = loadPendingDetection(tx, input.incidentId);
    tx.update(incident).set({ reviewState: "dismissed", dismissedReason: input.reason, updatedAt: at }).where(eq(incident.id, before.id)).run();
    // Closed through an update like any incident, so its status still is its latest update's.
    // The reason is not in the body: updates are merchants' text, the reason is ops' note.
    if (!isClosedStatus(before.status)) {
      postIncidentUpdate(tx, { incidentId: before.id, status: "resolved", body: "Dismissed by ops: not a provider outage.", at, authorUserId: actor.userId });
    }
    writeAudit(tx, {
      actor,
      action: "incident.dismiss",
      entityType: "incident",
      entityId: before.id,
      before: reviewSnapshot(before),
      after: reviewSnapshot(reload(tx, before.id)),
      at,
    });
  });
}
