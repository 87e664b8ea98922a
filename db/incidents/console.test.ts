import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { addUser } from "../../tests/support/ops";
import type { Actor } from "../audit";
import { getIncidentPage } from "../queries/incident-page";
import { listIncidentSummaries, isOpen } from "../queries/incidents";
import { auditLog, category, cause, check, connection, incident, incidentAction, incidentProvider, incidentUpdate, provider, recommendedAction, workflow } from "../schema";
import { addCustomStep, linkAction, moveAction, unlinkAction } from "./console/actions";
import { affectedMerchants } from "./console/affected-merchants";
import { createIncidentByOps, type NewOpsIncident } from "./console/create";
import { getConsoleIncident } from "./console/detail";
import { IncidentConsoleError } from "./console/guards";
import { addNote } from "./console/notes";
import { editUpdate, postUpdateByOps, setPostmortem } from "./console/updates";

let t: TestDatabase;
let actor: Actor;
const NOW = Date.UTC(2026, 10, 28, 6, 0);
const MINUTE = 60_000;

beforeEach(async () => {
  t = guidanceDatabase();
  const user = await addUser(t.db, "asha@shopiq.example");
  actor = { userId: user.id, label: user.email };
});
afterEach(() => t.close());

const idOf = {
  cause: (slug: "provider-downtime" | "expired-authentication") => t.db.select().from(cause).where(eq(cause.slug, slug)).get()!.id,
  workflow: (slug: string) => t.db.select().from(workflow).where(eq(workflow.slug, slug)).get()!.id,
};

const providerId = (slug: string) => t.db.select().from(provider).where(eq(provider.slug, slug)).get()?.id ?? addProvider(t.db, slug).provider.id;

function newIncident(overrides: Partial<NewOpsIncident> = {}): NewOpsIncident {
  return {
    title: "Razorpay UPI payments failing",
    providers: [{ providerId: providerId("razorpay"), impact: "partial_outage" }],
    workflowIds: [idOf.workflow("online-checkout-payments")],
    causeId: idOf.cause("provider-downtime"),
    impactOverride: null,
    startedAt: new Date(NOW - 30 * MINUTE),
    status: "investigating",
    body: "UPI payments are failing for **some** merchants.",
    ...overrides,
  };
}

const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
const consoleError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof IncidentConsoleError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error("expected an IncidentConsoleError");
};
const positions = (incidentId: number) =>
  t.db.select().from(incidentAction).where(eq(incidentAction.incidentId, incidentId)).orderBy(asc(incidentAction.position)).all();

describe("opening an incident", () => {
  it("creates it back-dated, with the first update attributed, the suggested steps linked, and an audit entry", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const row = t.db.select().from(incident).where(eq(incident.id, id)).get()!;
    expect(row).toMatchObject({ source: "ops", status: "investigating", impactOverride: null, reviewState: null });
    expect(row.startedAt.getTime()).toBe(NOW - 30 * MINUTE);
    expect(t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, id)).get()).toMatchObject({ authorUserId: actor.userId, status: "investigating" });
    expect(positions(id).length).toBeGreaterThan(3);
    expect(positions(id).map((a) => a.position)).toEqual(positions(id).map((_, i) => i));
    const [entry] = auditOf("incident.create");
    expect(entry).toMatchObject({ actorUserId: actor.userId, actorLabel: "asha@shopiq.example", entityType: "incident", entityId: id, before: null });
    expect(entry!.after).toMatchObject({ title: "Razorpay UPI payments failing", status: "investigating", startedAt: new Date(NOW - 30 * MINUTE).toISOString() });
    expect(listIncidentSummaries(t.db, isOpen)[0]).toMatchObject({ id, impact: "major" });
  });

  it("keeps ops' overall impact over the derived one", () => {
    const id = createIncidentByOps(t.db, actor, newIncident({ impactOverride: "critical" }), NOW);
    expect(listIncidentSummaries(t.db, eq(incident.id, id))[0]!.impact).toBe("critical");
  });

  it.each([
    ["no provider", { providers: [] }, "providers"],
    ["an unknown provider", { providers: [{ providerId: 9_999, impact: "major_outage" as const }] }, "providers"],
    ["an unknown workflow", { workflowIds: [9_999] }, "workflowIds"],
    ["an unknown cause", { causeId: 9_999 }, "causeId"],
    ["a start in the future", { startedAt: new Date(NOW + 10 * MINUTE) }, "startedAt"],
  ])("refuses %s and writes nothing", (_, overrides, field) => {
    const input = newIncident(overrides);
    expect(consoleError(() => createIncidentByOps(t.db, actor, input, NOW)).field).toBe(field);
    expect(t.db.select().from(incident).all()).toHaveLength(0);
    expect(auditOf("incident.create")).toHaveLength(0);
  });
});

