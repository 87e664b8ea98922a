// Recording what subscribers are told about. Each writer of incidents and maintenance calls
// these in its own transaction, so an event exists exactly when the change it describes
// does, and the deliveries to every matching subscriber are queued with it: a crash can
// lose neither, and a restart finds them in the outbox.

import { and, asc, eq, gt, inArray, isNotNull, isNull, notExists, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { maintenanceStatus } from "../health/maintenance-status";
import { listIncidentSummaries } from "../queries/incidents";
import { providersByMaintenance } from "../queries/maintenance";
import { delivery, incident, maintenance, notificationEvent, subscriber, subscriberProvider } from "../schema";
import type { IncidentStatus, NotificationEventKind } from "../schema/enums";
import { HOUR_MS } from "../time";
import type { EventPayload, IncidentSnapshot, MaintenanceSnapshot } from "./payload";

/** Rows per insert statement, well under SQLite's limit on bound parameters. */
const DELIVERY_INSERT_CHUNK_ROWS = 500;

export interface NewNotificationEvent {
  kind: NotificationEventKind;
  dedupeKey: string;
  incidentId?: number;
  maintenanceId?: number;
  payload: EventPayload;
  /** The providers it is about: subscribers of any of them, and of all providers, hear of it… */
  providerIds: number[];
  /** …unless it is for one subscriber only (a confirmation email). */
  subscriberId?: number;
  at: Date;
}

/** Confirmed, enabled subscribers of all providers or of one of these. */
function matchingSubscriberIds(tx: Executor, providerIds: number[]): number[] {
  const choseNone = notExists(tx.select({ one: sql`1` }).from(subscriberProvider).where(eq(subscriberProvider.subscriberId, subscriber.id)));
  const choseOneOfThese =
    providerIds.length === 0
      ? undefined
      : inArray(subscriber.id, tx.select({ id: subscriberProvider.subscriberId }).from(subscriberProvider).where(inArray(subscriberProvider.providerId, providerIds)));
  return tx
    .select({ id: subscriber.id })
    .from(subscriber)
    .where(and(isNotNull(subscriber.confirmedAt), isNull(subscriber.disabledAt), or(choseNone, choseOneOfThese)))
    .all()
    .map((r) => r.id);
}

function queueDeliveries(tx: Executor, eventId: number, subscriberIds: number[], at: Date): void {
  for (let i = 0; i < subscriberIds.length; i += DELIVERY_INSERT_CHUNK_ROWS) {
    const chunk = subscriberIds.slice(i, i + DELIVERY_INSERT_CHUNK_ROWS);
    tx.insert(delivery)
      .values(chunk.map((subscriberId) => ({ eventId, subscriberId, nextAttemptAt: at, createdAt: at, updatedAt: at })))
      .onConflictDoNothing()
      .run();
  }
}

/**
 * Records an event and queues a delivery of it to every subscriber it concerns. Recording
 * one whose dedupe key is already known does nothing and returns null.
 */
export function recordNotificationEvent(tx: Executor, event: NewNotificationEvent): number | null {
  const created = tx
    .insert(notificationEvent)
    .values({
      kind: event.kind,
      dedupeKey: event.dedupeKey,
      incidentId: event.incidentId ?? null,
      maintenanceId: event.maintenanceId ?? null,
      subscriberId: event.subscriberId ?? null,
      payload: event.payload,
      createdAt: event.at,
    })
    .onConflictDoNothing({ target: notificationEvent.dedupeKey })
    .returning({ id: notificationEvent.id })
    .get();
  if (!created) return null;
  const recipients = event.subscriberId === undefined ? matchingSubscriberIds(tx, event.providerIds) : [event.subscriberId];
  queueDeliveries(tx, created.id, recipients, event.at);
  return created.id;
}

type IncidentEventKind = Extract<NotificationEventKind, `incident.${string}`>;

/**
 * An incident opened or updated. Incidents merchants never see (detections ops dismissed
 * or merged) are never announced: the summary query applies the public pages' own rule.
 */
export function recordIncidentEvent(
  tx: Executor,
  input: { kind: IncidentEventKind; incidentId: number; update: { id: number; status: IncidentStatus; body: string; at: Date } },
): void {
  const [summary] = listIncidentSummaries(tx, eq(incident.id, input.incidentId));
  if (!summary) return;
  const snapshot: IncidentSnapshot = {
    id: summary.id,
    title: summary.title,
    status: summary.status,
    impact: summary.impact,
    unconfirmedDetection: summary.unconfirmedDetection,
    startedAtMs: summary.startedAtMs,
    resolvedAtMs: summary.resolvedAtMs,
    providers: summary.providers.map(({ id, slug, name, impact }) => ({ id, slug, name, impact })),
    update: { id: input.update.id, status: input.update.status, body: input.update.body, createdAtMs: input.update.at.getTime() },
  };
  recordNotificationEvent(tx, {
    kind: input.kind,
    // One event per incident for its opening, one per update after that.
    dedupeKey: input.kind === "incident.created" ? `incident.created:${input.incidentId}` : `${input.kind}:${input.update.id}`,
    incidentId: input.incidentId,
    payload: { type: "incident", incident: snapshot },
    providerIds: snapshot.providers.map((p) => p.id),
    at: input.update.at,
  });
}

const PHASE_EVENT = {
  scheduled: "maintenance.scheduled",
  in_progress: "maintenance.started",
  completed: "maintenance.completed",
} as const satisfies Record<string, NotificationEventKind>;

const phaseKey = (kind: NotificationEventKind, maintenanceId: number) => `${kind}:${maintenanceId}`;

/**
 * Announces the phase a maintenance window is in at `nowMs`, unless it already was. Its
 * end is only announced when its schedule or start was: nobody wants to hear that a window
 * they never heard of is over. Cancelled windows are not announced.
 */
export function recordMaintenancePhase(tx: Executor, maintenanceId: number, nowMs: number, announced?: ReadonlySet<string>): void {
  const row = tx.select().from(maintenance).where(eq(maintenance.id, maintenanceId)).get();
  if (!row || row.cancelledAt) return;
  const status = maintenanceStatus(row, nowMs);
  const kind = PHASE_EVENT[status];
  const known =
    announced ??
    new Set(tx.select({ key: notificationEvent.dedupeKey }).from(notificationEvent).where(eq(notificationEvent.maintenanceId, maintenanceId)).all().map((r) => r.key));
  if (known.has(phaseKey(kind, maintenanceId))) return;
  if (status === "completed" && !known.has(phaseKey(PHASE_EVENT.scheduled, maintenanceId)) && !known.has(phaseKey(PHASE_EVENT.in_progress, maintenanceId))) return;
  const providers = providersByMaintenance(tx, [maintenanceId]).get(maintenanceId) ?? [];
  const snapshot: MaintenanceSnapshot = {
    id: row.id,
    title: row.title,
    description: row.description,
    status,
    scheduledForMs: row.scheduledFor.getTime(),
    scheduledUntilMs: row.scheduledUntil.getTime(),
    providers,
  };
  recordNotificationEvent(tx, {
    kind,
    dedupeKey: phaseKey(kind, maintenanceId),
    maintenanceId,
    payload: { type: "maintenance", maintenance: snapshot },
    providerIds: providers.map((p) => p.id),
    at: new Date(nowMs),
  });
}

/** How far back the scan looks for windows that ended: a worker down longer than this does not announce old ends. */
export const MAINTENANCE_SCAN_LOOKBACK_MS = 6 * HOUR_MS;

/**
 * Windows start and end by the clock, with no write to hang an event on, so the worker
 * scans for phases not yet announced. The dedupe keys make the scan safe to repeat.
 */
export function scanMaintenancePhases(db: Executor, nowMs: number): void {
  db.transaction((tx) => {
    const windows = tx
      .select({ id: maintenance.id })
      .from(maintenance)
      .where(and(isNull(maintenance.cancelledAt), gt(maintenance.scheduledUntil, new Date(nowMs - MAINTENANCE_SCAN_LOOKBACK_MS))))
      .orderBy(asc(maintenance.scheduledFor))
      .all()
      .map((w) => w.id);
    if (windows.length === 0) return;
    const announced = new Map<number, Set<string>>();
    for (const e of tx
      .select({ maintenanceId: notificationEvent.maintenanceId, key: notificationEvent.dedupeKey })
      .from(notificationEvent)
      .where(inArray(notificationEvent.maintenanceId, windows))
      .all()) {
      if (e.maintenanceId === null) continue;
      const keys = announced.get(e.maintenanceId) ?? new Set<string>();
      keys.add(e.key);
      announced.set(e.maintenanceId, keys);
    }
    for (const id of windows) recordMaintenancePhase(tx, id, nowMs, announced.get(id) ?? new Set());
  });
}
