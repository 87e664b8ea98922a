import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addOpsIncident, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { COMMAND_LINE_ACTOR, type Actor } from "../audit";
import { getHistoryPage } from "../queries/history";
import { listIncidentSummaries } from "../queries/incidents";
import { getStatusPage } from "../queries/status-page";
import { recordCheckResult } from "../rollups/record-result";
import { auditLog, incident, incidentProvider, incidentUpdate, providerDetection } from "../schema";
import { mirrorUpstream } from "../upstream/mirror";
import { createUser } from "../users/accounts";
import { DEFAULT_DETECTION, evaluateProviderDetection } from "./detection";
import {
  confirmDetection,
  countPendingReviews,
  dismissDetection,
  listOpenMirroredIncidents,
  listPendingDetections,
  listRecentReviews,
  mergeDetection,
  ReviewError,
} from "./review";
import { createIncident, postIncidentUpdate } from "./write";

let t: TestDatabase;
let actor: Actor;
beforeEach(() => {
  t = guidanceDatabase();
  const user = createUser(t.db, COMMAND_LINE_ACTOR, { email: "asha@shopiq.example", name: "Asha", role: "ops", passwordHash: null });
  actor = { userId: user.id, label: user.email };
});
afterEach(() => t.close());

const MINUTE = 60_000;
// Close to now, so that the status page's 90 days and the history's months include it.
const start = Date.now() - 2 * 60 * MINUTE;

/** A provider whose connections fail half at once: detection opens an incident for it. */
function detectedOutage(slug = "razorpay") {
  const { provider, check } = addProvider(t.db, slug);
  const connections = addConnections(t.db, provider.id, 10, slug);
  connections.forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(start), outcome: "ok", latencyMs: 100 }));
  const failAt = (at: number) =>
    connections
      .slice(0, 5)
      .forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(at), outcome: "down", cause: "provider-downtime", httpStatus: 503 }));
  const recoverAt = (at: number) =>
    connections.forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(at), outcome: "ok", latencyMs: 100 }));
  failAt(start + MINUTE);
  const outcome = evaluateProviderDetection(t.db, provider.id, start + MINUTE + 1);
  expect(outcome.action).toBe("opened");
  return { provider, check, incidentId: outcome.incidentId!, failAt, recoverAt };
}

const opsIncident = (providerId: number, title = "Payments failing at several gateways") => addOpsIncident(t.db, providerId, title, new Date(start));

const row = (id: number) => t.db.select().from(incident).where(eq(incident.id, id)).get()!;
const updatesOf = (id: number) => t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, id)).orderBy(incidentUpdate.id).all();
const auditOf = (id: number) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "incident"), eq(auditLog.entityId, id))).orderBy(auditLog.id).all();

