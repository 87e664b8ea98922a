// Notes the ops team keep on an incident; merchants never see them.

import { writeAudit, type Actor } from "../../audit";
import type { Executor } from "../../client";
import { incidentNote } from "../../schema";
import { requireIncident } from "./guards";

export function addNote(db: Executor, actor: Actor, input: { incidentId: number; body: string }, nowMs: number): number {
  return db.transaction((tx) => {
    requireIncident(tx, input.incidentId);
    const at = new Date(nowMs);
    const note = tx.insert(incidentNote).values({ incidentId: input.incidentId, authorUserId: actor.userId, body: input.body, createdAt: at }).returning().get();
    writeAudit(tx, {
      actor,
      action: "incident_note.create",
      entityType: "incident_note",
      entityId: note.id,
      after: { incidentId: input.incidentId, body: input.body },
      at,
    });
    return note.id;
  });
}
