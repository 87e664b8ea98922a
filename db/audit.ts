import type { Executor } from "./client";
import { auditLog } from "./schema";

export interface Actor {
  /** Null for the command line. */
  userId: number | null;
  label: string;
}

export const COMMAND_LINE_ACTOR: Actor = { userId: null, label: "statusctl" };

/** Appends one entry; call it in the same transaction as the change it describes. */
export function writeAudit(
  db: Executor,
  entry: { actor: Actor; action: string; entityType: string; entityId: number | null; before?: unknown; after?: unknown; at?: Date },
): void {
  db.insert(auditLog)
    .values({
      actorUserId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: entry.at ?? new Date(),
    })
    .run();
}
