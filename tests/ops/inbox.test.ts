import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as statusLoader } from "~/routes/_index";
import { loader as historyLoader } from "~/routes/history";
import { evaluateProviderDetection } from "../../db/incidents/detection";
import { postIncidentUpdate } from "../../db/incidents/write";
import { recordCheckResult } from "../../db/rollups/record-result";
import { auditLog, incident, incidentProvider, incidentUpdate } from "../../db/schema";
import { mirrorUpstream } from "../../db/upstream/mirror";
import { addConnections, addOpsIncident, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { callLoader } from "../support/loaders";
import { Client, signedInConsole } from "../support/ops";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let client: Client;
beforeAll(async () => {
  t = guidanceDatabase();
  ({ server, client } = await signedInConsole(t.db, "asha@shopiq.example"));
});
afterAll(async () => {
  await server.close();
  t.close();
});

const MINUTE = 60_000;
/** Tests share one database; each makes its own providers, kept apart by this counter. */
let providerCount = 0;

/** A provider failing for half its merchants a few minutes ago, and the incident detection opened for it. */
function detectedOutage() {
  providerCount += 1;
  const slug = `gateway-${providerCount}`;
  const { provider } = addProvider(t.db, slug);
  const startMs = Date.now() - 10 * MINUTE;
  const connections = addConnections(t.db, provider.id, 10, slug);
  connections.forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(startMs), outcome: "ok", latencyMs: 90 }));
  connections
    .slice(0, 5)
    .forEach((c) => recordCheckResult(t.db, { checkId: c.check.id, checkedAt: new Date(startMs + MINUTE), outcome: "down", cause: "provider-downtime", httpStatus: 503 }));
  const outcome = evaluateProviderDetection(t.db, provider.id, startMs + 2 * MINUTE);
  expect(outcome.action).toBe("opened");
  return { provider, incidentId: outcome.incidentId! };
}

const opsIncident = (providerId: number, title: string) => addOpsIncident(t.db, providerId, title, new Date(Date.now() - 30 * MINUTE));

const row = (id: number) => t.db.select().from(incident).where(eq(incident.id, id)).get()!;
const auditCount = () => t.db.select().from(auditLog).where(eq(auditLog.entityType, "incident")).all().length;

async function publicIncidentIds() {
  const status = await callLoader(statusLoader, t.db, "/");
  const history = await callLoader(historyLoader, t.db, "/history");
  return {
    open: status.openIncidents.map((i) => i.id),
    bars: Object.keys(status.barIncidents).map(Number),
    history: history.history.months.flatMap((m) => m.incidents.map((i) => i.id)),
  };
}

/** Every public page a merchant could reach for this incident and provider, as HTML. */
async function publicPages(incidentId: number, providerSlug: string) {
  const anonymous = new Client(server.baseUrl);
  const pages = await Promise.all(["/", "/history", `/providers/${providerSlug}`, `/incidents/${incidentId}`, "/help"].map((p) => anonymous.get(p)));
  return { statuses: pages.map((p) => p.status), html: (await Promise.all(pages.map(pageText))).join("\n") };
}

describe("signed out", () => {
  it("sends a visitor to sign in and back to the inbox, for the page and for a review", async () => {
    const { incidentId } = detectedOutage();
    const anonymous = new Client(server.baseUrl);
    const page = await anonymous.get("/ops/inbox");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Finbox");
    const post = await anonymous.post("/ops/inbox", { intent: "dismiss", incidentId: String(incidentId), reason: "No" });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Finbox");
    expect(row(incidentId).reviewState).toBe("pending");
  });
});

describe("the inbox", () => {
  it("shows each detected incident with what detection saw, and mirrored incidents with their source", async () => {
    const { incidentId, provider } = detectedOutage();
    mirrorUpstream(t.db, {
      providerId: provider.id,
      checkSlug: provider.slug + "-api",
      nowMs: Date.now(),
      report: {
        providerStatus: "partial_outage",
        incidents: [{ externalId: "up-1", title: "Card payments degraded upstream", status: "investigating", impact: "major", body: "Cards are slow.", startedAtMs: Date.now() - MINUTE, updatedAtMs: Date.now() }],
        maintenances: [],
      },
    });
    const html = await pageText(await client.get("/ops/inbox"));
    expect(html).toContain(`#${incidentId} ${provider.name}: failures detected`);
    expect(html).toContain(`50% of merchants&#x27; ${provider.name} connections`);
    expect(html).toContain("Card payments degraded upstream");
    expect(html).toMatch(new RegExp(`Source: .*${provider.name}&#x27;s .*API availability`));
  });
});

