import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addOpsIncident, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { TEST_KEYRING } from "../../tests/support/loaders";
import { confirmedEmailSubscriber, webhookSubscriber } from "../../tests/support/subscriptions";
import { COMMAND_LINE_ACTOR } from "../audit";
import { DEFAULT_DETECTION, evaluateProviderDetection } from "../incidents/detection";
import { dismissDetection, mergeDetection } from "../incidents/review";
import { postIncidentUpdate } from "../incidents/write";
import { cancelMaintenance, createMaintenance } from "../maintenance/console";
import { recordCheckResult } from "../rollups/record-result";
import { delivery, incident, notificationEvent, subscribeRateLimit, subscriber } from "../schema";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";
import { mirrorUpstream } from "../upstream/mirror";
import { MAINTENANCE_SCAN_LOOKBACK_MS, scanMaintenancePhases } from "./events";
import { cancellationReason, claimDueDeliveries, DELIVERY_LEASE_MS, OUTBOX_RETENTION_MS, pruneOutbox, recordDeliveryOutcome, retryDelayMs, UNCONFIRMED_SUBSCRIBER_LIFETIME_MS } from "./outbox";
import { SUBSCRIBES_PER_CLIENT_PER_WINDOW, SUBSCRIBES_PER_TARGET_PER_WINDOW } from "./rate-limit";
import { subscribe } from "./subscribers";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const now = Date.now();
const events = () => t.db.select().from(notificationEvent).orderBy(notificationEvent.id).all();
const deliveriesOf = (eventId: number) =>
  t.db
    .select({ subscriberId: delivery.subscriberId })
    .from(delivery)
    .where(eq(delivery.eventId, eventId))
    .all()
    .map((d) => d.subscriberId)
    .sort((a, b) => a - b);
const lastEvent = () => events().at(-1)!;

describe("who hears of an incident", () => {
  it("queues a delivery to every confirmed, enabled subscriber of its providers or of all providers", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    const delhivery = addProvider(t.db, "delhivery", "logistics").provider;
    const ofRazorpay = confirmedEmailSubscriber(t.db, "razorpay-only@example.com", [razorpay.id]);
    const ofAll = webhookSubscriber(t.db, "https://hooks.example.com/all");
    const ofAllId = t.db.select().from(subscriber).where(eq(subscriber.url, "https://hooks.example.com/all")).get()!.id;
    confirmedEmailSubscriber(t.db, "delhivery-only@example.com", [delhivery.id]);
    subscribe(t.db, TEST_KEYRING, { kind: "email", email: "never-confirmed@example.com", locale: "en", providerIds: [] }, { clientAddress: "203.0.113.9", nowMs: now });
    const disabled = confirmedEmailSubscriber(t.db, "disabled@example.com");
    t.db.update(subscriber).set({ disabledAt: new Date(now), disabledReason: "test" }).where(eq(subscriber.id, disabled.id)).run();
    expect(ofAll.secret).toMatch(/^whsec_/);

    const incidentId = addOpsIncident(t.db, razorpay.id, "Razorpay card payments failing", new Date(now));
    const created = lastEvent();
    expect(created).toMatchObject({ kind: "incident.created", dedupeKey: `incident.created:${incidentId}`, incidentId });
    expect(created.payload).toMatchObject({
      type: "incident",
      incident: { id: incidentId, title: "Razorpay card payments failing", status: "identified", providers: [{ slug: "razorpay", impact: "partial_outage" }] },
    });
    expect(deliveriesOf(created.id)).toEqual([ofRazorpay.id, ofAllId].sort((a, b) => a - b));

    const updateId = postIncidentUpdate(t.db, { incidentId, status: "monitoring", body: "A fix is out.", at: new Date(now + MINUTE_MS) });
    expect(lastEvent()).toMatchObject({ kind: "incident.updated", dedupeKey: `incident.updated:${updateId}` });
    const resolvedId = postIncidentUpdate(t.db, { incidentId, status: "resolved", body: "Payments work again.", at: new Date(now + 2 * MINUTE_MS) });
    expect(lastEvent()).toMatchObject({ kind: "incident.resolved", dedupeKey: `incident.resolved:${resolvedId}` });
    expect(lastEvent().payload).toMatchObject({ incident: { update: { id: resolvedId, status: "resolved", body: "Payments work again." } } });
    // A postmortem after resolution is news, not a second resolution.
    postIncidentUpdate(t.db, { incidentId, status: "postmortem", body: "What happened.", at: new Date(now + 3 * MINUTE_MS) });
    expect(lastEvent().kind).toBe("incident.updated");
  });
});

