// What the ops console does to incidents, one named function per change. Each change runs
// in one transaction with its audit entry, and checks inside that transaction that what it
// touches exists and belongs to the incident: a stale or forged form fails cleanly.

import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { listIncidentSummaries, isOpen, type IncidentSummary } from "../queries/incidents";
import { suggestIncidentActionIds } from "../queries/recommended-actions";
import {
  auditLog,
  category,
  cause,
  check,
  connection,
  incident,
  incidentAction,
  incidentNote,
  incidentProvider,
  incidentUpdate,
  merchant,
  provider,
  recommendedAction,
  user,
  workflow,
} from "../schema";
import { CHECK_STATES, type ActionKind, type CheckState, type ConnectionState, type IncidentImpact, type IncidentStatus, type ProviderImpact } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { MINUTE_MS } from "../time";
import { CLOSED_INCIDENT_STATUSES, createIncident, isClosedStatus, postIncidentUpdate } from "./write";

/** The statuses ops post; `postmortem` is a text published after resolution, not a step. */
export const OPS_UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const satisfies readonly IncidentStatus[];
export type OpsUpdateStatus = (typeof OPS_UPDATE_STATUSES)[number];

/** A start time this far ahead of the server's clock is still "now" on someone's watch. */
const START_CLOCK_SKEW_MS = 2 * MINUTE_MS;
const CONSOLE_PAGE_SIZE = 50;
/** Enough to act on; the counts always cover every affected merchant. */
const MERCHANTS_LISTED = 200;

