// The recommended-action library as ops edit it. Where an action shows follows from its
// two links (see db/schema/recommended-action.ts): neither is the general "check first"
// list, a category alone is that category's advice and checklist, a cause is that
// cause's steps. Positions are one number across the library; only the order within a
// group means anything, so moving swaps places with the neighbour in the same group.

import { and, asc, count, eq, isNull, max, type SQL } from "drizzle-orm";
import { z } from "zod";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { category, cause, incidentAction, recommendedAction } from "../schema";
import { ACTION_KINDS, type ActionKind, type CauseSide } from "../schema/enums";
import type { LocalizedText } from "../schema/types";

const TEXT_MAX_CHARS = 500;
const SLUG_MAX_WORDS = 8;
const LINKED_INCIDENTS_NAMED = 5;

const tooLong = `Keep it to ${TEXT_MAX_CHARS} characters or fewer.`;
const optionalText = z.string().trim().max(TEXT_MAX_CHARS, tooLong).optional().transform((v) => (v ? v : undefined));
/** A select whose first option, "", means none. */
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const id = Number(v);
    if (Number.isInteger(id) && id > 0) return id;
    ctx.addIssue({ code: "custom", message: "Choose from the list." });
    return z.NEVER;
  });

/** The action form: English is required, Hindi and Assamese are added when a translation exists. */
export const ActionFormSchema = z
  .object({
    kind: z.enum(ACTION_KINDS, { error: "Choose whether this is a step to check or advice." }),
    categoryId: optionalId,
    causeId: optionalId,
    en: z
      .string({ error: "Write the English text merchants will read." })
      .trim()
      .min(1, "Write the English text merchants will read.")
      .max(TEXT_MAX_CHARS, tooLong),
    hi: optionalText,
    as: optionalText,
  })
  .transform(({ en, hi, as, ...scope }) => {
    // Keys only for the translations that exist, as the catalogue file writes them.
    const text: LocalizedText = { en, ...(hi ? { hi } : {}), ...(as ? { as } : {}) };
    return { ...scope, text };
  });
export type ActionInput = z.output<typeof ActionFormSchema>;

export const MOVE_DIRECTIONS = ["up", "down"] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

/** A change the library cannot take as it stands. */
export class LibraryError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 409,
    readonly field: "categoryId" | "causeId" | null = null,
  ) {
    super(message);
  }
}

export interface LibraryAction {
  id: number;
  slug: string;
  kind: ActionKind;
  text: LocalizedText;
  /** For a cause's step narrowed to one category. */
  categoryName: string | null;
  linkedIncidents: number;
}

export interface ActionLibrary {
  general: LibraryAction[];
  categories: { id: number; name: string; advice: LibraryAction[]; checklist: LibraryAction[] }[];
  causes: { id: number; name: string; side: CauseSide; steps: LibraryAction[] }[];
}