describe("incidents merchants never see", () => {
  /** A provider failing for half its merchants: detection opens an incident awaiting review. */
  function detectedOutage(slug: string) {
    const { provider } = addProvider(t.db, slug);
    const connections = addConnections(t.db, provider.id, 10, slug);
    const start = now - 2 * HOUR_MS;
    connections.forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(start), outcome: "ok", latencyMs: 100 }));
    connections
      .slice(0, 5)
      .forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(start + MINUTE_MS), outcome: "down", cause: "provider-downtime", httpStatus: 503 }));
    const outcome = evaluateProviderDetection(t.db, provider.id, start + MINUTE_MS + 1, DEFAULT_DETECTION);
    return { provider, incidentId: outcome.incidentId! };
  }

  it("announces a detection awaiting review, and nothing about it once dismissed; its queued deliveries are dropped", () => {
    webhookSubscriber(t.db, "https://hooks.example.com/all");
    const { incidentId } = detectedOutage("razorpay");
    expect(t.db.select().from(incident).where(eq(incident.id, incidentId)).get()!.reviewState).toBe("pending");
    expect(events().map((e) => e.kind)).toEqual(["incident.created"]);

    const [claim] = claimDueDeliveries(t.db, now, 10);
    dismissDetection(t.db, COMMAND_LINE_ACTOR, { incidentId, reason: "One merchant's misconfigured proxy." }, new Date(now));
    expect(events().map((e) => e.kind)).toEqual(["incident.created"]);
    expect(cancellationReason(t.db, claim!)).toMatch(/no longer public/);
  });

  it("says nothing about a detection merged into another incident, only about the incident it joined", () => {
    webhookSubscriber(t.db, "https://hooks.example.com/all");
    const { incidentId, provider } = detectedOutage("payu");
    const target = addOpsIncident(t.db, provider.id, "Gateways failing", new Date(now - HOUR_MS));
    const before = events().length;
    mergeDetection(t.db, COMMAND_LINE_ACTOR, { incidentId, targetId: target, body: "Same outage as this one." }, new Date(now));
    const added = events().slice(before);
    expect(added.map((e) => [e.kind, e.incidentId])).toEqual([["incident.updated", target]]);
  });
});

describe("maintenance phases", () => {
  const window = (providerIds: number[], fromMs: number, untilMs: number) => ({
    title: "Razorpay gateway upgrade",
    description: "Card payments may fail for a few minutes.",
    providerIds,
    scheduledFor: new Date(fromMs),
    scheduledUntil: new Date(untilMs),
  });
  const kindsOf = (maintenanceId: number) =>
    t.db
      .select({ kind: notificationEvent.kind })
      .from(notificationEvent)
      .where(eq(notificationEvent.maintenanceId, maintenanceId))
      .orderBy(notificationEvent.id)
      .all()
      .map((e) => e.kind);

  it("announces a window when it is scheduled, when the clock reaches its start and its end, each once", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    const hook = webhookSubscriber(t.db, "https://hooks.example.com/razorpay", [razorpay.id]);
    expect(hook.ok).toBe(true);
    const id = createMaintenance(t.db, COMMAND_LINE_ACTOR, window([razorpay.id], now + HOUR_MS, now + 2 * HOUR_MS), new Date(now));
    expect(kindsOf(id)).toEqual(["maintenance.scheduled"]);
    scanMaintenancePhases(t.db, now + 30 * MINUTE_MS);
    expect(kindsOf(id)).toEqual(["maintenance.scheduled"]);
    scanMaintenancePhases(t.db, now + HOUR_MS);
    scanMaintenancePhases(t.db, now + HOUR_MS + MINUTE_MS);
    expect(kindsOf(id)).toEqual(["maintenance.scheduled", "maintenance.started"]);
    scanMaintenancePhases(t.db, now + 2 * HOUR_MS);
    scanMaintenancePhases(t.db, now + 3 * HOUR_MS);
    expect(kindsOf(id)).toEqual(["maintenance.scheduled", "maintenance.started", "maintenance.completed"]);
    const started = events().find((e) => e.kind === "maintenance.started")!;
    expect(started.payload).toMatchObject({ type: "maintenance", maintenance: { id, status: "in_progress", providers: [{ slug: "razorpay" }] } });
    expect(deliveriesOf(started.id)).toHaveLength(1);
  });

  it("ends a window cut short at once, stays quiet about a cancelled one and about windows nobody heard of", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    const running = createMaintenance(t.db, COMMAND_LINE_ACTOR, window([razorpay.id], now - HOUR_MS, now + HOUR_MS), new Date(now));
    expect(kindsOf(running)).toEqual(["maintenance.started"]);
    cancelMaintenance(t.db, COMMAND_LINE_ACTOR, running, new Date(now + MINUTE_MS));
    expect(kindsOf(running)).toEqual(["maintenance.started", "maintenance.completed"]);

    const calledOff = createMaintenance(t.db, COMMAND_LINE_ACTOR, window([razorpay.id], now + HOUR_MS, now + 2 * HOUR_MS), new Date(now));
    cancelMaintenance(t.db, COMMAND_LINE_ACTOR, calledOff, new Date(now));
    scanMaintenancePhases(t.db, now + 90 * MINUTE_MS);
    expect(kindsOf(calledOff)).toEqual(["maintenance.scheduled"]);

    // Recorded straight into the table (as the demo seeds its history), already over: no "completed" out of nowhere.
    const past = createMaintenance(t.db, COMMAND_LINE_ACTOR, window([razorpay.id], now - 3 * HOUR_MS, now - HOUR_MS), new Date(now));
    scanMaintenancePhases(t.db, now);
    expect(kindsOf(past)).toEqual([]);
    expect(MAINTENANCE_SCAN_LOOKBACK_MS).toBeGreaterThan(HOUR_MS);
  });

  it("announces a window a provider's own feed lists", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    mirrorUpstream(t.db, {
      providerId: razorpay.id,
      checkSlug: "razorpay-status",
      report: {
        providerStatus: "operational",
        incidents: [],
        maintenances: [{ externalId: "m1", title: "Database upgrade", description: "", scheduledForMs: now + DAY_MS, scheduledUntilMs: now + DAY_MS + HOUR_MS }],
      },
      nowMs: now,
    });
    expect(events().map((e) => e.kind)).toEqual(["maintenance.scheduled"]);
  });
});

