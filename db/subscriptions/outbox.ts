// The outbox's state machine. A worker claims due deliveries (pending, waiting for a retry,
// or claimed by a worker whose claim lapsed), sends them, and records what happened; a
// delivery recorded as delivered is never claimed again. The window in which a message can
// go out twice is between a send and its record: see docs/decisions/012.

import { and, asc, eq, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { isPublicIncident } from "../queries/incidents";
import { delivery, incident, maintenance, notificationEvent, subscribeRateLimit, subscriber } from "../schema";
import type { DeliveryState, NotificationEventKind } from "../schema/enums";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";
import { UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS } from "./forms";
import type { EventPayload } from "./payload";
import { SUBSCRIBE_RATE_WINDOW_MS } from "./rate-limit";

export const DELIVERY_MAX_ATTEMPTS = 8;
export const RETRY_BASE_DELAY_MS = 30_000;
export const RETRY_MAX_DELAY_MS = HOUR_MS;
/** Up to this share is added to each delay, so that subscribers failing together do not retry in lockstep. */
export const RETRY_JITTER_RATIO = 0.2;
/** Longer than any send may take (the webhook and SMTP timeouts), so a live worker's claim never lapses. */
export const DELIVERY_LEASE_MS = 2 * MINUTE_MS;
export const DEAD_DELIVERIES_BEFORE_DISABLE = 3;
export const FAILING_SPAN_BEFORE_DISABLE_MS = DAY_MS;
export const OUTBOX_RETENTION_MS = 90 * DAY_MS;
export const UNCONFIRMED_SUBSCRIBER_LIFETIME_MS = UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS * DAY_MS;

const OPEN_STATES: DeliveryState[] = ["pending", "failed"];
/** Claims look a little further than the cap, to skip past subscribers that already have a delivery in this batch. */
const CLAIM_LOOKAHEAD_FACTOR = 4;

/** Delay before retry number `attempt` (1 for the first retry): 30 s, 1 min, 2 min… up to an hour, plus jitter from `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(base * (1 + RETRY_JITTER_RATIO * random));
}

export interface ClaimedDelivery {
  id: number;
  /** This attempt's number; the record of its outcome must match it. */
  attempt: number;
  subscriberId: number;
  event: { id: number; kind: NotificationEventKind; payload: EventPayload; createdAtMs: number; incidentId: number | null };
}

/**
 * Claims up to `limit` due deliveries, at most one per subscriber so that a subscriber's
 * messages go out in order. Each claim is a compare-and-set, so two workers on one
 * database never claim the same delivery.
 */
export function claimDueDeliveries(db: Executor, nowMs: number, limit: number): ClaimedDelivery[] {
  const now = new Date(nowMs);
  return db.transaction((tx) => {
    const due = tx
      .select({
        id: delivery.id,
        subscriberId: delivery.subscriberId,
        state: delivery.state,
        attempts: delivery.attempts,
        nextAttemptAt: delivery.nextAttemptAt,
        eventId: notificationEvent.id,
        kind: notificationEvent.kind,
        payload: notificationEvent.payload,
        createdAt: notificationEvent.createdAt,
        incidentId: notificationEvent.incidentId,
      })
      .from(delivery)
      .innerJoin(notificationEvent, eq(notificationEvent.id, delivery.eventId))
      .where(and(inArray(delivery.state, [...OPEN_STATES, "sending"]), lte(delivery.nextAttemptAt, now)))
      .orderBy(asc(delivery.nextAttemptAt), asc(delivery.id))
      .limit(limit * CLAIM_LOOKAHEAD_FACTOR)
      .all();
    const claimed: ClaimedDelivery[] = [];
    const subscribers = new Set<number>();
    for (const row of due) {
      if (claimed.length >= limit) break;
      if (subscribers.has(row.subscriberId)) continue;
      const attempt = row.attempts + 1;
      const taken = tx
        .update(delivery)
        .set({ state: "sending", attempts: attempt, nextAttemptAt: new Date(nowMs + DELIVERY_LEASE_MS), lastAttemptAt: now, updatedAt: now })
        .where(and(eq(delivery.id, row.id), eq(delivery.state, row.state), eq(delivery.attempts, row.attempts)))
        .run().changes;
      if (taken === 0) continue;
      subscribers.add(row.subscriberId);
      claimed.push({
        id: row.id,
        attempt,
        subscriberId: row.subscriberId,
        event: { id: row.eventId, kind: row.kind, payload: row.payload, createdAtMs: row.createdAt.getTime(), incidentId: row.incidentId },
      });
    }
    return claimed;
  });
}

export type DeliveryOutcome =
  | { ok: true; status: number | null }
  | {
      ok: false;
      status: number | null;
      error: string;
      /** No retry can help (an address the mail server refuses). */
      permanent: boolean;
      /** Whether the failure is the subscriber's (their endpoint, their address) or ours (our mail server down). Only theirs count towards disabling them. */
      blame: "subscriber" | "us";
    }
  | { ok: false; cancelled: string };

/** The claimed delivery as it still stands, or undefined when another worker took it over since. */
const stillClaimed = (tx: Executor, claim: ClaimedDelivery) =>
  tx
    .select({ id: delivery.id })
    .from(delivery)
    .where(and(eq(delivery.id, claim.id), eq(delivery.state, "sending"), eq(delivery.attempts, claim.attempt)))
    .get();

