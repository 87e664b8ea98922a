// Maintenance windows as ops schedule them. Ops type times as they read them, in India
// time, as a date and a time; the database keeps instants. A window's status is never
// stored: it follows from the clock (db/health/maintenance-status.ts), so a window moves
// from scheduled to in progress to completed with nobody touching it.

import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { maintenanceStatus, type MaintenanceStatus } from "../health/maintenance-status";
import { providersByMaintenance } from "../queries/maintenance";
import { recordMaintenancePhase } from "../subscriptions/events";
import { category, maintenance, maintenanceProvider, provider } from "../schema";
import type { CategorySlug, MaintenanceSource } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { zoneOffsetMs } from "../time";

const TITLE_MAX_CHARS = 160;
const DESCRIPTION_MAX_CHARS = 2_000;
const PAST_WINDOWS_SHOWN = 30;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** A wall-clock date ("2026-11-28") and time ("14:30") in India as an instant, or null when there is no such moment. */
export function indiaTimeToMs(date: string, time: string): number | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  // Date.UTC rolls 31 June over to 1 July; a typed date that does not exist is an error, not a guess.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return asUtc - zoneOffsetMs(asUtc);
}

/** An instant as the date and time fields show it in India. */
export function msToIndiaTime(ms: number): { date: string; time: string } {
  const iso = new Date(ms + zoneOffsetMs(ms)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const requiredText = (message: string, maxChars: number) =>
  z.string({ error: message }).trim().min(1, message).max(maxChars, `Keep it to ${maxChars} characters or fewer.`);
const field = (message: string) => z.string({ error: message }).trim().min(1, message);

/** The maintenance form. Errors land on `start` and `end` as a whole, where the date and time fields sit together. */
export const MaintenanceFormSchema = z
  .object({
    title: requiredText("Give the window a title, such as “Razorpay scheduled maintenance”.", TITLE_MAX_CHARS),
    description: z.string().trim().max(DESCRIPTION_MAX_CHARS, `Keep it to ${DESCRIPTION_MAX_CHARS} characters or fewer.`).default(""),
    providerIds: z
      .array(z.coerce.number().int().positive(), { error: "Choose at least one provider." })
      .min(1, "Choose at least one provider."),
    startDate: field("Enter the start date."),
    startTime: field("Enter the start time."),
    endDate: field("Enter the end date."),
    endTime: field("Enter the end time."),
  })
  .transform((form, ctx) => {
    const scheduledForMs = indiaTimeToMs(form.startDate, form.startTime);
    const scheduledUntilMs = indiaTimeToMs(form.endDate, form.endTime);
    if (scheduledForMs === null) ctx.addIssue({ code: "custom", path: ["start"], message: "Enter a real date and time (24-hour, India time)." });
    if (scheduledUntilMs === null) ctx.addIssue({ code: "custom", path: ["end"], message: "Enter a real date and time (24-hour, India time)." });
    if (scheduledForMs === null || scheduledUntilMs === null) return z.NEVER;
    if (scheduledUntilMs <= scheduledForMs) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "The window must end after it starts." });
      return z.NEVER;
    }
    return {
      title: form.title,
      description: form.description,
      providerIds: [...new Set(form.providerIds)],
      scheduledFor: new Date(scheduledForMs),
      scheduledUntil: new Date(scheduledUntilMs),
    };
  });
export type MaintenanceInput = z.output<typeof MaintenanceFormSchema>;

/** A change that cannot be made to this window as it stands. */
export class MaintenanceError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 409,
    readonly field: "providerIds" | null = null,
  ) {
    super(message);
  }
}

/** Ops also see windows that were called off. */
export type ConsoleMaintenanceStatus = MaintenanceStatus | "cancelled";

export interface ConsoleMaintenance {
  id: number;
  title: string;
  description: string;
  scheduledForMs: number;
  scheduledUntilMs: number;
  status: ConsoleMaintenanceStatus;
  source: MaintenanceSource;
  providers: { id: number; name: string }[];
}

type MaintenanceRow = typeof maintenance.$inferSelect;

const statusOf = (row: MaintenanceRow, nowMs: number): ConsoleMaintenanceStatus =>
  row.cancelledAt ? "cancelled" : maintenanceStatus(row, nowMs);

function withProviders(db: Executor, rows: MaintenanceRow[], nowMs: number): ConsoleMaintenance[] {
  const providers = providersByMaintenance(db, rows.map((r) => r.id));
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    scheduledForMs: m.scheduledFor.getTime(),
    scheduledUntilMs: m.scheduledUntil.getTime(),
    status: statusOf(m, nowMs),
    source: m.source,
    providers: (providers.get(m.id) ?? []).map(({ id, name }) => ({ id, name })),
  }));
}

export interface MaintenanceBoard {
  /** Soonest first. */
  upcoming: ConsoleMaintenance[];
  inProgress: ConsoleMaintenance[];
  /** Completed and cancelled, latest first, the most recent few. */
  past: ConsoleMaintenance[];
}

export function listMaintenanceBoard(db: Executor, nowMs: number): MaintenanceBoard {
  const now = new Date(nowMs);
  const current = withProviders(
    db,
    db
      .select()
      .from(maintenance)
      .where(and(isNull(maintenance.cancelledAt), gt(maintenance.scheduledUntil, now)))
      .orderBy(asc(maintenance.scheduledFor), asc(maintenance.id))
      .all(),
    nowMs,
  );
  const past = db
    .select()
    .from(maintenance)
    .where(or(isNotNull(maintenance.cancelledAt), lte(maintenance.scheduledUntil, now)))
    .orderBy(desc(maintenance.scheduledFor), desc(maintenance.id))
    .limit(PAST_WINDOWS_SHOWN)
    .all();
  return {
    upcoming: current.filter((m) => m.status === "scheduled"),
    inProgress: current.filter((m) => m.status === "in_progress"),
    past: withProviders(db, past, nowMs),
  };
}

