// An incident ops open by hand. Unlike detection and mirrored feeds (../write.ts directly),
// a person chose every id on the form, so each is checked, and the opening is audited.

import { eq, inArray } from "drizzle-orm";
import { writeAudit, type Actor } from "../../audit";
import type { Executor } from "../../client";
import type { OpsUpdateStatus } from "../../health/incident-status";
import { cause, workflow } from "../../schema";
import type { IncidentImpact } from "../../schema/enums";
import { MINUTE_MS } from "../../time";
import { createIncident } from "../write";
import { checkedProviders, IncidentConsoleError, requireAllFound, uniqueIds, type ProviderImpactInput } from "./guards";

/** A start time this far ahead of the server's clock is still "now" on someone's watch. */
const START_CLOCK_SKEW_MS = 2 * MINUTE_MS;

export interface NewOpsIncident {
  title: string;
  providers: ProviderImpactInput[];
  workflowIds: number[];
  causeId: number | null;
  /** Null: derived from the providers' impacts. */
  impactOverride: IncidentImpact | null;
  startedAt: Date;
  status: Exclude<OpsUpdateStatus, "resolved">;
  body: string;
}

export function createIncidentByOps(db: Executor, actor: Actor, input: NewOpsIncident, nowMs: number): number {
  return db.transaction((tx) => {
    const providers = checkedProviders(tx, input.providers);
    if (input.workflowIds.length > 0) {
      const found = tx.select({ id: workflow.id }).from(workflow).where(inArray(workflow.id, input.workflowIds)).all().length;
      requireAllFound(found, input.workflowIds, "workflowIds", "workflows");
    }
    if (input.causeId !== null && !tx.select({ id: cause.id }).from(cause).where(eq(cause.id, input.causeId)).get()) {
      throw new IncidentConsoleError("causeId", "Choose a cause from the list.");
    }
    if (input.startedAt.getTime() > nowMs + START_CLOCK_SKEW_MS) {
      throw new IncidentConsoleError("startedAt", "The start time cannot be in the future.");
    }
    const workflowIds = uniqueIds(input.workflowIds);
    const id = createIncident(tx, {
      title: input.title,
      providers,
      workflowIds,
      causeId: input.causeId,
      source: "ops",
      impactOverride: input.impactOverride,
      startedAt: input.startedAt,
      firstUpdate: { status: input.status, body: input.body },
      authorUserId: actor.userId,
    });
    const { title, causeId, impactOverride, status, body } = input;
    writeAudit(tx, {
      actor,
      action: "incident.create",
      entityType: "incident",
      entityId: id,
      after: { title, providers, workflowIds, causeId, impactOverride, startedAt: input.startedAt.toISOString(), status, body },
      at: new Date(nowMs),
    });
    return id;
  });
}
