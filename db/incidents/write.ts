import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { isClosedStatus } from "../health/incident-status";
import { incident, incidentAction, incidentProvider, incidentUpdate, incidentWorkflow, provider } from "../schema";
import type { IncidentImpact, IncidentSource, IncidentStatus, ProviderImpact, ReviewState } from "../schema/enums";
import { suggestIncidentActionIds } from "../queries/recommended-actions";
import { recordIncidentEvent } from "../subscriptions/events";

export interface NewIncident {
  title: string;
  providers: { providerId: number; impact: ProviderImpact }[];
  workflowIds: number[];
  causeId: number | null;
  source: IncidentSource;
  externalRef?: string | null;
  impactOverride?: IncidentImpact | null;
  startedAt: Date;
  firstUpdate: { status: IncidentStatus; body: string };
  /** Library actions in order; when omitted, the suggested ones for its categories and cause. */
  actionIds?: number[];
  /** Detected incidents wait for ops to confirm, merge or dismiss them. */
  reviewState?: ReviewState | null;
  /** Who posted the first update; null for probes, feeds and the demo. */
  authorUserId?: number | null;
}

const STATUS_TIMESTAMP = {
  identified: "identifiedAt",
  monitoring: "monitoringAt",
  resolved: "resolvedAt",
} as const;

/** Timestamps an update sets: the first time the incident reaches each stage. */
function stageTimestamps(status: IncidentStatus, at: Date) {
  const key = status in STATUS_TIMESTAMP ? STATUS_TIMESTAMP[status as keyof typeof STATUS_TIMESTAMP] : null;
  return key ? { [key]: at } : {};
}

export function createIncident(db: Executor, input: NewIncident): number {
  return db.transaction((tx) => {
    const created = tx
      .insert(incident)
      .values({
        title: input.title,
        status: input.firstUpdate.status,
        impactOverride: input.impactOverride ?? null,
        causeId: input.causeId,
        source: input.source,
        externalRef: input.externalRef ?? null,
        reviewState: input.reviewState ?? null,
        startedAt: input.startedAt,
        createdAt: input.startedAt,
        updatedAt: input.startedAt,
        ...stageTimestamps(input.firstUpdate.status, input.startedAt),
      })
      .returning({ id: incident.id })
      .get();
    if (input.providers.length > 0) {
      tx.insert(incidentProvider).values(input.providers.map((p) => ({ incidentId: created.id, ...p }))).run();
    }
    if (input.workflowIds.length > 0) {
      tx.insert(incidentWorkflow).values(input.workflowIds.map((workflowId) => ({ incidentId: created.id, workflowId }))).run();
    }
    const firstUpdate = tx
      .insert(incidentUpdate)
      .values({ incidentId: created.id, ...input.firstUpdate, authorUserId: input.authorUserId ?? null, createdAt: input.startedAt })
      .returning({ id: incidentUpdate.id })
      .get();

    const categoryIds =
      input.providers.length === 0
        ? []
        : tx
            .selectDistinct({ id: provider.categoryId })
            .from(provider)
            .where(inArray(provider.id, input.providers.map((p) => p.providerId)))
            .all()
            .map((r) => r.id);
    const actionIds = input.actionIds ?? suggestIncidentActionIds(tx, { categoryIds, causeId: input.causeId });
    if (actionIds.length > 0) {
      tx.insert(incidentAction)
        .values(actionIds.map((recommendedActionId, position) => ({ incidentId: created.id, recommendedActionId, position })))
        .run();
    }
    recordIncidentEvent(tx, { kind: "incident.created", incidentId: created.id, update: { id: firstUpdate.id, ...input.firstUpdate, at: input.startedAt } });
    return created.id;
  });
}

export function postIncidentUpdate(
  db: Executor,
  update: { incidentId: number; status: IncidentStatus; body: string; at: Date; authorUserId?: number | null },
): number {
  return db.transaction((tx) => {
    const current = tx.select().from(incident).where(eq(incident.id, update.incidentId)).get();
    if (!current) throw new Error(`no incident with id ${update.incidentId}`);
    const posted = tx
      .insert(incidentUpdate)
      .values({ incidentId: update.incidentId, status: update.status, body: update.body, authorUserId: update.authorUserId ?? null, createdAt: update.at })
      .returning({ id: incidentUpdate.id })
      .get();
    const firstTimes = Object.fromEntries(
      Object.entries(stageTimestamps(update.status, update.at)).filter(([key]) => current[key as keyof typeof current] === null),
    );
    const reopened = !isClosedStatus(update.status) && current.resolvedAt !== null ? { resolvedAt: null } : {};
    tx.update(incident)
      .set({ status: update.status, updatedAt: update.at, ...firstTimes, ...reopened })
      .where(eq(incident.id, update.incidentId))
      .run();
    const kind = update.status === "resolved" && !isClosedStatus(current.status) ? "incident.resolved" : "incident.updated";
    recordIncidentEvent(tx, { kind, incidentId: update.incidentId, update: { id: posted.id, status: update.status, body: update.body, at: update.at } });
    return posted.id;
  });
}