describe("updates", () => {
  it("moves the status on, resolves, and takes the incident off the open list", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    postUpdateByOps(t.db, actor, { incidentId: id, status: "identified", body: "Found it." }, NOW + MINUTE);
    postUpdateByOps(t.db, actor, { incidentId: id, status: "resolved", body: "Fixed." }, NOW + 2 * MINUTE);
    const row = t.db.select().from(incident).where(eq(incident.id, id)).get()!;
    expect(row).toMatchObject({ status: "resolved" });
    expect(row.identifiedAt?.getTime()).toBe(NOW + MINUTE);
    expect(row.resolvedAt?.getTime()).toBe(NOW + 2 * MINUTE);
    expect(listIncidentSummaries(t.db, isOpen)).toHaveLength(0);
    expect(auditOf("incident_update.post").map((e) => [e.before, e.after])).toEqual([
      [{ incidentId: id, status: "investigating" }, { incidentId: id, status: "identified", body: "Found it." }],
      [{ incidentId: id, status: "identified" }, { incidentId: id, status: "resolved", body: "Fixed." }],
    ]);
    expect(auditOf("incident.impact")).toHaveLength(0);
  });

  it("changes the affected providers and the overall impact with an update, audited before and after", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const razorpay = newIncident().providers[0]!.providerId;
    const payu = addProvider(t.db, "payu").provider.id;
    postUpdateByOps(
      t.db,
      actor,
      { incidentId: id, status: "identified", body: "PayU too.", providers: [{ providerId: razorpay, impact: "major_outage" }, { providerId: payu, impact: "degraded_performance" }], impactOverride: "minor" },
      NOW + MINUTE,
    );
    expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, id)).orderBy(asc(incidentProvider.providerId)).all()).toEqual([
      { incidentId: id, providerId: razorpay, impact: "major_outage" },
      { incidentId: id, providerId: payu, impact: "degraded_performance" },
    ]);
    const [entry] = auditOf("incident.impact");
    expect(entry).toMatchObject({
      before: { providers: [{ providerId: razorpay, impact: "partial_outage" }], impactOverride: null },
      after: { providers: [{ providerId: razorpay, impact: "major_outage" }, { providerId: payu, impact: "degraded_performance" }], impactOverride: "minor" },
    });
    expect(listIncidentSummaries(t.db, eq(incident.id, id))[0]!.impact).toBe("minor");
  });

  it("refuses to leave an incident without providers, and rolls the update back", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    expect(consoleError(() => postUpdateByOps(t.db, actor, { incidentId: id, status: "monitoring", body: "x", providers: [] }, NOW)).field).toBe("providers");
    expect(t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, id)).all()).toHaveLength(1);
    expect(consoleError(() => postUpdateByOps(t.db, actor, { incidentId: 9_999, status: "monitoring", body: "x" }, NOW)).field).toBeNull();
  });

  it("edits an update's text, marks it edited, keeps the earlier text in the audit log, and only within its incident", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const other = createIncidentByOps(t.db, actor, newIncident({ title: "Another" }), NOW);
    const [first] = t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, id)).all();
    editUpdate(t.db, actor, { incidentId: id, updateId: first!.id, body: "UPI payments are failing for most merchants." }, NOW + MINUTE);
    editUpdate(t.db, actor, { incidentId: id, updateId: first!.id, body: "UPI payments are failing for most merchants." }, NOW + 2 * MINUTE);
    const edited = t.db.select().from(incidentUpdate).where(eq(incidentUpdate.id, first!.id)).get()!;
    expect(edited.body).toBe("UPI payments are failing for most merchants.");
    expect(edited.editedAt?.getTime()).toBe(NOW + MINUTE);
    expect(auditOf("incident_update.edit")).toEqual([
      expect.objectContaining({
        entityType: "incident_update",
        entityId: first!.id,
        before: { incidentId: id, body: "UPI payments are failing for **some** merchants." },
        after: { incidentId: id, body: "UPI payments are failing for most merchants." },
      }),
    ]);
    expect(getConsoleIncident(t.db, id)!.updates[0]!.history).toEqual([
      { body: "UPI payments are failing for **some** merchants.", replacedAtMs: NOW + MINUTE, by: "asha@shopiq.example" },
    ]);
    expect(getIncidentPage(t.db, id, NOW)!.updates[0]!.editedAtMs).toBe(NOW + MINUTE);
    expect(consoleError(() => editUpdate(t.db, actor, { incidentId: other, updateId: first!.id, body: "Hijacked." }, NOW)).field).toBeNull();
  });

  it("publishes a postmortem only after resolution, and audits each revision", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    expect(consoleError(() => setPostmortem(t.db, actor, { incidentId: id, body: "Too early." }, NOW)).field).toBe("body");
    postUpdateByOps(t.db, actor, { incidentId: id, status: "resolved", body: "Fixed." }, NOW + MINUTE);
    setPostmortem(t.db, actor, { incidentId: id, body: "A certificate expired." }, NOW + 2 * MINUTE);
    setPostmortem(t.db, actor, { incidentId: id, body: "A certificate expired; renewals are now monitored." }, NOW + 3 * MINUTE);
    expect(t.db.select().from(incident).where(eq(incident.id, id)).get()).toMatchObject({ status: "resolved", postmortem: "A certificate expired; renewals are now monitored." });
    expect(auditOf("incident.postmortem").map((e) => [e.before, e.after])).toEqual([
      [{ postmortem: null }, { postmortem: "A certificate expired." }],
      [{ postmortem: "A certificate expired." }, { postmortem: "A certificate expired; renewals are now monitored." }],
    ]);
  });
});

