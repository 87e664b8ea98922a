import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../db/client";
import { delivery, notificationEvent, subscriber } from "../../db/schema";
import { enableSubscriber, getConsoleSubscriber } from "../../db/subscriptions/ops";
import { claimDueDeliveries, DEAD_DELIVERIES_BEFORE_DISABLE, DELIVERY_LEASE_MS, DELIVERY_MAX_ATTEMPTS, RETRY_MAX_DELAY_MS } from "../../db/subscriptions/outbox";
import { COMMAND_LINE_ACTOR } from "../../db/audit";
import { HOUR_MS } from "../../db/time";
import { addOpsIncident, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { startWebhookReceiver, TestClock, testWorker, verifySignature, webhookSubscriber, type WebhookReceiver } from "../support/subscriptions";

let t: TestDatabase;
let receiver: WebhookReceiver;
let razorpayId: number;
let clock: TestClock;
beforeEach(async () => {
  t = guidanceDatabase();
  razorpayId = addProvider(t.db, "razorpay").provider.id;
  receiver = await startWebhookReceiver();
  clock = new TestClock();
});
afterEach(async () => {
  await receiver.close();
  t.close();
});

const deliveryRows = () => t.db.select().from(delivery).orderBy(delivery.id).all();
const subscriberRow = (url: string) => t.db.select().from(subscriber).where(eq(subscriber.url, url)).get()!;
const incidentAt = (title: string) => addOpsIncident(t.db, razorpayId, title, new Date(clock.nowMs));

/** Runs the worker round after round, moving the clock to each next retry, until nothing is left to do. */
async function drain(worker: ReturnType<typeof testWorker>, maxRounds = 100): Promise<void> {
  for (let round = 0; round < maxRounds; round += 1) {
    await worker.tick();
    const next = deliveryRows()
      .filter((d) => d.state === "pending" || d.state === "failed")
      .map((d) => d.nextAttemptAt.getTime())
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    clock.nowMs = Math.max(clock.nowMs, next);
  }
  throw new Error("the outbox did not drain");
}

describe("a webhook delivery", () => {
  it("is signed over timestamp and body, retried after each 500 with growing pauses, and recorded once delivered", async () => {
    receiver.statuses = [500, 500];
    const hook = webhookSubscriber(t.db, receiver.url, [razorpayId]);
    const incidentId = incidentAt("Razorpay card payments failing");
    const worker = testWorker(t.db, clock);

    expect(await worker.tick()).toBe(1);
    const afterFirst = deliveryRows()[0]!;
    expect(afterFirst).toMatchObject({ state: "failed", attempts: 1, lastStatus: 500, lastError: "answered HTTP 500" });
    const firstPauseMs = afterFirst.nextAttemptAt.getTime() - clock.nowMs;
    // Not due yet: nothing is sent before the pause is over.
    expect(await worker.tick()).toBe(0);

    clock.nowMs = afterFirst.nextAttemptAt.getTime();
    await worker.tick();
    const afterSecond = deliveryRows()[0]!;
    expect(afterSecond).toMatchObject({ state: "failed", attempts: 2 });
    const secondPauseMs = afterSecond.nextAttemptAt.getTime() - clock.nowMs;
    expect(secondPauseMs).toBeGreaterThan(firstPauseMs);

    clock.nowMs = afterSecond.nextAttemptAt.getTime();
    await worker.tick();
    expect(deliveryRows()).toEqual([expect.objectContaining({ state: "delivered", attempts: 3, lastStatus: 200, lastError: null, deliveredAt: new Date(clock.nowMs) })]);
    expect(await worker.tick()).toBe(0);

    expect(receiver.received).toHaveLength(3);
    const [first, , last] = receiver.received;
    for (const request of receiver.received) {
      expect(verifySignature(request, hook.secret, clock.nowMs)).toBe(true);
      expect(request.headers["x-shopiq-event"]).toBe("incident.created");
      expect(request.headers["x-shopiq-delivery"]).toBe(first!.headers["x-shopiq-delivery"]);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    // The same body every time: the id a receiver deduplicates on does not change with a retry.
    expect(last!.body).toBe(first!.body);
    expect(JSON.parse(last!.body)).toMatchObject({
      type: "incident.created",
      page: { id: "shopiq-integration-status", url: "http://status.test" },
      id: expect.stringMatching(/^evt_\d+$/),
      incident: {
        id: `inc_${incidentId}`,
        name: "Razorpay card payments failing",
        status: "identified",
        impact: "major",
        shortlink: `http://status.test/incidents/${incidentId}`,
        components: [{ id: "razorpay", name: "Razorpay", status: "partial_outage" }],
        incident_updates: [{ id: expect.stringMatching(/^upd_\d+$/), status: "identified", body: "We know what is wrong.", created_at: expect.stringMatching(/\+05:30$/) }],
      },
    });
    // A receiver that checks the signature refuses a body someone changed, and an old timestamp.
    expect(verifySignature({ ...last!, body: last!.body.replace("failing", "fine") }, hook.secret, clock.nowMs)).toBe(false);
    expect(verifySignature(last!, hook.secret, clock.nowMs + HOUR_MS)).toBe(false);

    const log = getConsoleSubscriber(t.db, subscriberRow(receiver.url).id)!.log;
    expect(log).toEqual([expect.objectContaining({ kind: "incident.created", title: "Razorpay card payments failing", state: "delivered", attempts: 3, lastStatus: 200 })]);
  });

  it("reaches each subscriber once per event even when the worker stops mid-delivery and a new one starts on the same file", async () => {
    webhookSubscriber(t.db, `${receiver.url}?a`);
    webhookSubscriber(t.db, `${receiver.url}?b`);
    for (const title of ["First outage", "Second outage", "Third outage"]) incidentAt(title);
    expect(deliveryRows()).toHaveLength(6);

    let release = () => {};
    receiver.hold = new Promise((resolve) => (release = resolve));
    const firstWorker = testWorker(t.db, clock, undefined, { pollIntervalMs: 5 });
    firstWorker.start();
    while (receiver.received.length < 2) await receiver.arrival();
    // SIGTERM while two requests are in flight: stopping waits for them to be answered and recorded.
    const stopped = firstWorker.stop();
    release();
    await stopped;
    receiver.hold = null;
    expect(receiver.received).toHaveLength(2);
    expect(deliveryRows().filter((d) => d.state === "delivered")).toHaveLength(2);

    // A worker that died after claiming, before sending: its claims lapse and are taken over.
    const crashed = claimDueDeliveries(t.db, clock.nowMs, 4);
    expect(crashed).toHaveLength(2);

    const restarted = openDatabase(t.path);
    try {
      const secondWorker = testWorker(restarted, clock);
      await drain(secondWorker);
      // Only the two nobody had claimed: the crashed worker's claims still stand until they lapse.
      expect(receiver.received).toHaveLength(4);
      const crashedIds = crashed.map((c) => c.id);
      expect(deliveryRows().filter((d) => crashedIds.includes(d.id)).map((d) => d.state)).toEqual(["sending", "sending"]);
      clock.advance(DELIVERY_LEASE_MS);
      await drain(secondWorker);
    } finally {
      closeDatabase(restarted);
    }

    const seen = receiver.received.map((r) => `${JSON.parse(r.body).id}:${r.headers["x-shopiq-delivery"]}`);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(deliveryRows().every((d) => d.state === "delivered")).toBe(true);
    const eventIds = t.db.select({ id: notificationEvent.id }).from(notificationEvent).all().map((e) => `evt_${e.id}`);
    for (const id of eventIds) expect(receiver.received.filter((r) => JSON.parse(r.body).id === id)).toHaveLength(2);
  });

  it("refuses loopback and private addresses unless the server is the demo", async () => {
    webhookSubscriber(t.db, receiver.url);
    incidentAt("Payments failing");
    await testWorker(t.db, clock, undefined, { allowPrivateWebhookTargets: false }).tick();
    expect(receiver.received).toHaveLength(0);
    expect(deliveryRows()[0]).toMatchObject({ state: "failed", lastError: expect.stringContaining("loopback, private or link-local") });
  });
});

describe("a subscriber whose endpoint keeps failing", () => {
  it("is disabled after deliveries in a row fail every retry, hears nothing more, and delivers again once ops re-enable it", async () => {
    receiver.statuses = Array.from({ length: 100 }, () => 500);
    webhookSubscriber(t.db, receiver.url);
    for (let i = 1; i <= DEAD_DELIVERIES_BEFORE_DISABLE + 1; i += 1) incidentAt(`Outage ${i}`);
    const worker = testWorker(t.db, clock);
    await drain(worker);

    const row = subscriberRow(receiver.url);
    expect(row.disabledAt).not.toBeNull();
    expect(row.disabledReason).toBe(`${DEAD_DELIVERIES_BEFORE_DISABLE} deliveries in a row failed after every retry.`);
    const states = deliveryRows().map((d) => d.state);
    expect(states.filter((s) => s === "dead")).toHaveLength(DEAD_DELIVERIES_BEFORE_DISABLE);
    expect(states.filter((s) => s === "cancelled")).toHaveLength(1);
    const sent = receiver.received.length;
    expect(sent).toBeGreaterThanOrEqual(DEAD_DELIVERIES_BEFORE_DISABLE * DELIVERY_MAX_ATTEMPTS);

    incidentAt("While disabled");
    await drain(worker);
    expect(receiver.received).toHaveLength(sent);

    receiver.statuses = [];
    enableSubscriber(t.db, COMMAND_LINE_ACTOR, row.id, new Date(clock.nowMs));
    incidentAt("After re-enabling");
    await drain(worker);
    expect(receiver.received).toHaveLength(sent + 1);
    expect(JSON.parse(receiver.received.at(-1)!.body).incident.name).toBe("After re-enabling");
    expect(subscriberRow(receiver.url)).toMatchObject({ disabledAt: null, deadInARow: 0, failingSince: null });
  });

  it("is disabled when every delivery has failed for a day, however few there were", async () => {
    receiver.statuses = Array.from({ length: 100 }, () => 500);
    webhookSubscriber(t.db, receiver.url);
    incidentAt("Monday's outage");
    const worker = testWorker(t.db, clock);
    await drain(worker);
    expect(subscriberRow(receiver.url)).toMatchObject({ disabledAt: null, deadInARow: 1 });

    clock.advance(24 * HOUR_MS);
    incidentAt("Tuesday's outage");
    await worker.tick();
    const row = subscriberRow(receiver.url);
    expect(row.disabledReason).toMatch(/^Every delivery has failed since /);
    expect(deliveryRows().at(-1)).toMatchObject({ state: "cancelled", attempts: 1 });
    expect(RETRY_MAX_DELAY_MS).toBeLessThan(24 * HOUR_MS);
  });
});
