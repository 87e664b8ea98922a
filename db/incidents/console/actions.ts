// The steps an incident recommends to merchants, in the order merchants see them: library
// actions linked to it and steps written for it alone.

import { asc, eq, max } from "drizzle-orm";
import { writeAudit, type Actor } from "../../audit";
import type { Executor } from "../../client";
import { incidentAction, recommendedAction } from "../../schema";
import type { LocalizedText } from "../../schema/types";
import { IncidentConsoleError, requireIncident } from "./guards";

export const linkedActions = (db: Executor, incidentId: number) =>
  db
    .select()
    .from(incidentAction)
    .where(eq(incidentAction.incidentId, incidentId))
    .orderBy(asc(incidentAction.position), asc(incidentAction.id))
    .all();

type LinkedAction = ReturnType<typeof linkedActions>[number];

const auditedAction = (a: LinkedAction) => ({
  incidentId: a.incidentId,
  recommendedActionId: a.recommendedActionId,
  customText: a.customText,
  position: a.position,
});

function nextPosition(db: Executor, incidentId: number): number {
  const last = db.select({ position: max(incidentAction.position) }).from(incidentAction).where(eq(incidentAction.incidentId, incidentId)).get();
  return (last?.position ?? -1) + 1;
}

function appendAction(db: Executor, actor: Actor, incidentId: number, values: { recommendedActionId: number | null; customText: LocalizedText | null }, nowMs: number) {
  const added = db
    .insert(incidentAction)
    .values({ incidentId, ...values, position: nextPosition(db, incidentId) })
    .returning()
    .get();
  writeAudit(db, {
    actor,
    action: values.customText ? "incident_action.add_custom" : "incident_action.link",
    entityType: "incident_action",
    entityId: added.id,
    after: auditedAction(added),
    at: new Date(nowMs),
  });
  return added.id;
}

export function linkAction(db: Executor, actor: Actor, input: { incidentId: number; recommendedActionId: number }, nowMs: number): number {
  return db.transaction((tx) => {
    requireIncident(tx, input.incidentId);
    if (!tx.select({ id: recommendedAction.id }).from(recommendedAction).where(eq(recommendedAction.id, input.recommendedActionId)).get()) {
      throw new IncidentConsoleError("recommendedActionId", "Choose an action from the list.");
    }
    if (linkedActions(tx, input.incidentId).some((a) => a.recommendedActionId === input.recommendedActionId)) {
      throw new IncidentConsoleError("recommendedActionId", "That action is already linked to this incident.");
    }
    return appendAction(tx, actor, input.incidentId, { recommendedActionId: input.recommendedActionId, customText: null }, nowMs);
  });
}

/** A step written for this incident alone, in English until the console takes translations. */
export function addCustomStep(db: Executor, actor: Actor, input: { incidentId: number; text: string }, nowMs: number): number {
  return db.transaction((tx) => {
    requireIncident(tx, input.incidentId);
    return appendAction(tx, actor, input.incidentId, { recommendedActionId: null, customText: { en: input.text } }, nowMs);
  });
}

function requireLinked(actions: LinkedAction[], incidentActionId: number): number {
  const index = actions.findIndex((a) => a.id === incidentActionId);
  if (index === -1) throw new IncidentConsoleError(null, "That step is no longer linked to this incident.");
  return index;
}

/** Positions are rewritten as 0, 1, 2… so that removals never leave gaps that moves must skip. */
function renumber(db: Executor, actions: LinkedAction[]): void {
  actions.forEach((a, position) => {
    if (a.position !== position) db.update(incidentAction).set({ position }).where(eq(incidentAction.id, a.id)).run();
  });
}

export function unlinkAction(db: Executor, actor: Actor, input: { incidentId: number; incidentActionId: number }, nowMs: number): void {
  db.transaction((tx) => {
    const actions = linkedActions(tx, input.incidentId);
    const index = requireLinked(actions, input.incidentActionId);
    const [removed] = actions.splice(index, 1);
    tx.delete(incidentAction).where(eq(incidentAction.id, input.incidentActionId)).run();
    renumber(tx, actions);
    writeAudit(tx, {
      actor,
      action: "incident_action.unlink",
      entityType: "incident_action",
      entityId: input.incidentActionId,
      before: auditedAction(removed!),
      at: new Date(nowMs),
    });
  });
}

/**
 * Merchants see weighted advice first and the other steps after it, each group in its
 * own order, so a step moves past its neighbour in the same group.
 */
export function moveAction(
  db: Executor,
  actor: Actor,
  input: { incidentId: number; incidentActionId: number; direction: "up" | "down" },
  nowMs: number,
): void {
  db.transaction((tx) => {
    const actions = linkedActions(tx, input.incidentId);
    const index = requireLinked(actions, input.incidentActionId);
    const kinds = new Map(
      tx
        .select({ id: incidentAction.id, kind: recommendedAction.kind })
        .from(incidentAction)
        .leftJoin(recommendedAction, eq(recommendedAction.id, incidentAction.recommendedActionId))
        .where(eq(incidentAction.incidentId, input.incidentId))
        .all()
        .map((r) => [r.id, r.kind ?? "check"]),
    );
    const group = kinds.get(input.incidentActionId);
    const step = input.direction === "up" ? -1 : 1;
    let target = index + step;
    while (target >= 0 && target < actions.length && kinds.get(actions[target]!.id) !== group) target += step;
    if (target < 0 || target >= actions.length) {
      throw new IncidentConsoleError(null, `That step is already ${input.direction === "up" ? "first" : "last"}.`);
    }
    const moved = actions[index]!;
    actions[index] = actions[target]!;
    actions[target] = moved;
    renumber(tx, actions);
    writeAudit(tx, {
      actor,
      action: "incident_action.move",
      entityType: "incident_action",
      entityId: moved.id,
      before: { incidentId: input.incidentId, position: index },
      after: { incidentId: input.incidentId, position: target },
      at: new Date(nowMs),
    });
  });
}
