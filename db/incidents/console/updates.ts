// What merchants read as an incident goes on: updates (with the affected providers and the
// overall impact they may change), corrections to posted updates, and the postmortem.

import { and, asc, eq } from "drizzle-orm";
import { writeAudit, type Actor } from "../../audit";
import type { Executor } from "../../client";
import { isClosedStatus, type OpsUpdateStatus } from "../../health/incident-status";
import { incident, incidentProvider, incidentUpdate } from "../../schema";
import type { IncidentImpact } from "../../schema/enums";
import { postIncidentUpdate } from "../write";
import { checkedProviders, IncidentConsoleError, requireIncident, type ProviderImpactInput } from "./guards";

const providersKey = (providers: ProviderImpactInput[]) => providers.map((p) => `${p.providerId}:${p.impact}`).join(",");

const currentProviders = (db: Executor, incidentId: number): ProviderImpactInput[] =>
  db
    .select({ providerId: incidentProvider.providerId, impact: incidentProvider.impact })
    .from(incidentProvider)
    .where(eq(incidentProvider.incidentId, incidentId))
    .orderBy(asc(incidentProvider.providerId))
    .all();

export interface OpsUpdate {
  incidentId: number;
  status: OpsUpdateStatus;
  body: string;
  /** The providers after this update, each with its impact; omitted when they do not change. */
  providers?: ProviderImpactInput[];
  /** Null returns to the derived impact; omitted leaves it as it is. */
  impactOverride?: IncidentImpact | null;
}

/** Posts an update, changing the affected providers and the overall impact with it when asked. */
export function postUpdateByOps(db: Executor, actor: Actor, input: OpsUpdate, nowMs: number): number {
  return db.transaction((tx) => {
    const current = requireIncident(tx, input.incidentId);
    const at = new Date(nowMs);
    const beforeProviders = currentProviders(tx, input.incidentId);
    const afterProviders = input.providers === undefined ? beforeProviders : checkedProviders(tx, input.providers);
    const afterOverride = input.impactOverride === undefined ? current.impactOverride : input.impactOverride;
    const impactChanged = providersKey(beforeProviders) !== providersKey(afterProviders) || afterOverride !== current.impactOverride;

    if (impactChanged) {
      tx.delete(incidentProvider).where(eq(incidentProvider.incidentId, input.incidentId)).run();
      tx.insert(incidentProvider).values(afterProviders.map((p) => ({ incidentId: input.incidentId, ...p }))).run();
      tx.update(incident).set({ impactOverride: afterOverride }).where(eq(incident.id, input.incidentId)).run();
      writeAudit(tx, {
        actor,
        action: "incident.impact",
        entityType: "incident",
        entityId: input.incidentId,
        before: { providers: beforeProviders, impactOverride: current.impactOverride },
        after: { providers: afterProviders, impactOverride: afterOverride },
        at,
      });
    }
    const updateId = postIncidentUpdate(tx, { incidentId: input.incidentId, status: input.status, body: input.body, at, authorUserId: actor.userId });
    writeAudit(tx, {
      actor,
      action: "incident_update.post",
      entityType: "incident_update",
      entityId: updateId,
      before: { incidentId: input.incidentId, status: current.status },
      after: { incidentId: input.incidentId, status: input.status, body: input.body },
      at,
    });
    return updateId;
  });
}

/**
 * Corrects the text of a posted update. Merchants see that it was edited; what it said
 * before stays in the audit log. Retyping the same text changes nothing.
 */
export function editUpdate(db: Executor, actor: Actor, input: { incidentId: number; updateId: number; body: string }, nowMs: number): void {
  db.transaction((tx) => {
    const found = tx
      .select({ body: incidentUpdate.body })
      .from(incidentUpdate)
      .where(and(eq(incidentUpdate.id, input.updateId), eq(incidentUpdate.incidentId, input.incidentId)))
      .get();
    if (!found) throw new IncidentConsoleError(null, "That update is not part of this incident.");
    if (found.body === input.body) return;
    const at = new Date(nowMs);
    tx.update(incidentUpdate).set({ body: input.body, editedAt: at }).where(eq(incidentUpdate.id, input.updateId)).run();
    writeAudit(tx, {
      actor,
      action: "incident_update.edit",
      entityType: "incident_update",
      entityId: input.updateId,
      before: { incidentId: input.incidentId, body: found.body },
      after: { incidentId: input.incidentId, body: input.body },
      at,
    });
  });
}

/** The postmortem is published, and may be revised, once the incident is resolved. */
export function setPostmortem(db: Executor, actor: Actor, input: { incidentId: number; body: string }, nowMs: number): void {
  db.transaction((tx) => {
    const current = requireIncident(tx, input.incidentId);
    if (!isClosedStatus(current.status)) throw new IncidentConsoleError("body", "Publish the postmortem after the incident is resolved.");
    if (current.postmortem === input.body) return;
    tx.update(incident).set({ postmortem: input.body }).where(eq(incident.id, input.incidentId)).run();
    writeAudit(tx, {
      actor,
      action: "incident.postmortem",
      entityType: "incident",
      entityId: input.incidentId,
      before: { postmortem: current.postmortem },
      after: { postmortem: input.body },
      at: new Date(nowMs),
    });
  });
}