describe("confirming a detected incident", () => {
  it("publishes ops' title and first update under their name, and audits it", () => {
    const { incidentId } = detectedOutage();
    expect(countPendingReviews(t.db)).toBe(1);
    const at = new Date(start + 5 * MINUTE);
    confirmDetection(t.db, actor, { incidentId, title: "Razorpay card payments failing", status: "identified", body: "Razorpay confirms a card network problem." }, at);

    expect(row(incidentId)).toMatchObject({ title: "Razorpay card payments failing", reviewState: "confirmed", status: "identified" });
    expect(updatesOf(incidentId).at(-1)).toMatchObject({ body: "Razorpay confirms a card network problem.", authorUserId: actor.userId, status: "identified" });
    expect(countPendingReviews(t.db)).toBe(0);
    const [entry] = auditOf(incidentId);
    expect(entry).toMatchObject({ action: "incident.confirm", actorUserId: actor.userId, actorLabel: "asha@shopiq.example", createdAt: at });
    expect(entry!.before).toMatchObject({ title: "Razorpay: failures detected", reviewState: "pending" });
    expect(entry!.after).toMatchObject({ title: "Razorpay card payments failing", reviewState: "confirmed", update: { body: "Razorpay confirms a card network problem." } });
    const [summary] = listIncidentSummaries(t.db, eq(incident.id, incidentId));
    expect(summary).toMatchObject({ unconfirmedDetection: false, title: "Razorpay card payments failing" });
  });

  it("marks a detected incident as unconfirmed on public summaries until ops review it", () => {
    const { incidentId } = detectedOutage();
    expect(listIncidentSummaries(t.db, eq(incident.id, incidentId))[0]).toMatchObject({ unconfirmedDetection: true });
  });

  it("refuses a second review and changes nothing", () => {
    const { incidentId } = detectedOutage();
    confirmDetection(t.db, actor, { incidentId, title: "Razorpay down", status: "investigating", body: "Looking." }, new Date(start + 5 * MINUTE));
    const before = { incident: row(incidentId), updates: updatesOf(incidentId).length, audit: auditOf(incidentId).length };
    expect(() => dismissDetection(t.db, actor, { incidentId, reason: "Too late" }, new Date(start + 6 * MINUTE))).toThrow(
      new ReviewError(`Incident ${incidentId} has already been confirmed; nothing was changed.`),
    );
    expect({ incident: row(incidentId), updates: updatesOf(incidentId).length, audit: auditOf(incidentId).length }).toEqual(before);
  });

  it("only reviews detected incidents", () => {
    const { provider } = addProvider(t.db, "cashfree");
    const id = opsIncident(provider.id);
    expect(() => confirmDetection(t.db, actor, { incidentId: id, title: "x", status: "identified", body: "y" }, new Date())).toThrow(/no detected incident/);
    expect(row(id).reviewState).toBeNull();
  });
});

describe("merging a detected incident", () => {
  it("adds the provider to the target with an update from ops, and closes and hides the detected one", () => {
    const { incidentId, provider } = detectedOutage();
    const other = addProvider(t.db, "cashfree");
    const targetId = opsIncident(other.provider.id);
    const at = new Date(start + 5 * MINUTE);
    mergeDetection(t.db, actor, { incidentId, targetId, body: "Razorpay is affected too." }, at);

    expect(row(incidentId)).toMatchObject({ reviewState: "merged", mergedIntoId: targetId, status: "resolved", resolvedAt: at });
    expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, targetId)).all()).toEqual(
      expect.arrayContaining([{ incidentId: targetId, providerId: provider.id, impact: "partial_outage" }]),
    );
    expect(updatesOf(targetId).at(-1)).toMatchObject({ body: "Razorpay is affected too.", status: "identified", authorUserId: actor.userId });
    expect(row(targetId).status).toBe("identified");
    expect(auditOf(incidentId).map((a) => a.action)).toEqual(["incident.merge"]);
    const [targetAudit] = auditOf(targetId);
    expect(targetAudit).toMatchObject({ action: "incident.merge_target", after: { mergedFromId: incidentId } });
    expect((targetAudit!.before as { providers: unknown[] }).providers).toHaveLength(1);
    expect((targetAudit!.after as { providers: unknown[] }).providers).toHaveLength(2);

    expect(listIncidentSummaries(t.db, undefined).map((i) => i.id)).toEqual([targetId]);
    const page = getStatusPage(t.db, at.getTime());
    expect(page.openIncidents.map((i) => i.id)).toEqual([targetId]);
    expect(Object.keys(page.barIncidents)).toEqual([String(targetId)]);
  });

  it("keeps the target's impact on a provider it already lists", () => {
    const { incidentId, provider } = detectedOutage();
    const targetId = createIncident(t.db, {
      title: "Razorpay major outage",
      providers: [{ providerId: provider.id, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(start),
      firstUpdate: { status: "investigating", body: "Looking." },
    });
    mergeDetection(t.db, actor, { incidentId, targetId, body: "Same outage." }, new Date(start + 5 * MINUTE));
    expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, targetId)).all()).toEqual([
      { incidentId: targetId, providerId: provider.id, impact: "major_outage" },
    ]);
  });

  it("refuses a closed target, the incident itself, or a missing one, and writes nothing", () => {
    const { incidentId } = detectedOutage();
    const other = addProvider(t.db, "cashfree");
    const closedId = opsIncident(other.provider.id);
    postIncidentUpdate(t.db, { incidentId: closedId, status: "resolved", body: "Fixed.", at: new Date(start + 2 * MINUTE) });
    const attempt = (targetId: number) => () => mergeDetection(t.db, actor, { incidentId, targetId, body: "x" }, new Date(start + 5 * MINUTE));
    expect(attempt(closedId)).toThrow(expect.objectContaining({ field: "targetId", status: 409 }));
    expect(attempt(incidentId)).toThrow(expect.objectContaining({ field: "targetId", status: 400 }));
    expect(attempt(9999)).toThrow(expect.objectContaining({ field: "targetId" }));
    expect(row(incidentId).reviewState).toBe("pending");
    expect(t.db.select().from(auditLog).where(eq(auditLog.entityType, "incident")).all()).toHaveLength(0);
  });
});