/** The whole library in the groups and order merchants see it in. */
export function listActionLibrary(db: Executor): ActionLibrary {
  const categories = db.select({ id: category.id, name: category.name }).from(category).orderBy(asc(category.position)).all();
  const causes = db.select({ id: cause.id, name: cause.name, side: cause.side }).from(cause).orderBy(asc(cause.position)).all();
  const links = new Map(
    db
      .select({ id: incidentAction.recommendedActionId, n: count() })
      .from(incidentAction)
      .groupBy(incidentAction.recommendedActionId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const rows = db.select().from(recommendedAction).orderBy(asc(recommendedAction.position), asc(recommendedAction.id)).all();
  const item = (a: (typeof rows)[number]): LibraryAction => ({
    id: a.id,
    slug: a.slug,
    kind: a.kind,
    text: a.text,
    categoryName: a.categoryId === null ? null : (categories.find((c) => c.id === a.categoryId)?.name.en ?? null),
    linkedIncidents: links.get(a.id) ?? 0,
  });
  return {
    general: rows.filter((a) => a.categoryId === null && a.causeId === null).map(item),
    categories: categories.map((c) => {
      const own = rows.filter((a) => a.categoryId === c.id && a.causeId === null);
      return {
        id: c.id,
        name: c.name.en,
        advice: own.filter((a) => a.kind === "advice").map(item),
        checklist: own.filter((a) => a.kind !== "advice").map(item),
      };
    }),
    causes: causes.map((c) => ({ id: c.id, name: c.name.en, side: c.side, steps: rows.filter((a) => a.causeId === c.id).map(item) })),
  };
}

export interface ScopeChoices {
  categories: { id: number; name: string }[];
  causes: { id: number; name: string; side: CauseSide }[];
}

export function listScopeChoices(db: Executor): ScopeChoices {
  return {
    categories: db.select({ id: category.id, name: category.name }).from(category).orderBy(asc(category.position)).all().map((c) => ({ id: c.id, name: c.name.en })),
    causes: db
      .select({ id: cause.id, name: cause.name, side: cause.side })
      .from(cause)
      .orderBy(asc(cause.position))
      .all()
      .map((c) => ({ id: c.id, name: c.name.en, side: c.side })),
  };
}

export interface EditableAction {
  id: number;
  slug: string;
  kind: ActionKind;
  categoryId: number | null;
  causeId: number | null;
  text: LocalizedText;
  /** Incidents that show this action; while any do, it cannot be deleted. */
  linkedIncidentIds: number[];
}

export function getAction(db: Executor, id: number): EditableAction | null {
  const row = db.select().from(recommendedAction).where(eq(recommendedAction.id, id)).get();
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    categoryId: row.categoryId,
    causeId: row.causeId,
    text: row.text,
    linkedIncidentIds: linkedIncidentIds(db, id),
  };
}

function linkedIncidentIds(db: Executor, actionId: number): number[] {
  return db
    .selectDistinct({ id: incidentAction.incidentId })
    .from(incidentAction)
    .where(eq(incidentAction.recommendedActionId, actionId))
    .orderBy(asc(incidentAction.incidentId))
    .all()
    .map((r) => r.id);
}

type ActionRow = typeof recommendedAction.$inferSelect;

/** The rows an action is ordered among; a category's advice and checklist are shown apart, so they are ordered apart. */
function groupOf(row: Pick<ActionRow, "categoryId" | "causeId" | "kind">): SQL {
  if (row.causeId !== null) return eq(recommendedAction.causeId, row.causeId);
  if (row.categoryId === null) return and(isNull(recommendedAction.categoryId), isNull(recommendedAction.causeId))!;
  return and(eq(recommendedAction.categoryId, row.categoryId), isNull(recommendedAction.causeId), eq(recommendedAction.kind, row.kind))!;
}

const sameGroup = (a: Pick<ActionRow, "categoryId" | "causeId" | "kind">, b: Pick<ActionRow, "categoryId" | "causeId" | "kind">) =>
  a.causeId === b.causeId && a.categoryId === b.categoryId && (a.causeId !== null || a.categoryId === null || a.kind === b.kind);

/** After every other action: new and regrouped actions go to the end of their group. */
const nextPosition = (tx: Executor) => (tx.select({ last: max(recommendedAction.position) }).from(recommendedAction).get()?.last ?? -1) + 1;

function requireKnownScope(tx: Executor, input: ActionInput): { categorySlug: string | null; causeSlug: string | null } {
  const categorySlug = input.categoryId === null ? null : tx.select({ slug: category.slug }).from(category).where(eq(category.id, input.categoryId)).get()?.slug;
  if (categorySlug === undefined) throw new LibraryError("Choose a category from the list.", 400, "categoryId");
  const causeSlug = input.causeId === null ? null : tx.select({ slug: cause.slug }).from(cause).where(eq(cause.id, input.causeId)).get()?.slug;
  if (causeSlug === undefined) throw new LibraryError("Choose a cause from the list.", 400, "causeId");
  return { categorySlug, causeSlug };
}

/** A new action's slug, the key catalogue files match it by: its scope and first English words, made unique. */
function newSlug(tx: Executor, scope: (string | null)[], english: string): string {
  const words = english
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .slice(0, SLUG_MAX_WORDS);
  const base = [...scope.filter((s): s is string => s !== null), ...(words.length > 0 ? words : ["action"])].join("-");
  const taken = new Set(
    tx
      .select({ slug: recommendedAction.slug })
      .from(recommendedAction)
      .all()
      .map((r) => r.slug)
      .filter((s) => s === base || s.startsWith(`${base}-`)),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** What the audit log keeps of an action. */
const snapshot = (row: ActionRow) => ({
  slug: row.slug,
  kind: row.kind,
  categoryId: row.categoryId,
  causeId: row.causeId,
  text: row.text,
  position: row.position,
});

function loadAction(tx: Executor, id: number): ActionRow {
  const row = tx.select().from(recommendedAction).where(eq(recommendedAction.id, id)).get();
  if (!row) throw new LibraryError(`There is no action ${id}.`, 404);
  return row;
}

export function createAction(db: Executor, actor: Actor, input: ActionInput, at: Date): number {
  return db.transaction((tx) => {
    const scope = requireKnownScope(tx, input);
    const created = tx
      .insert(recommendedAction)
      .values({
        ...input,
        slug: newSlug(tx, [scope.categorySlug, scope.causeSlug], input.text.en),
        position: nextPosition(tx),
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    writeAudit(tx, { actor, action: "recommended_action.create", entityType: "recommended_action", entityId: created.id, after: snapshot(created), at });
    return created.id;
  });
}

/** Saves the text and scope; the slug stays, since catalogue files match actions by it. */
export function updateAction(db: Executor, actor: Actor, id: number, input: ActionInput, at: Date): void {
  db.transaction((tx) => {
    const before = loadAction(tx, id);
    requireKnownScope(tx, input);
    const position = sameGroup(before, input) ? before.position : nextPosition(tx);
    const after = tx
      .update(recommendedAction)
      .set({ ...input, position, updatedAt: at })
      .where(eq(recommendedAction.id, id))
      .returning()
      .get();
    writeAudit(tx, { actor, action: "recommended_action.update", entityType: "recommended_action", entityId: id, before: snapshot(before), after: snapshot(after), at });
  });
}

/** Swaps places with the neighbour in its group; at either end of the group nothing changes. Returns whether it moved. */
export function moveAction(db: Executor, actor: Actor, id: number, direction: MoveDirection, at: Date): boolean {
  return db.transaction((tx) => {
    const row = loadAction(tx, id);
    const members = tx
      .select({ id: recommendedAction.id, position: recommendedAction.position })
      .from(recommendedAction)
      .where(groupOf(row))
      .orderBy(asc(recommendedAction.position), asc(recommendedAction.id))
      .all();
    const from = members.findIndex((m) => m.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= members.length) return false;
    const reordered = [...members];
    [reordered[from], reordered[to]] = [reordered[to]!, reordered[from]!];
    // The group keeps the positions it had, handed out in the new order; ties (imports
    // leave none, but rows written by hand may) are pulled apart so the order is strict.
    const slots: number[] = [];
    for (const p of members.map((m) => m.position)) slots.push(slots.length === 0 ? p : Math.max(p, slots[slots.length - 1]! + 1));
    reordered.forEach((m, i) => {
      if (m.position !== slots[i]) tx.update(recommendedAction).set({ position: slots[i], updatedAt: at }).where(eq(recommendedAction.id, m.id)).run();
    });
    writeAudit(tx, {
      actor,
      action: "recommended_action.move",
      entityType: "recommended_action",
      entityId: id,
      before: { position: row.position, order: members.map((m) => m.id) },
      after: { position: slots[to], order: reordered.map((m) => m.id), direction },
      at,
    });
    return true;
  });
}

/** Deletes an action no incident shows; one that incidents link stays, or their pages would lose a step. */
export function deleteAction(db: Executor, actor: Actor, id: number, at: Date): void {
  db.transaction((tx) => {
    const row = loadAction(tx, id);
    const linked = linkedIncidentIds(tx, id);
    if (linked.length > 0) {
      const named = linked.slice(0, LINKED_INCIDENTS_NAMED).join(", ");
      const more = linked.length > LINKED_INCIDENTS_NAMED ? ` and ${linked.length - LINKED_INCIDENTS_NAMED} more` : "";
      throw new LibraryError(
        `This action cannot be deleted: ${linked.length === 1 ? `incident ${named} shows` : `incidents ${named}${more} show`} it to merchants. ` +
          "Remove it from those incidents first, or edit its text instead.",
      );
    }
    tx.delete(recommendedAction).where(eq(recommendedAction.id, id)).run();
    writeAudit(tx, { actor, action: "recommended_action.delete", entityType: "recommended_action", entityId: id, before: snapshot(row), at });
  });
}