describe("the outbox", () => {
  it("waits longer before each retry, up to an hour", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => retryDelayMs(attempt, 0));
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delays.at(-1)).toBe(HOUR_MS);
    // Jitter never makes a later retry come sooner than an earlier one could.
    expect(retryDelayMs(2, 0)).toBeGreaterThan(retryDelayMs(1, 0.999));
  });

  it("lets one worker claim a delivery; another takes it over only when the claim lapses", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    webhookSubscriber(t.db, "https://hooks.example.com/all");
    addOpsIncident(t.db, razorpay.id, "Payments failing", new Date(now));
    const [first] = claimDueDeliveries(t.db, now, 10);
    expect(first).toMatchObject({ attempt: 1 });
    expect(claimDueDeliveries(t.db, now + MINUTE_MS, 10)).toEqual([]);
    const [again] = claimDueDeliveries(t.db, now + DELIVERY_LEASE_MS, 10);
    expect(again).toMatchObject({ id: first!.id, attempt: 2 });
    // The first worker's late record does not overwrite the second's claim.
    expect(recordDeliveryOutcome(t.db, first!, { ok: true, status: 200 }, now + DELIVERY_LEASE_MS, 0)).toBeNull();
    expect(recordDeliveryOutcome(t.db, again!, { ok: true, status: 200 }, now + DELIVERY_LEASE_MS, 0)).toBe("delivered");
    expect(claimDueDeliveries(t.db, now + DAY_MS, 10)).toEqual([]);
  });

  it("forgets old finished events, unconfirmed addresses and spent rate limits, and keeps what is still to be sent", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    const old = now - OUTBOX_RETENTION_MS - DAY_MS;
    webhookSubscriber(t.db, "https://hooks.example.com/all", [], old);
    addOpsIncident(t.db, razorpay.id, "Delivered long ago", new Date(old));
    const [claim] = claimDueDeliveries(t.db, old, 10);
    recordDeliveryOutcome(t.db, claim!, { ok: true, status: 200 }, old, 0);
    addOpsIncident(t.db, razorpay.id, "Still waiting to go out", new Date(old));
    subscribe(t.db, TEST_KEYRING, { kind: "email", email: "never@example.com", locale: "en", providerIds: [] }, { clientAddress: "203.0.113.7", nowMs: now - UNCONFIRMED_SUBSCRIBER_LIFETIME_MS - 1 });
    expect(t.db.select().from(subscribeRateLimit).all().length).toBeGreaterThan(0);

    pruneOutbox(t.db, now);
    const titles = events().map((e) => (e.payload.type === "incident" ? e.payload.incident.title : e.kind));
    expect(titles).toEqual(["Still waiting to go out"]);
    expect(t.db.select().from(subscriber).where(eq(subscriber.email, "never@example.com")).get()).toBeUndefined();
    expect(t.db.select().from(subscribeRateLimit).all()).toEqual([]);
  });
});

describe("the subscribe rate limit", () => {
  const ask = (email: string, clientAddress: string) =>
    subscribe(t.db, TEST_KEYRING, { kind: "email", email, locale: "en", providerIds: [] }, { clientAddress, nowMs: now });

  it("refuses more requests per address and per client than allowed, writing nothing for them", () => {
    for (let i = 0; i < SUBSCRIBES_PER_TARGET_PER_WINDOW; i += 1) expect(ask("same@example.com", `203.0.113.${i}`).ok).toBe(true);
    const eventsBefore = events().length;
    expect(ask("same@example.com", "203.0.113.200")).toMatchObject({ ok: false });
    expect(events()).toHaveLength(eventsBefore);

    for (let i = 0; i < SUBSCRIBES_PER_CLIENT_PER_WINDOW; i += 1) expect(ask(`reader${i}@example.com`, "198.51.100.1").ok).toBe(true);
    const refused = ask("one-too-many@example.com", "198.51.100.1");
    expect(refused.ok).toBe(false);
    expect(t.db.select().from(subscriber).where(eq(subscriber.email, "one-too-many@example.com")).get()).toBeUndefined();
  });
});
