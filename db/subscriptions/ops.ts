// Subscribers as ops see them: who is subscribed, how their deliveries go, and the two
// things ops do about it: re-enable a subscriber that was disabled, or delete one.

import { asc, count, desc, eq, inArray, max, or, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { delivery, notificationEvent, provider, subscriber, subscriberProvider } from "../schema";
import type { DeliveryState, Locale, NotificationEventKind, SubscriberKind } from "../schema/enums";

export const SUBSCRIBER_LIST_LIMIT = 100;
export const DELIVERY_LOG_LIMIT = 200;

export type SubscriberState = "unconfirmed" | "active" | "disabled";

export interface ConsoleSubscriber {
  id: number;
  kind: SubscriberKind;
  address: string;
  locale: Locale;
  state: SubscriberState;
  disabledReason: string | null;
  /** Empty: all providers. */
  providers: string[];
  deliveries: Record<DeliveryState, number>;
  lastAttemptAtMs: number | null;
  createdAtMs: number;
}

type SubscriberRow = typeof subscriber.$inferSelect;

const stateOf = (row: SubscriberRow): SubscriberState => (row.disabledAt ? "disabled" : row.confirmedAt ? "active" : "unconfirmed");

const emptyCounts = (): Record<DeliveryState, number> => ({ pending: 0, sending: 0, delivered: 0, failed: 0, dead: 0, cancelled: 0 });

function describe(db: Executor, rows: SubscriberRow[]): ConsoleSubscriber[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const providers = db
    .select({ subscriberId: subscriberProvider.subscriberId, name: provider.name })
    .from(subscriberProvider)
    .innerJoin(provider, eq(provider.id, subscriberProvider.providerId))
    .where(inArray(subscriberProvider.subscriberId, ids))
    .orderBy(asc(provider.name))
    .all();
  const counts = db
    .select({ subscriberId: delivery.subscriberId, state: delivery.state, n: count(), lastAttemptAt: max(delivery.lastAttemptAt) })
    .from(delivery)
    .where(inArray(delivery.subscriberId, ids))
    .groupBy(delivery.subscriberId, delivery.state)
    .all();
  return rows.map((r) => {
    const mine = counts.filter((c) => c.subscriberId === r.id);
    const deliveries = emptyCounts();
    for (const c of mine) deliveries[c.state] = c.n;
    const attempts = mine.flatMap((c) => (c.lastAttemptAt ? [c.lastAttemptAt.getTime()] : []));
    return {
      id: r.id,
      kind: r.kind,
      address: r.email ?? r.url ?? "",
      locale: r.locale,
      state: stateOf(r),
      disabledReason: r.disabledAt ? r.disabledReason : null,
      providers: providers.filter((p) => p.subscriberId === r.id).map((p) => p.name),
      deliveries,
      lastAttemptAtMs: attempts.length > 0 ? Math.max(...attempts) : null,
      createdAtMs: r.createdAt.getTime(),
    };
  });
}

/** Subscribers whose address contains `search`, disabled ones first, then newest first. */
export function listConsoleSubscribers(db: Executor, search: string): { subscribers: ConsoleSubscriber[]; total: number } {
  const term = search.trim();
  // A `%` or `_` someone types is looked for as itself, not as a wildcard.
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = term === "" ? undefined : or(sql`${subscriber.email} like ${pattern} escape '\\'`, sql`${subscriber.url} like ${pattern} escape '\\'`);
  const total = db.select({ n: count() }).from(subscriber).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(subscriber)
    .where(where)
    .orderBy(sql`${subscriber.disabledAt} is null`, desc(subscriber.createdAt), desc(subscriber.id))
    .limit(SUBSCRIBER_LIST_LIMIT)
    .all();
  return { subscribers: describe(db, rows), total };
}

export interface DeliveryLogEntry {
  id: number;
  eventId: number;
  kind: NotificationEventKind;
  /** The incident's or window's title, as the event recorded it. */
  title: string | null;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAtMs: number;
  lastAttemptAtMs: number | null;
  /** When it is due next (pending, failed), or when its claim lapses (sending). */
  nextAttemptAtMs: number;
  deliveredAtMs: number | null;
}

export interface ConsoleSubscriberDetail {
  subscriber: ConsoleSubscriber;
  /** Newest first, the latest few. */
  log: DeliveryLogEntry[];
}

export function getConsoleSubscriber(db: Executor, id: number): ConsoleSubscriberDetail | null {
  const row = db.select().from(subscriber).where(eq(subscriber.id, id)).get();
  if (!row) return null;
  const log = db
    .select({ d: delivery, kind: notificationEvent.kind, payload: notificationEvent.payload })
    .from(delivery)
    .innerJoin(notificationEvent, eq(notificationEvent.id, delivery.eventId))
    .where(eq(delivery.subscriberId, id))
    .orderBy(desc(delivery.id))
    .limit(DELIVERY_LOG_LIMIT)
    .all()
    .map(({ d, kind, payload }) => ({
      id: d.id,
      eventId: d.eventId,
      kind,
      title: payload.type === "incident" ? payload.incident.title : payload.type === "maintenance" ? payload.maintenance.title : null,
      state: d.state,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAtMs: d.createdAt.getTime(),
      lastAttemptAtMs: d.lastAttemptAt?.getTime() ?? null,
      nextAttemptAtMs: d.nextAttemptAt.getTime(),
      deliveredAtMs: d.deliveredAt?.getTime() ?? null,
    }));
  return { subscriber: describe(db, [row])[0]!, log };
}

/** A change ops asked for that does not apply to the subscriber as it stands. */
export class SubscriberConsoleError extends Error {
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
  }
}

/** What the audit log keeps of a subscriber: never its secrets or tokens. */
const auditView = (row: SubscriberRow) => ({
  kind: row.kind,
  address: row.email ?? row.url,
  confirmedAt: row.confirmedAt?.toISOString() ?? null,
  disabledAt: row.disabledAt?.toISOString() ?? null,
  disabledReason: row.disabledReason,
});

function load(tx: Executor, id: number): SubscriberRow {
  const row = tx.select().from(subscriber).where(eq(subscriber.id, id)).get();
  if (!row) throw new SubscriberConsoleError(`There is no subscriber ${id}.`, 404);
  return row;
}

/** Delivers to a disabled subscriber again, from the next event on, with a clean failure record. */
export function enableSubscriber(db: Executor, actor: Actor, id: number, at: Date): void {
  db.transaction((tx) => {
    const before = load(tx, id);
    if (before.disabledAt === null) throw new SubscriberConsoleError("This subscriber is not disabled.", 409);
    tx.update(subscriber).set({ disabledAt: null, disabledReason: null, failingSince: null, deadInARow: 0, updatedAt: at }).where(eq(subscriber.id, id)).run();
    writeAudit(tx, { actor, action: "subscriber.enable", entityType: "subscriber", entityId: id, before: auditView(before), after: auditView(load(tx, id)), at });
  });
}

/** Removes a subscriber with its delivery log. */
export function deleteSubscriber(db: Executor, actor: Actor, id: number, at: Date): void {
  db.transaction((tx) => {
    const before = load(tx, id);
    tx.delete(subscriber).where(eq(subscriber.id, id)).run();
    writeAudit(tx, { actor, action: "subscriber.delete", entityType: "subscriber", entityId: id, before: auditView(before), at });
  });
}