function disableSubscriber(tx: Executor, subscriberId: number, reason: string, now: Date): void {
  tx.update(subscriber).set({ disabledAt: now, disabledReason: reason, updatedAt: now }).where(eq(subscriber.id, subscriberId)).run();
  tx.update(delivery)
    .set({ state: "cancelled", lastError: "The subscriber was disabled.", updatedAt: now })
    .where(and(eq(delivery.subscriberId, subscriberId), inArray(delivery.state, OPEN_STATES)))
    .run();
}

/** Records how a claimed attempt ended: delivered, a retry scheduled, given up, or dropped. */
export function recordDeliveryOutcome(db: Executor, claim: ClaimedDelivery, outcome: DeliveryOutcome, nowMs: number, random: number): DeliveryState | null {
  const now = new Date(nowMs);
  return db.transaction((tx): DeliveryState | null => {
    if (!stillClaimed(tx, claim)) return null;
    if ("cancelled" in outcome) {
      tx.update(delivery).set({ state: "cancelled", lastError: outcome.cancelled, updatedAt: now }).where(eq(delivery.id, claim.id)).run();
      return "cancelled";
    }
    if (outcome.ok) {
      tx.update(delivery)
        .set({ state: "delivered", deliveredAt: now, lastStatus: outcome.status, lastError: null, updatedAt: now })
        .where(eq(delivery.id, claim.id))
        .run();
      tx.update(subscriber).set({ failingSince: null, deadInARow: 0 }).where(eq(subscriber.id, claim.subscriberId)).run();
      return "delivered";
    }
    const dead = outcome.permanent || claim.attempt >= DELIVERY_MAX_ATTEMPTS;
    const state: DeliveryState = dead ? "dead" : "failed";
    tx.update(delivery)
      .set({
        state,
        nextAttemptAt: dead ? now : new Date(nowMs + retryDelayMs(claim.attempt, random)),
        lastStatus: outcome.status,
        lastError: outcome.error,
        updatedAt: now,
      })
      .where(eq(delivery.id, claim.id))
      .run();
    if (outcome.blame === "subscriber") {
      const row = tx.select().from(subscriber).where(eq(subscriber.id, claim.subscriberId)).get();
      if (row && row.disabledAt === null) {
        const failingSince = row.failingSince ?? now;
        const deadInARow = row.deadInARow + (dead ? 1 : 0);
        tx.update(subscriber).set({ failingSince, deadInARow }).where(eq(subscriber.id, row.id)).run();
        if (deadInARow >= DEAD_DELIVERIES_BEFORE_DISABLE) {
          disableSubscriber(tx, row.id, `${deadInARow} deliveries in a row failed after every retry.`, now);
        } else if (nowMs - failingSince.getTime() >= FAILING_SPAN_BEFORE_DISABLE_MS) {
          disableSubscriber(tx, row.id, `Every delivery has failed since ${failingSince.toISOString()}.`, now);
        }
      }
    }
    return state;
  });
}

/** Whether a claimed delivery should still go out: its incident may have been dismissed since, its subscriber disabled. */
export function cancellationReason(db: Executor, claim: ClaimedDelivery): string | null {
  const row = db.select({ disabledAt: subscriber.disabledAt }).from(subscriber).where(eq(subscriber.id, claim.subscriberId)).get();
  if (!row) return "The subscriber is gone.";
  if (row.disabledAt) return "The subscriber was disabled.";
  const incidentId = claim.event.incidentId;
  if (incidentId !== null && !db.select({ id: incident.id }).from(incident).where(and(eq(incident.id, incidentId), isPublicIncident)).get()) {
    return "The incident is no longer public (dismissed or merged by ops).";
  }
  return null;
}

/**
 * Forgets what no longer matters: events (with their deliveries) past retention once none
 * is still to be sent, except the phases of maintenance windows the scan may still look
 * at; addresses never confirmed; rate-limit windows that are over.
 */
export function pruneOutbox(db: Executor, nowMs: number): void {
  const cutoff = new Date(nowMs - OUTBOX_RETENTION_MS);
  db.transaction((tx) => {
    tx.delete(notificationEvent)
      .where(
        and(
          lte(notificationEvent.createdAt, cutoff),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(delivery)
              .where(and(eq(delivery.eventId, notificationEvent.id), inArray(delivery.state, [...OPEN_STATES, "sending"]))),
          ),
          or(
            isNull(notificationEvent.maintenanceId),
            inArray(notificationEvent.maintenanceId, tx.select({ id: maintenance.id }).from(maintenance).where(lte(maintenance.scheduledUntil, cutoff))),
          ),
        ),
      )
      .run();
    tx.delete(subscriber)
      .where(and(isNull(subscriber.confirmedAt), lte(subscriber.createdAt, new Date(nowMs - UNCONFIRMED_SUBSCRIBER_LIFETIME_MS))))
      .run();
    tx.delete(subscribeRateLimit).where(lte(subscribeRateLimit.windowStartedAt, new Date(nowMs - SUBSCRIBE_RATE_WINDOW_MS))).run();
  });
}
