import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as helpLoader } from "~/routes/help";
import { loader as incidentLoader } from "~/routes/incidents.$id";
import { loader as providerLoader } from "~/routes/providers.$slug";
import { listActionLibrary } from "../../db/actions/library";
import { createIncident } from "../../db/incidents/write";
import { auditLog, category, cause, recommendedAction } from "../../db/schema";
import { addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { callLoader } from "../support/loaders";
import { Client, signedInConsole } from "../support/ops";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let client: Client;
let razorpayId: number;
beforeAll(async () => {
  t = guidanceDatabase();
  razorpayId = addProvider(t.db, "razorpay").provider.id;
  ({ server, client } = await signedInConsole(t.db, "meera@shopiq.example"));
});
afterAll(async () => {
  await server.close();
  t.close();
});

const paymentsId = () => t.db.select({ id: category.id }).from(category).where(eq(category.slug, "payments")).get()!.id;
const kycId = () => t.db.select({ id: cause.id }).from(cause).where(eq(cause.slug, "account-verification")).get()!.id;
const actionRow = (id: number) => t.db.select().from(recommendedAction).where(eq(recommendedAction.id, id)).get();
const paymentsChecklist = () => listActionLibrary(t.db).categories.find((c) => c.id === paymentsId())!.checklist;
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("signed out", () => {
  it("sends a visitor to sign in and back, for each page and for a change", async () => {
    const anonymous = new Client(server.baseUrl);
    const [first] = paymentsChecklist();
    for (const path of ["/ops/actions", "/ops/actions/new", `/ops/actions/${first!.id}`]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const move = await anonymous.post("/ops/actions?index", { id: String(first!.id), direction: "down" });
    expect(move.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Factions");
    const edit = await anonymous.post(`/ops/actions/${first!.id}`, { intent: "delete" });
    expect(edit.headers.get("location")).toBe(`/login?redirectTo=%2Fops%2Factions%2F${first!.id}`);
    expect(paymentsChecklist()[0]!.id).toBe(first!.id);
    expect(actionRow(first!.id)).toBeDefined();
  });
});

describe("the library", () => {
  it("lists check-first steps, each category's advice and checklist, and each cause's steps", async () => {
    const html = await pageText(await client.get("/ops/actions"));
    expect(html).toContain('<h2 id="general">Check first (every merchant)</h2>');
    expect(html).toMatch(/<h3>Payment gateways<\/h3><h4>Advice<\/h4>.*<h4>Checklist<\/h4>/s);
    expect(html).toContain("<h3>Account verification (KYC) problem <span class=\"muted\">(merchant&#x27;s side)</span></h3>");
    const [first] = paymentsChecklist();
    // The first of a group cannot move up; the form posts to the index route, as browsers send it.
    expect(html).toContain(`value="up" disabled="" aria-label="Move “${first!.text.en.replaceAll("'", "&#x27;")}” up"`);
    expect(html).toContain('<form method="post" action="/ops/actions?index" class="move-buttons"');
  });
});

describe("adding", () => {
  it("adds an action at the end of its group, in the data the pages read, and audits it", async () => {
    const response = await client.post("/ops/actions/new", {
      kind: "check",
      categoryId: String(paymentsId()),
      causeId: "",
      en: "Check that UPI autopay mandates are active",
      hi: "जांचें कि UPI ऑटोपे मैंडेट सक्रिय हैं",
      as: "",
    });
    expect(response.status).toBe(302);
    const created = paymentsChecklist().at(-1)!;
    expect(response.headers.get("location")).toBe(`/ops/actions?done=created#action-${created.id}`);
    expect(actionRow(created.id)).toMatchObject({
      slug: "payments-check-that-upi-autopay-mandates-are-active",
      text: { en: "Check that UPI autopay mandates are active", hi: "जांचें कि UPI ऑटोपे मैंडेट सक्रिय हैं" },
    });
    expect(actionRow(created.id)!.text).not.toHaveProperty("as");
    expect(auditOf("recommended_action.create").at(-1)).toMatchObject({ entityId: created.id, actorLabel: "meera@shopiq.example" });
    const provider = await callLoader(providerLoader, t.db, "/providers/razorpay", { slug: "razorpay" });
    expect(provider.checklist.at(-1)?.text.en).toBe("Check that UPI autopay mandates are active");
  });

  it("answers 400 with each field's error, keeps what was typed, and adds nothing", async () => {
    const before = t.db.select().from(recommendedAction).all().length;
    const response = await client.post("/ops/actions/new", { kind: "tip", categoryId: "abc", causeId: "", en: " ", hi: "हिंदी पाठ रखा गया", as: "x".repeat(501) });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    for (const message of ["Choose whether this is a step to check or advice.", "Choose from the list.", "Write the English text merchants will read.", "Keep it to 500 characters or fewer."]) {
      expect(html).toContain(message);
    }
    expect(html).toMatch(/<textarea id="text-hi" name="hi" lang="hi"[^>]*>हिंदी पाठ रखा गया<\/textarea>/);
    const unknown = await client.post("/ops/actions/new", { kind: "check", categoryId: "9999", causeId: "", en: "Kept English" });
    expect(unknown.status).toBe(400);
    const unknownHtml = await pageText(unknown);
    expect(unknownHtml).toContain('<p id="categoryId-error" class="field-error">Choose a category from the list.</p>');
    expect(unknownHtml).toContain(">Kept English</textarea>");
    const unknownCause = await client.post("/ops/actions/new", { kind: "check", categoryId: "", causeId: "9999", en: "x" });
    expect(await pageText(unknownCause)).toContain('<p id="causeId-error" class="field-error">Choose a cause from the list.</p>');
    expect(t.db.select().from(recommendedAction).all()).toHaveLength(before);
  });
});

describe("editing", () => {
  it("shows the three languages side by side, and a new Hindi text reaches the help page and incident pages", async () => {
    const [step] = listActionLibrary(t.db).causes.find((c) => c.id === kycId())!.steps;
    const incidentId = createIncident(t.db, {
      title: "Razorpay KYC checks failing",
      providers: [{ providerId: razorpayId, impact: "partial_outage" }],
      workflowIds: [],
      causeId: kycId(),
      source: "ops",
      startedAt: new Date(),
      firstUpdate: { status: "investigating", body: "Looking." },
      actionIds: [step!.id],
    });
    const form = await pageText(await client.get(`/ops/actions/${step!.id}`));
    expect(form).toMatch(/<div class="languages">.*name="en" lang="en".*name="hi" lang="hi".*name="as" lang="as"/s);

    const hindi = "प्रोवाइडर डैशबोर्ड में KYC स्थिति देखें (संशोधित)";
    const response = await client.post(`/ops/actions/${step!.id}`, {
      intent: "save",
      kind: "check",
      categoryId: "",
      causeId: String(kycId()),
      en: step!.text.en,
      hi: hindi,
      as: step!.text.as ?? "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/ops/actions?done=saved#action-${step!.id}`);

    const help = await callLoader(helpLoader, t.db, "/help");
    expect(help.causes.find((c) => c.slug === "account-verification")!.steps[0]!.text.hi).toBe(hindi);
    const incident = await callLoader(incidentLoader, t.db, `/incidents/${incidentId}`, { id: String(incidentId) });
    expect(incident.actions[0]!.text).toMatchObject({ en: step!.text.en, hi: hindi });
    const [entry] = auditOf("recommended_action.update");
    expect(entry).toMatchObject({ entityId: step!.id, before: { text: { hi: step!.text.hi } }, after: { text: { hi: hindi } } });
  });

  it("answers 400 on a bad edit and keeps the stored text", async () => {
    const [first] = paymentsChecklist();
    const response = await client.post(`/ops/actions/${first!.id}`, { intent: "save", kind: "check", categoryId: String(paymentsId()), causeId: "", en: "", hi: "typed" });
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("Write the English text merchants will read.");
    expect(actionRow(first!.id)!.text.en).toBe(first!.text.en);
  });

  it("answers 404 for an action that does not exist", async () => {
    expect((await client.get("/ops/actions/99999")).status).toBe(404);
    expect((await client.get("/ops/actions/first")).status).toBe(404);
    expect((await client.post("/ops/actions/99999", { intent: "save", kind: "check", en: "x" })).status).toBe(404);
  });
});

describe("ordering", () => {
  it("moves an action down and back up within its group, back to where the keyboard was", async () => {
    const [a, b] = paymentsChecklist();
    const down = await client.post("/ops/actions?index", { id: String(a!.id), direction: "down" });
    expect(down.status).toBe(302);
    expect(down.headers.get("location")).toBe(`/ops/actions#action-${a!.id}`);
    expect(paymentsChecklist().slice(0, 2).map((x) => x.id)).toEqual([b!.id, a!.id]);
    const provider = await callLoader(providerLoader, t.db, "/providers/razorpay", { slug: "razorpay" });
    expect(provider.checklist.filter((x) => x.kind === "check").slice(0, 2).map((x) => x.id)).toEqual([b!.id, a!.id]);
    await client.post("/ops/actions?index", { id: String(a!.id), direction: "up" });
    expect(paymentsChecklist().slice(0, 2).map((x) => x.id)).toEqual([a!.id, b!.id]);
    expect(auditOf("recommended_action.move").length).toBeGreaterThanOrEqual(2);
  });

  it("answers 400 to a move without a direction, and 404 for an unknown action", async () => {
    const bad = await client.post("/ops/actions?index", { id: "1", direction: "sideways" });
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Choose an action and whether to move it up or down.");
    expect((await client.post("/ops/actions?index", { id: "99999", direction: "up" })).status).toBe(404);
  });
});

describe("deleting", () => {
  it("deletes an action no incident shows", async () => {
    await client.post("/ops/actions/new", { kind: "check", categoryId: "", causeId: "", en: "Restart the ShopIQ app once" });
    const created = listActionLibrary(t.db).general.at(-1)!;
    expect(await pageText(await client.get(`/ops/actions/${created.id}`))).toContain("Delete this action");
    const response = await client.post(`/ops/actions/${created.id}`, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ops/actions?done=deleted");
    expect(actionRow(created.id)).toBeUndefined();
    expect(auditOf("recommended_action.delete").at(-1)).toMatchObject({ entityId: created.id, before: { text: { en: "Restart the ShopIQ app once" } } });
  });

  it("keeps an action an incident shows, and explains why", async () => {
    const [linked] = paymentsChecklist();
    const incidentId = createIncident(t.db, {
      title: "Razorpay settlements delayed",
      providers: [{ providerId: razorpayId, impact: "degraded_performance" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(),
      firstUpdate: { status: "investigating", body: "Looking." },
      actionIds: [linked!.id],
    });
    const page = await pageText(await client.get(`/ops/actions/${linked!.id}`));
    expect(page).toContain("This action cannot be deleted while incidents show it to merchants:");
    expect(page).toContain(`href="/ops/incidents/${incidentId}">incident ${incidentId}</a>`);
    expect(page).not.toContain("Delete this action");

    const response = await client.post(`/ops/actions/${linked!.id}`, { intent: "delete" });
    expect(response.status).toBe(409);
    expect(await pageText(response)).toContain(`This action cannot be deleted: incident`);
    expect(actionRow(linked!.id)).toBeDefined();
  });
});