describe("dismissing a detected incident", () => {
  it("closes it, keeps the reason for ops, and takes it off every public list", () => {
    const { incidentId } = detectedOutage();
    const at = new Date(start + 5 * MINUTE);
    dismissDetection(t.db, actor, { incidentId, reason: "Our probe's egress IP was blocked" }, at);

    expect(row(incidentId)).toMatchObject({ reviewState: "dismissed", dismissedReason: "Our probe's egress IP was blocked", status: "resolved" });
    expect(updatesOf(incidentId).map((u) => u.body).join(" ")).not.toContain("egress");
    expect(auditOf(incidentId)[0]).toMatchObject({ action: "incident.dismiss", after: { reviewState: "dismissed", dismissedReason: "Our probe's egress IP was blocked" } });
    expect(listIncidentSummaries(t.db, undefined)).toEqual([]);
    const history = getHistoryPage(t.db, {}, 1, at.getTime());
    expect(history.months.flatMap((m) => m.incidents)).toEqual([]);
    expect(history.hasOlder).toBe(false);
    expect(getStatusPage(t.db, at.getTime()).barIncidents).toEqual({});
  });

  it("does not post a second closing update on an incident detection already resolved", () => {
    const { incidentId, provider, recoverAt } = detectedOutage();
    recoverAt(start + 2 * MINUTE);
    evaluateProviderDetection(t.db, provider.id, start + 2 * MINUTE + 1);
    evaluateProviderDetection(t.db, provider.id, start + 2 * MINUTE + 1 + DEFAULT_DETECTION.recoveryHoldMs);
    expect(row(incidentId).status).toBe("resolved");
    const updates = updatesOf(incidentId).length;
    expect(listPendingDetections(t.db).map((p) => p.id)).toEqual([incidentId]);
    dismissDetection(t.db, actor, { incidentId, reason: "Probe network blip" }, new Date(start + 30 * MINUTE));
    expect(updatesOf(incidentId)).toHaveLength(updates);
  });
});