export function getMaintenance(db: Executor, id: number, nowMs: number): ConsoleMaintenance | null {
  const row = db.select().from(maintenance).where(eq(maintenance.id, id)).get();
  return row ? withProviders(db, [row], nowMs)[0]! : null;
}

export interface ProviderChoiceGroup {
  slug: CategorySlug;
  /** Every language: the public pages show the reader's, the console English. */
  category: LocalizedText;
  providers: { id: number; name: string }[];
}

/** Providers to choose from, grouped by category in page order. */
export function listProviderChoices(db: Executor): ProviderChoiceGroup[] {
  const rows = db
    .select({ id: provider.id, name: provider.name, slug: category.slug, category: category.name })
    .from(provider)
    .innerJoin(category, eq(category.id, provider.categoryId))
    .orderBy(asc(category.position), asc(provider.position))
    .all();
  const groups: ProviderChoiceGroup[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last?.slug === r.slug) last.providers.push({ id: r.id, name: r.name });
    else groups.push({ slug: r.slug, category: r.category, providers: [{ id: r.id, name: r.name }] });
  }
  return groups;
}

function requireKnownProviders(tx: Executor, providerIds: number[]): void {
  const known = tx.select({ id: provider.id }).from(provider).where(inArray(provider.id, providerIds)).all();
  if (known.length !== providerIds.length) throw new MaintenanceError("Choose providers from the list.", 400, "providerIds");
}

/** What the audit log keeps of a window. */
function snapshot(tx: Executor, id: number) {
  const row = tx.select().from(maintenance).where(eq(maintenance.id, id)).get()!;
  const providerIds = tx
    .select({ id: maintenanceProvider.providerId })
    .from(maintenanceProvider)
    .where(eq(maintenanceProvider.maintenanceId, id))
    .orderBy(asc(maintenanceProvider.providerId))
    .all()
    .map((p) => p.id);
  return {
    title: row.title,
    description: row.description,
    scheduledFor: row.scheduledFor.toISOString(),
    scheduledUntil: row.scheduledUntil.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    providerIds,
  };
}

export function createMaintenance(db: Executor, actor: Actor, input: MaintenanceInput, at: Date): number {
  return db.transaction((tx) => {
    requireKnownProviders(tx, input.providerIds);
    const { providerIds, ...values } = input;
    const created = tx
      .insert(maintenance)
      .values({ ...values, source: "ops", createdAt: at, updatedAt: at })
      .returning({ id: maintenance.id })
      .get();
    tx.insert(maintenanceProvider).values(providerIds.map((providerId) => ({ maintenanceId: created.id, providerId }))).run();
    writeAudit(tx, { actor, action: "maintenance.create", entityType: "maintenance", entityId: created.id, after: snapshot(tx, created.id), at });
    recordMaintenancePhase(tx, created.id, at.getTime());
    return created.id;
  });
}

/** Ops' own window that has not been called off; a mirrored one belongs to the provider's feed, which would overwrite any change. */
function loadEditable(tx: Executor, id: number): MaintenanceRow {
  const row = tx.select().from(maintenance).where(eq(maintenance.id, id)).get();
  if (!row) throw new MaintenanceError(`There is no maintenance window ${id}.`, 404);
  if (row.source !== "ops") throw new MaintenanceError("This window is mirrored from the provider's own feed; change it there.");
  if (row.cancelledAt) throw new MaintenanceError("This window was cancelled; schedule a new one instead.");
  return row;
}

export function updateMaintenance(db: Executor, actor: Actor, id: number, input: MaintenanceInput, at: Date): void {
  db.transaction((tx) => {
    loadEditable(tx, id);
    requireKnownProviders(tx, input.providerIds);
    const before = snapshot(tx, id);
    const { providerIds, ...values } = input;
    tx.update(maintenance).set({ ...values, updatedAt: at }).where(eq(maintenance.id, id)).run();
    tx.delete(maintenanceProvider).where(eq(maintenanceProvider.maintenanceId, id)).run();
    tx.insert(maintenanceProvider).values(providerIds.map((providerId) => ({ maintenanceId: id, providerId }))).run();
    writeAudit(tx, { actor, action: "maintenance.update", entityType: "maintenance", entityId: id, before, after: snapshot(tx, id), at });
    recordMaintenancePhase(tx, id, at.getTime());
  });
}

/**
 * Calls a window off. One not yet started is cancelled and disappears from the public
 * pages; one in progress ends now instead, so its past stays true on the uptime bars and
 * it stops marking the provider as under maintenance.
 */
export function cancelMaintenance(db: Executor, actor: Actor, id: number, at: Date): "cancelled" | "ended" {
  return db.transaction((tx) => {
    const row = loadEditable(tx, id);
    const status = maintenanceStatus(row, at.getTime());
    if (status === "completed") throw new MaintenanceError("This window is already over; there is nothing to cancel.");
    const before = snapshot(tx, id);
    const change = status === "scheduled" ? { cancelledAt: at } : { scheduledUntil: at };
    tx.update(maintenance).set({ ...change, updatedAt: at }).where(eq(maintenance.id, id)).run();
    writeAudit(tx, {
      actor,
      action: status === "scheduled" ? "maintenance.cancel" : "maintenance.end",
      entityType: "maintenance",
      entityId: id,
      before,
      after: snapshot(tx, id),
      at,
    });
    // A window ended early is over now: its subscribers hear so without waiting for the scan.
    recordMaintenancePhase(tx, id, at.getTime());
    return status === "scheduled" ? "cancelled" : "ended";
  });
}