describe("recommended actions", () => {
  const textOf = (incidentId: number) => getIncidentPage(t.db, incidentId, NOW)!.actions.map((a) => a.text.en);

  it("links, writes, moves and removes steps, and the public page follows the order", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const initial = positions(id);
    const unlinked = t.db
      .select()
      .from(recommendedAction)
      .all()
      .find((a) => a.kind === "check" && !initial.some((l) => l.recommendedActionId === a.id))!;
    linkAction(t.db, actor, { incidentId: id, recommendedActionId: unlinked.id }, NOW);
    const custom = addCustomStep(t.db, actor, { incidentId: id, text: "Retry UPI payments after 15 minutes." }, NOW);
    expect(textOf(id).slice(-2)).toEqual([unlinked.text.en, "Retry UPI payments after 15 minutes."]);

    moveAction(t.db, actor, { incidentId: id, incidentActionId: custom, direction: "up" }, NOW);
    expect(textOf(id).slice(-2)).toEqual(["Retry UPI payments after 15 minutes.", unlinked.text.en]);
    expect(consoleError(() => moveAction(t.db, actor, { incidentId: id, incidentActionId: positions(id).at(-1)!.id, direction: "down" }, NOW)).message).toBe(
      "That step is already last.",
    );

    const first = positions(id)[0]!;
    unlinkAction(t.db, actor, { incidentId: id, incidentActionId: first.id }, NOW);
    expect(positions(id).map((a) => a.position)).toEqual(positions(id).map((_, i) => i));
    expect(auditOf("incident_action.unlink")[0]).toMatchObject({ entityId: first.id, before: { incidentId: id, position: 0 }, after: null });
    expect(auditOf("incident_action.move")[0]).toMatchObject({ entityId: custom });
    expect(auditOf("incident_action.add_custom")[0]!.after).toMatchObject({ customText: { en: "Retry UPI payments after 15 minutes." } });
    expect(auditOf("incident_action.link")[0]!.after).toMatchObject({ recommendedActionId: unlinked.id });
  });

  it("moves a step past its neighbour in the same group: advice stays first on the public page", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const kinds = () =>
      positions(id).map((l) => t.db.select().from(recommendedAction).where(eq(recommendedAction.id, l.recommendedActionId!)).get()!.kind);
    expect(kinds()[0]).toBe("advice");
    const firstCheck = positions(id)[kinds().indexOf("check")]!;
    expect(consoleError(() => moveAction(t.db, actor, { incidentId: id, incidentActionId: firstCheck.id, direction: "up" }, NOW)).message).toBe(
      "That step is already first.",
    );
  });

  it("refuses a duplicate link, an unknown action, and another incident's step", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const other = createIncidentByOps(t.db, actor, newIncident({ title: "Another" }), NOW);
    const linked = positions(id)[0]!;
    expect(consoleError(() => linkAction(t.db, actor, { incidentId: id, recommendedActionId: linked.recommendedActionId! }, NOW)).field).toBe("recommendedActionId");
    expect(consoleError(() => linkAction(t.db, actor, { incidentId: id, recommendedActionId: 9_999 }, NOW)).field).toBe("recommendedActionId");
    expect(consoleError(() => unlinkAction(t.db, actor, { incidentId: other, incidentActionId: linked.id }, NOW)).message).toBe(
      "That step is no longer linked to this incident.",
    );
    expect(positions(id)[0]).toEqual(linked);
  });

  it("offers the library with the incident's own category and cause steps first, without the linked ones", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    const removed = positions(id)[0]!;
    unlinkAction(t.db, actor, { incidentId: id, incidentActionId: removed.id }, NOW);
    const { library, actions } = getConsoleIncident(t.db, id)!;
    expect(library.suggested.map((a) => a.id)).toEqual([removed.recommendedActionId]);
    const linkedIds = new Set(positions(id).map((l) => l.recommendedActionId));
    expect(library.other.some((a) => linkedIds.has(a.id) || a.id === removed.recommendedActionId)).toBe(false);
    expect(library.suggested.length + library.other.length + actions.length).toBe(t.db.select().from(recommendedAction).all().length);
    const payments = t.db.select().from(category).where(eq(category.slug, "payments")).get()!;
    expect(library.other.some((a) => a.scope === `${payments.name.en} checklist`)).toBe(false);
  });
});

