import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { recordCheckResult } from "../rollups/record-result";
import { check, incident, incidentAction, incidentProvider, incidentUpdate } from "../schema";
import type { CauseSlug } from "../schema/enums";
import { DEFAULT_DETECTION, evaluateProviderDetection } from "./detection";
import { createIncident } from "./write";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const start = Date.UTC(2026, 10, 28, 6, 0);
const MINUTE = 60_000;

function world(connections = 10) {
  const { provider, check } = addProvider(t.db, "razorpay");
  return { provider, providerCheck: check, connections: addConnections(t.db, provider.id, connections) };
}

function fail(checkId: number, at: number, cause: CauseSlug) {
  recordCheckResult(t.db, { checkId, checkedAt: new Date(at), outcome: "down", cause, httpStatus: 503 });
}
function succeed(checkId: number, at: number) {
  recordCheckResult(t.db, { checkId, checkedAt: new Date(at), outcome: "ok", latencyMs: 120 });
}

describe("provider-wide failure detection", () => {
  it("opens no public incident for one merchant's expired key, however often it fails", () => {
    const { provider, connections } = world();
    connections.forEach((c) => succeed(c.check.id, start));
    for (let i = 1; i <= 20; i++) fail(connections[0]!.check.id, start + i * 1000, "expired-authentication");
    const outcome = evaluateProviderDetection(t.db, provider.id, start + 30_000);
    expect(outcome).toMatchObject({ action: "none", failingShare: 0 });
    expect(t.db.select().from(incident).all()).toHaveLength(0);
  });

  it("opens one detected incident when 40% of connections fail on the provider's side, with the category's actions", () => {
    const { provider, connections } = world(15);
    connections.forEach((c) => succeed(c.check.id, start));
    connections.slice(0, 6).forEach((c, i) => fail(c.check.id, start + MINUTE + i, "provider-downtime"));
    const outcome = evaluateProviderDetection(t.db, provider.id, start + 2 * MINUTE);
    expect(outcome).toMatchObject({ action: "opened", failingShare: 0.4, failingMerchants: 6, monitored: 15 });
    const [opened] = t.db.select().from(incident).all();
    expect(opened).toMatchObject({ source: "probe", status: "investigating" });
    expect(t.db.select().from(incidentProvider).get()).toMatchObject({ providerId: provider.id, impact: "partial_outage" });
    expect(t.db.select().from(incidentAction).where(eq(incidentAction.incidentId, opened!.id)).all().length).toBeGreaterThan(3);
    expect(t.db.select().from(incidentUpdate).get()!.body).toMatch(/40% of merchants' Razorpay connections \(6 of 15, 6 merchants\)/);

    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE).action).toBe("none");
    expect(t.db.select().from(incident).all()).toHaveLength(1);
  });

  it("does not count merchant-side causes, even from most merchants", () => {
    const { provider, connections } = world();
    connections.forEach((c) => succeed(c.check.id, start));
    connections.slice(0, 6).forEach((c) => fail(c.check.id, start + MINUTE, "invalid-api-key"));
    expect(evaluateProviderDetection(t.db, provider.id, start + 2 * MINUTE).action).toBe("none");
    expect(t.db.select().from(incident).all()).toHaveLength(0);
  });

  it("needs at least five merchants even when the share is high", () => {
    const { provider, connections } = world(4);
    connections.forEach((c) => fail(c.check.id, start, "provider-downtime"));
    const outcome = evaluateProviderDetection(t.db, provider.id, start + MINUTE);
    expect(outcome).toMatchObject({ action: "none", failingShare: 1, failingMerchants: 4 });
  });

  it("updates the impact as the share grows, then closes after recovery holds", () => {
    const { provider, connections } = world();
    connections.forEach((c) => succeed(c.check.id, start));
    connections.slice(0, 5).forEach((c) => fail(c.check.id, start + MINUTE, "provider-downtime"));
    expect(evaluateProviderDetection(t.db, provider.id, start + MINUTE + 1).action).toBe("opened");
    connections.slice(0, 8).forEach((c) => fail(c.check.id, start + 2 * MINUTE, "network-or-technical-issue"));
    expect(evaluateProviderDetection(t.db, provider.id, start + 2 * MINUTE + 1).action).toBe("updated");
    expect(t.db.select().from(incidentProvider).get()!.impact).toBe("major_outage");

    connections.forEach((c) => succeed(c.check.id, start + 3 * MINUTE));
    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE + 1).action).toBe("recovering");
    expect(t.db.select().from(incident).get()!.status).toBe("monitoring");
    expect(evaluateProviderDetection(t.db, provider.id, start + 5 * MINUTE).action).toBe("none");
    const resolved = evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE + 1 + DEFAULT_DETECTION.recoveryHoldMs);
    expect(resolved.action).toBe("resolved");
    const closed = t.db.select().from(incident).get()!;
    expect(closed.status).toBe("resolved");
    expect(closed.resolvedAt?.getTime()).toBe(start + 3 * MINUTE + 1 + DEFAULT_DETECTION.recoveryHoldMs);
    expect(t.db.select({ status: incidentUpdate.status }).from(incidentUpdate).all().map((u) => u.status)).toEqual([
      "investigating",
      "investigating",
      "monitoring",
      "resolved",
    ]);
  });

  it("opens an incident when the provider's own checks are down, even with no connections", () => {
    const { provider, providerCheck } = world(0);
    for (let i = 0; i < 3; i++) fail(providerCheck.id, start + i * MINUTE, "provider-downtime");
    const outcome = evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE);
    expect(outcome.action).toBe("opened");
    expect(t.db.select().from(incidentProvider).get()!.impact).toBe("major_outage");
    expect(t.db.select().from(incidentUpdate).get()!.body).toMatch(/our own checks of Razorpay are failing/);
  });

  it("only counts results inside the window", () => {
    const { provider, connections } = world();
    connections.slice(0, 5).forEach((c) => fail(c.check.id, start, "provider-downtime"));
    connections.slice(5).forEach((c) => succeed(c.check.id, start));
    expect(evaluateProviderDetection(t.db, provider.id, start + DEFAULT_DETECTION.windowMs + 1).action).toBe("none");
  });

  it("leaves it to an incident ops already have open on the provider", () => {
    const { provider, providerCheck } = world(0);
    createIncident(t.db, {
      title: "Razorpay payments failing",
      providers: [{ providerId: provider.id, impact: "partial_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(start),
      firstUpdate: { status: "identified", body: "We know." },
    });
    for (let i = 0; i < 3; i++) fail(providerCheck.id, start + i * MINUTE, "provider-downtime");
    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE).action).toBe("none");
    expect(t.db.select().from(incident).all()).toHaveLength(1);
  });

  it("does not take a check failing for its own configuration, or the provider's feed, as the provider failing", () => {
    const { provider, providerCheck } = world(0);
    for (let i = 0; i < 3; i++) fail(providerCheck.id, start + i * MINUTE, "incorrect-configuration");
    const feed = t.db.insert(check).values({ slug: "razorpay-feed", name: "Status page", kind: "statuspage", providerId: provider.id }).returning().get();
    for (let i = 0; i < 3; i++) fail(feed.id, start + i * MINUTE, "provider-downtime");
    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE).action).toBe("none");
  });
});
