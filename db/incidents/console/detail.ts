// One incident as the console shows it: its summary, every update with its earlier texts,
// the steps merchants are shown and the library steps to add, notes and affected merchants.

import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { listIncidentSummaries, type IncidentSummary } from "../../queries/incidents";
import { suggestIncidentActionIds } from "../../queries/recommended-actions";
import { auditLog, category, cause, incident, incidentNote, incidentUpdate, recommendedAction, user } from "../../schema";
import type { ActionKind, IncidentImpact, IncidentStatus } from "../../schema/enums";
import type { LocalizedText } from "../../schema/types";
import { linkedActions } from "./actions";
import { affectedMerchants, type AffectedMerchants } from "./affected-merchants";
import { uniqueIds } from "./guards";

export interface ActionOption {
  id: number;
  kind: ActionKind;
  text: LocalizedText;
  /** Where the step comes from, e.g. "Payments checklist", "Expired authentication", "General". */
  scope: string;
}

export interface ConsoleAction extends Omit<ActionOption, "id" | "scope"> {
  /** The incident_action row: what the buttons move and remove. */
  id: number;
  scope: string | null;
}

export interface ConsoleUpdate {
  id: number;
  status: IncidentStatus;
  body: string;
  createdAtMs: number;
  editedAtMs: number | null;
  author: string | null;
  /** Earlier texts, oldest first, from the audit log. */
  history: { body: string; replacedAtMs: number; by: string }[];
}

export interface ConsoleIncident {
  summary: IncidentSummary;
  impactOverride: IncidentImpact | null;
  postmortem: string | null;
  updates: ConsoleUpdate[];
  actions: ConsoleAction[];
  /** Library actions not linked yet: the incident's categories and cause first, then the rest. */
  library: { suggested: ActionOption[]; other: ActionOption[] };
  notes: { id: number; body: string; createdAtMs: number; author: string | null }[];
  merchants: AffectedMerchants;
}

function libraryActions(db: Executor): ActionOption[] {
  return db
    .select({
      id: recommendedAction.id,
      kind: recommendedAction.kind,
      text: recommendedAction.text,
      categoryName: category.name,
      causeName: cause.name,
    })
    .from(recommendedAction)
    .leftJoin(category, eq(category.id, recommendedAction.categoryId))
    .leftJoin(cause, eq(cause.id, recommendedAction.causeId))
    .orderBy(asc(category.position), asc(cause.position), asc(recommendedAction.position))
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      scope: r.causeName ? r.causeName.en : r.categoryName ? `${r.categoryName.en} checklist` : "General",
    }));
}

function consoleUpdates(db: Executor, incidentId: number): ConsoleUpdate[] {
  const rows = db
    .select({
      id: incidentUpdate.id,
      status: incidentUpdate.status,
      body: incidentUpdate.body,
      createdAt: incidentUpdate.createdAt,
      editedAt: incidentUpdate.editedAt,
      author: user.name,
    })
    .from(incidentUpdate)
    .leftJoin(user, eq(user.id, incidentUpdate.authorUserId))
    .where(eq(incidentUpdate.incidentId, incidentId))
    .orderBy(desc(incidentUpdate.createdAt), desc(incidentUpdate.id))
    .all();
  const edits =
    rows.length === 0
      ? []
      : db
          .select({ entityId: auditLog.entityId, before: auditLog.before, at: auditLog.createdAt, by: auditLog.actorLabel })
          .from(auditLog)
          .where(and(eq(auditLog.entityType, "incident_update"), eq(auditLog.action, "incident_update.edit"), inArray(auditLog.entityId, rows.map((r) => r.id))))
          .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
          .all();
  const bodyOf = (before: unknown) => (typeof before === "object" && before !== null && "body" in before && typeof before.body === "string" ? before.body : "");
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    body: r.body,
    createdAtMs: r.createdAt.getTime(),
    editedAtMs: r.editedAt?.getTime() ?? null,
    author: r.author,
    history: edits.filter((e) => e.entityId === r.id).map((e) => ({ body: bodyOf(e.before), replacedAtMs: e.at.getTime(), by: e.by })),
  }));
}

export function getConsoleIncident(db: Executor, incidentId: number): ConsoleIncident | null {
  const [summary] = listIncidentSummaries(db, eq(incident.id, incidentId));
  if (!summary) return null;
  const detail = db
    .select({ impactOverride: incident.impactOverride, postmortem: incident.postmortem, causeId: incident.causeId })
    .from(incident)
    .where(eq(incident.id, incidentId))
    .get()!;
  const library = libraryActions(db);
  const byId = new Map(library.map((a) => [a.id, a]));
  const linked = linkedActions(db, incidentId);
  const actions = linked.flatMap((l): ConsoleAction[] => {
    const from = l.recommendedActionId === null ? null : byId.get(l.recommendedActionId);
    if (from) return [{ id: l.id, kind: from.kind, text: from.text, scope: from.scope }];
    return l.customText ? [{ id: l.id, kind: "check", text: l.customText, scope: null }] : [];
  });
  const linkedIds = new Set(linked.map((l) => l.recommendedActionId));
  const suggestedIds = suggestIncidentActionIds(db, {
    categoryIds: uniqueIds(summary.providers.map((p) => p.categoryId)),
    causeId: detail.causeId,
  }).filter((id) => !linkedIds.has(id));
  const notes = db
    .select({ id: incidentNote.id, body: incidentNote.body, createdAt: incidentNote.createdAt, author: user.name })
    .from(incidentNote)
    .leftJoin(user, eq(user.id, incidentNote.authorUserId))
    .where(eq(incidentNote.incidentId, incidentId))
    .orderBy(desc(incidentNote.createdAt), desc(incidentNote.id))
    .all();
  return {
    summary,
    impactOverride: detail.impactOverride,
    postmortem: detail.postmortem,
    updates: consoleUpdates(db, incidentId),
    actions,
    library: {
      suggested: suggestedIds.flatMap((id) => {
        const option = byId.get(id);
        return option ? [option] : [];
      }),
      other: library.filter((a) => !linkedIds.has(a.id) && !suggestedIds.includes(a.id)),
    },
    notes: notes.map((n) => ({ id: n.id, body: n.body, createdAtMs: n.createdAt.getTime(), author: n.author })),
    merchants: affectedMerchants(db, incidentId),
  };
}