describe("notes and affected merchants", () => {
  it("keeps internal notes off the public page", () => {
    const id = createIncidentByOps(t.db, actor, newIncident(), NOW);
    addNote(t.db, actor, { incidentId: id, body: "Razorpay support ticket #4411, call Priya." }, NOW);
    expect(getConsoleIncident(t.db, id)!.notes).toEqual([expect.objectContaining({ body: "Razorpay support ticket #4411, call Priya.", author: "asha" })]);
    const publicPage = JSON.stringify(getIncidentPage(t.db, id, NOW));
    expect(publicPage).not.toContain("Priya");
    expect(publicPage).not.toContain("asha");
    expect(auditOf("incident_note.create")[0]).toMatchObject({ entityType: "incident_note", after: { incidentId: id } });
  });

  it("counts merchants connected to the affected providers once each, and says which fail now and why", () => {
    const razorpay = providerId("razorpay");
    const payu = providerId("payu");
    const shiprocket = addProvider(t.db, "shiprocket", "logistics").provider.id;
    const onRazorpay = addConnections(t.db, razorpay, 4, "rz");
    addConnections(t.db, shiprocket, 3, "sr");
    // The second Razorpay merchant also uses PayU: one merchant, two affected connections.
    const onPayu = t.db.insert(connection).values({ merchantId: onRazorpay[1]!.merchant.id, providerId: payu }).returning().get();
    const payuCheck = t.db
      .insert(check)
      .values({ slug: `connection-${onPayu.id}`, name: "Connection health", kind: "connection", providerId: payu, connectionId: onPayu.id })
      .returning()
      .get();
    const setState = (checkId: number, state: "down" | "ok" | "degraded", causeSlug?: "provider-downtime" | "expired-authentication") =>
      t.db.update(check).set({ state, lastCauseId: causeSlug ? idOf.cause(causeSlug) : null }).where(eq(check.id, checkId)).run();
    setState(onRazorpay[0]!.check.id, "down", "provider-downtime");
    setState(onRazorpay[1]!.check.id, "ok");
    setState(onRazorpay[2]!.check.id, "degraded", "expired-authentication");
    setState(payuCheck.id, "down", "expired-authentication");

    const id = createIncidentByOps(
      t.db,
      actor,
      newIncident({ providers: [{ providerId: razorpay, impact: "partial_outage" }, { providerId: payu, impact: "degraded_performance" }] }),
      NOW,
    );
    const result = affectedMerchants(t.db, id);
    expect(result).toMatchObject({ total: 4, failing: 2 });
    expect(result.merchants.map((m) => m.failing)).toEqual([true, true, false, false]);
    const twoConnections = result.merchants.find((m) => m.id === onRazorpay[1]!.merchant.id)!;
    expect(twoConnections.connections.map((c) => [c.provider, c.checkState])).toEqual([
      ["Razorpay", "ok"],
      ["Payu", "down"],
    ]);
    const rzFailing = result.merchants.find((m) => m.id === onRazorpay[0]!.merchant.id)!;
    expect(rzFailing.connections).toEqual([{ provider: "Razorpay", state: "connected", checkState: "down", cause: expect.objectContaining({ en: "Provider downtime" }) }]);
    const degraded = result.merchants.find((m) => m.id === onRazorpay[2]!.merchant.id)!;
    expect(degraded).toMatchObject({ failing: false, connections: [{ checkState: "degraded", cause: null }] });
    expect(result.merchants.some((m) => m.externalId.startsWith("sr_"))).toBe(false);
    expect(t.db.select().from(incidentProvider).where(and(eq(incidentProvider.incidentId, id), eq(incidentProvider.providerId, shiprocket))).all()).toHaveLength(0);
  });
});