describe("detection after a review", () => {
  it("opens no duplicate while a dismissed episode lasts, and detects again after recovery", () => {
    const { incidentId, provider, failAt, recoverAt } = detectedOutage();
    dismissDetection(t.db, actor, { incidentId, reason: "Probe misconfigured" }, new Date(start + 2 * MINUTE));

    failAt(start + 3 * MINUTE);
    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE + 1)).toMatchObject({ action: "none", incidentId: null });
    expect(t.db.select().from(providerDetection).get()!.incidentId).toBe(incidentId);

    recoverAt(start + 4 * MINUTE);
    evaluateProviderDetection(t.db, provider.id, start + 4 * MINUTE + 1);
    // A blip below the threshold does not end the episode: the hold has not passed.
    failAt(start + 5 * MINUTE);
    expect(evaluateProviderDetection(t.db, provider.id, start + 5 * MINUTE + 1).action).toBe("none");
    recoverAt(start + 6 * MINUTE);
    evaluateProviderDetection(t.db, provider.id, start + 6 * MINUTE + 1);
    evaluateProviderDetection(t.db, provider.id, start + 6 * MINUTE + 1 + DEFAULT_DETECTION.recoveryHoldMs);
    expect(t.db.select().from(providerDetection).get()).toMatchObject({ incidentId: null, recoveringSinceAt: null });
    expect(t.db.select().from(incident).all()).toHaveLength(1);

    const again = start + 30 * MINUTE;
    failAt(again);
    expect(evaluateProviderDetection(t.db, provider.id, again + 1).action).toBe("opened");
    expect(t.db.select().from(incident).all()).toHaveLength(2);
  });

  it("leaves a merged episode to ops even after they resolve the incident it joined", () => {
    const { incidentId, provider, failAt } = detectedOutage();
    const targetId = opsIncident(provider.id);
    mergeDetection(t.db, actor, { incidentId, targetId, body: "Same outage." }, new Date(start + 2 * MINUTE));
    postIncidentUpdate(t.db, { incidentId: targetId, status: "resolved", body: "Fixed.", at: new Date(start + 3 * MINUTE), authorUserId: actor.userId });
    failAt(start + 4 * MINUTE);
    expect(evaluateProviderDetection(t.db, provider.id, start + 4 * MINUTE + 1).action).toBe("none");
    expect(t.db.select().from(incident).all()).toHaveLength(2);
    expect(updatesOf(targetId).at(-1)!.body).toBe("Fixed.");
  });

  it("keeps updating a confirmed incident, which ops now speak for", () => {
    const { incidentId, provider, recoverAt } = detectedOutage();
    confirmDetection(t.db, actor, { incidentId, title: "Razorpay down", status: "identified", body: "Card payments fail." }, new Date(start + 2 * MINUTE));
    recoverAt(start + 3 * MINUTE);
    expect(evaluateProviderDetection(t.db, provider.id, start + 3 * MINUTE + 1).action).toBe("recovering");
    expect(row(incidentId)).toMatchObject({ status: "monitoring", reviewState: "confirmed" });
  });
});

describe("inbox lists", () => {
  it("lists pending detections with what detection posted, and the latest reviews with who made them", () => {
    const first = detectedOutage("razorpay");
    const second = detectedOutage("payu");
    const [pending] = listPendingDetections(t.db).filter((p) => p.id === first.incidentId);
    expect(pending).toMatchObject({ title: "Razorpay: failures detected", providers: [{ name: "Razorpay", impact: "partial_outage" }] });
    expect(pending!.updates[0]!.body).toMatch(/50% of merchants' Razorpay connections/);

    dismissDetection(t.db, actor, { incidentId: first.incidentId, reason: "Probe bug" }, new Date(start + 3 * MINUTE));
    mergeDetection(t.db, actor, { incidentId: second.incidentId, targetId: opsIncident(second.provider.id), body: "Same." }, new Date(start + 4 * MINUTE));
    expect(listPendingDetections(t.db)).toEqual([]);
    expect(listRecentReviews(t.db, 10)).toMatchObject([
      { incidentId: second.incidentId, reviewState: "merged", by: "asha@shopiq.example", mergedInto: { title: "Payments failing at several gateways" } },
      { incidentId: first.incidentId, reviewState: "dismissed", dismissedReason: "Probe bug", mergedInto: null },
    ]);
  });

  it("lists open mirrored incidents with the feed they come from", () => {
    const { provider } = addProvider(t.db, "razorpay");
    mirrorUpstream(t.db, {
      providerId: provider.id,
      checkSlug: "razorpay-api",
      nowMs: start,
      report: {
        providerStatus: "partial_outage",
        incidents: [{ externalId: "inc-1", title: "UPI degraded", status: "investigating", impact: "major", body: "UPI is slow.", startedAtMs: start, updatedAtMs: start }],
        maintenances: [],
      },
    });
    expect(listOpenMirroredIncidents(t.db)).toMatchObject([
      { title: "UPI degraded", source: "upstream", feed: { slug: "razorpay-api", name: "API availability" }, providers: [{ slug: "razorpay" }] },
    ]);
  });
});