/** Input that is well-formed but refers to something that is not there, or not allowed now. */
export class IncidentConsoleError extends Error {
  /** The form field to show the message at; null for the form as a whole. */
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface ProviderImpactInput {
  providerId: number;
  impact: ProviderImpact;
}

const uniqueIds = (ids: number[]) => [...new Set(ids)];

export const incidentExists = (db: Executor, incidentId: number): boolean =>
  db.select({ id: incident.id }).from(incident).where(eq(incident.id, incidentId)).get() !== undefined;

function requireIncident(db: Executor, incidentId: number) {
  const found = db.select().from(incident).where(eq(incident.id, incidentId)).get();
  if (!found) throw new IncidentConsoleError(null, "That incident does not exist.");
  return found;
}

/** Every id names a row: `found` is how many of the distinct ids the database knows. */
function requireAllFound(found: number, ids: number[], field: string, what: string): void {
  if (found !== uniqueIds(ids).length) throw new IncidentConsoleError(field, `Choose ${what} from the list.`);
}

function checkedProviders(db: Executor, providers: ProviderImpactInput[]): ProviderImpactInput[] {
  if (providers.length === 0) throw new IncidentConsoleError("providers", "Choose at least one affected provider.");
  if (uniqueIds(providers.map((p) => p.providerId)).length !== providers.length) {
    throw new IncidentConsoleError("providers", "Name each provider once.");
  }
  const ids = providers.map((p) => p.providerId);
  requireAllFound(db.select({ id: provider.id }).from(provider).where(inArray(provider.id, ids)).all().length, ids, "providers", "providers");
  return [...providers].sort((a, b) => a.providerId - b.providerId);
}

const providersKey = (providers: ProviderImpactInput[]) => providers.map((p) => `${p.providerId}:${p.impact}`).join(",");

const currentProviders = (db: Executor, incidentId: number): ProviderImpactInput[] =>
  db
    .select({ providerId: incidentProvider.providerId, impact: incidentProvider.impact })
    .from(incidentProvider)
    .where(eq(incidentProvider.incidentId, incidentId))
    .orderBy(asc(incidentProvider.providerId))
    .all();


// Incidents and their updates

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


// Recommended actions, in the order merchants see them

const linkedActions = (db: Executor, incidentId: number) =>
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


// Internal notes

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


// Reads for the console

export type IncidentListFilter = "open" | "resolved" | "all";

/** Newest first, a page at a time (`page` from 1); one extra row tells whether more follow. */
export function listConsoleIncidents(db: Executor, filter: IncidentListFilter, page: number): { incidents: IncidentSummary[]; hasMore: boolean } {
  const where = filter === "open" ? isOpen : filter === "resolved" ? inArray(incident.status, [...CLOSED_INCIDENT_STATUSES]) : undefined;
  const rows = listIncidentSummaries(db, where, CONSOLE_PAGE_SIZE + 1, (page - 1) * CONSOLE_PAGE_SIZE);
  return { incidents: rows.slice(0, CONSOLE_PAGE_SIZE), hasMore: rows.length > CONSOLE_PAGE_SIZE };
}

export interface IncidentFormOptions {
  categories: {
    id: number;
    name: LocalizedText;
    providers: { id: number; name: string }[];
    workflows: { id: number; name: LocalizedText }[];
  }[];
  causes: { id: number; name: LocalizedText }[];
}

/** What an incident form offers: providers and workflows by category, and the causes. */
export function incidentFormOptions(db: Executor): IncidentFormOptions {
  const providers = db.select({ id: provider.id, name: provider.name, categoryId: provider.categoryId }).from(provider).orderBy(asc(provider.position)).all();
  const workflows = db.select({ id: workflow.id, name: workflow.name, categoryId: workflow.categoryId }).from(workflow).orderBy(asc(workflow.position)).all();
  return {
    categories: db
      .select({ id: category.id, name: category.name })
      .from(category)
      .orderBy(asc(category.position))
      .all()
      .map((c) => ({
        ...c,
        providers: providers.filter((p) => p.categoryId === c.id).map(({ id, name }) => ({ id, name })),
        workflows: workflows.filter((w) => w.categoryId === c.id).map(({ id, name }) => ({ id, name })),
      })),
    causes: db.select({ id: cause.id, name: cause.name }).from(cause).orderBy(asc(cause.position)).all(),
  };
}

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

export interface AffectedMerchant {
  id: number;
  name: string;
  externalId: string;
  failing: boolean;
  connections: { provider: string; state: ConnectionState; checkState: CheckState | null; cause: LocalizedText | null }[];
}

export interface AffectedMerchants {
  total: number;
  failing: number;
  /** Failing merchants first, then by name; at most `MERCHANTS_LISTED`. */
  merchants: AffectedMerchant[];
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

/**
 * Merchants with a connection to any affected provider, and which of them fail right now:
 * a connection fails when one of its checks is confirmed down (one bad result is not enough).
 * Counts cover everyone; the list stops at `MERCHANTS_LISTED`, failing merchants first.
 */
export function affectedMerchants(db: Executor, incidentId: number): AffectedMerchants {
  const rows = db
    .select({
      merchantId: merchant.id,
      name: merchant.name,
      externalId: merchant.externalId,
      connectionId: connection.id,
      provider: provider.name,
      state: connection.state,
      checkState: check.state,
      cause: cause.name,
    })
    .from(incidentProvider)
    .innerJoin(connection, eq(connection.providerId, incidentProvider.providerId))
    .innerJoin(merchant, eq(merchant.id, connection.merchantId))
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .leftJoin(check, eq(check.connectionId, connection.id))
    .leftJoin(cause, eq(cause.id, check.lastCauseId))
    .where(eq(incidentProvider.incidentId, incidentId))
    .orderBy(asc(merchant.name), asc(merchant.id), asc(provider.position), asc(provider.id))
    .all();
  // A connection with several checks counts by its worst confirmed state.
  const severity = (state: CheckState | null) => (state === null ? -1 : CHECK_STATES.indexOf(state));
  const worstByConnection = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = worstByConnection.get(r.connectionId);
    if (!seen || severity(r.checkState) > severity(seen.checkState)) worstByConnection.set(r.connectionId, r);
  }
  const byMerchant = new Map<number, AffectedMerchant>();
  for (const r of worstByConnection.values()) {
    const m = byMerchant.get(r.merchantId) ?? { id: r.merchantId, name: r.name, externalId: r.externalId, failing: false, connections: [] };
    byMerchant.set(r.merchantId, m);
    const down = r.checkState === "down";
    m.failing ||= down;
    m.connections.push({ provider: r.provider, state: r.state, checkState: r.checkState, cause: down ? r.cause : null });
  }
  const all = [...byMerchant.values()].sort((a, b) => Number(b.failing) - Number(a.failing));
  return { total: all.length, failing: all.filter((m) => m.failing).length, merchants: all.slice(0, MERCHANTS_LISTED) };
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