describe("confirming", () => {
  it("publishes ops' title and update under their name", async () => {
    const { incidentId } = detectedOutage();
    const response = await client.post("/ops/inbox", {
      intent: "confirm",
      incidentId: String(incidentId),
      title: "Card payments failing at this gateway",
      status: "identified",
      body: "The gateway confirms a card network problem.",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/ops/inbox?done=confirm&incident=${incidentId}`);
    expect(row(incidentId)).toMatchObject({ title: "Card payments failing at this gateway", reviewState: "confirmed", status: "identified" });
    const latest = t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, incidentId)).orderBy(incidentUpdate.id).all().at(-1)!;
    expect(latest).toMatchObject({ body: "The gateway confirms a card network problem.", authorUserId: expect.any(Number) });
    expect(t.db.select().from(auditLog).where(and(eq(auditLog.entityId, incidentId), eq(auditLog.action, "incident.confirm"))).get()).toMatchObject({
      actorLabel: "asha@shopiq.example",
    });

    const after = await client.get(response.headers.get("location")!);
    expect(await pageText(after)).toContain(`Incident ${incidentId} is confirmed and your update is published.`);
    const status = await callLoader(statusLoader, t.db, "/");
    expect(status.openIncidents.find((i) => i.id === incidentId)).toMatchObject({ title: "Card payments failing at this gateway", unconfirmedDetection: false });
  });

  it("answers 400 with each field's error, keeps what was typed, and changes nothing", async () => {
    const { incidentId } = detectedOutage();
    const before = auditCount();
    const response = await client.post("/ops/inbox", { intent: "confirm", incidentId: String(incidentId), title: "  ", status: "postmortem", body: "" });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("Give the incident a title merchants will understand.");
    expect(html).toContain("Choose the status to publish.");
    expect(html).toContain("Write the update merchants will read, in your own words.");

    const typed = await client.post("/ops/inbox", { intent: "confirm", incidentId: String(incidentId), title: "Typed title kept", status: "identified", body: "" });
    expect(typed.status).toBe(400);
    const typedHtml = await pageText(typed);
    expect(typedHtml).toContain('value="Typed title kept"');
    expect(typedHtml).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*name="body"|<textarea[^>]*name="body"[^>]*aria-invalid="true"/);
    expect(row(incidentId)).toMatchObject({ reviewState: "pending", title: expect.stringContaining("failures detected") });
    expect(auditCount()).toBe(before);
  });

  it("says so when someone else reviewed it first", async () => {
    const { incidentId } = detectedOutage();
    await client.post("/ops/inbox", { intent: "dismiss", incidentId: String(incidentId), reason: "Probe fault" });
    const late = await client.post("/ops/inbox", { intent: "confirm", incidentId: String(incidentId), title: "T", status: "identified", body: "B" });
    expect(late.status).toBe(409);
    expect(await pageText(late)).toContain(`Incident ${incidentId} has already been dismissed; nothing was changed.`);
    expect(row(incidentId).reviewState).toBe("dismissed");
  });

  it("refuses an unknown intent", async () => {
    const response = await client.post("/ops/inbox", { intent: "approve", incidentId: "1" });
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("Choose whether to confirm, merge or dismiss.");
  });
});

describe("merging", () => {
  it("folds the detected incident into the target, which gains its provider; the detected one leaves public pages", async () => {
    const { incidentId, provider } = detectedOutage();
    const other = addProvider(t.db, `other-${providerCount}`);
    const targetId = opsIncident(other.provider.id, "Payments failing at two gateways");
    const response = await client.post("/ops/inbox", {
      intent: "merge",
      incidentId: String(incidentId),
      targetId: String(targetId),
      body: "This gateway is affected as well.",
    });
    expect(response.status).toBe(302);
    expect(row(incidentId)).toMatchObject({ reviewState: "merged", mergedIntoId: targetId, status: "resolved" });
    expect(t.db.select({ providerId: incidentProvider.providerId }).from(incidentProvider).where(eq(incidentProvider.incidentId, targetId)).all()).toEqual(
      expect.arrayContaining([{ providerId: provider.id }, { providerId: other.provider.id }]),
    );

    const ids = await publicIncidentIds();
    expect(ids.open).toContain(targetId);
    for (const list of Object.values(ids)) expect(list).not.toContain(incidentId);
    const status = await callLoader(statusLoader, t.db, "/");
    const target = status.openIncidents.find((i) => i.id === targetId)!;
    expect(target.providers.map((p) => p.slug)).toContain(provider.slug);
    expect(target.latestUpdate?.body).toBe("This gateway is affected as well.");
    const { statuses } = await publicPages(incidentId, provider.slug);
    expect(statuses).toEqual([200, 200, 200, 404, 200]);
  });

  it("answers 400 without a target or an update, and keeps what was typed", async () => {
    const { incidentId } = detectedOutage();
    const response = await client.post("/ops/inbox", { intent: "merge", incidentId: String(incidentId), targetId: "", body: "Kept merge text" });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("Choose the incident to merge into.");
    expect(html).toContain("Kept merge text</textarea>");
    const noBody = await client.post("/ops/inbox", { intent: "merge", incidentId: String(incidentId), targetId: "1", body: " " });
    expect(noBody.status).toBe(400);
    expect(await pageText(noBody)).toContain("Write the update to post on the incident you merge into.");
    expect(row(incidentId).reviewState).toBe("pending");
  });

  it("refuses a target that has closed meanwhile, on the target field", async () => {
    const { incidentId } = detectedOutage();
    const other = addProvider(t.db, `closed-${providerCount}`);
    const closedId = opsIncident(other.provider.id, "Already over");
    postIncidentUpdate(t.db, { incidentId: closedId, status: "resolved", body: "Fixed.", at: new Date() });
    const response = await client.post("/ops/inbox", { intent: "merge", incidentId: String(incidentId), targetId: String(closedId), body: "Same." });
    expect(response.status).toBe(409);
    expect(await pageText(response)).toMatch(/<p id="merge-\d+-target-error" class="field-error">That incident is no longer open; choose an open incident to merge into\.<\/p>/);
    expect(row(incidentId).reviewState).toBe("pending");
  });
});

describe("dismissing", () => {
  const reason = "Probe egress blocked by firewall rule 42";

  it("takes the incident off every public page and count, and never shows the reason there", async () => {
    const { incidentId, provider } = detectedOutage();
    const shownBefore = await publicPages(incidentId, provider.slug);
    expect(shownBefore.html).toContain(`${provider.name}: failures detected`);
    expect((await publicIncidentIds()).open).toContain(incidentId);

    const response = await client.post("/ops/inbox", { intent: "dismiss", incidentId: String(incidentId), reason });
    expect(response.status).toBe(302);
    expect(row(incidentId)).toMatchObject({ reviewState: "dismissed", dismissedReason: reason, status: "resolved" });

    const ids = await publicIncidentIds();
    for (const list of Object.values(ids)) expect(list).not.toContain(incidentId);
    const status = await callLoader(statusLoader, t.db, "/");
    expect(status.groups.flatMap((g) => g.providers).find((p) => p.slug === provider.slug)?.status).toBe("operational");
    const shown = await publicPages(incidentId, provider.slug);
    expect(shown.statuses).toEqual([200, 200, 200, 404, 200]);
    expect(shown.html).not.toContain(reason);
    expect(shown.html).not.toContain(`${provider.name}: failures detected`);

    const inbox = await pageText(await client.get("/ops/inbox"));
    expect(inbox).toContain(`Reason: ${reason}`);
  });

  it("wants a reason, and keeps the incident pending without one", async () => {
    const { incidentId } = detectedOutage();
    const response = await client.post("/ops/inbox", { intent: "dismiss", incidentId: String(incidentId), reason: "   " });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("Say why this is not a provider outage; only ops will see it.");
    expect(html).toMatch(new RegExp(`<details class="review-form" open="">\\s*<summary>Dismiss as a false alarm`));
    expect(row(incidentId).reviewState).toBe("pending");
  });

  it("answers 404 for an incident that does not exist", async () => {
    const response = await client.post("/ops/inbox", { intent: "dismiss", incidentId: "99999", reason });
    expect(response.status).toBe(404);
    expect(await pageText(response)).toContain("There is no detected incident 99999.");
  });
});
