import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as detailAction, loader as detailLoader } from "~/routes/ops.incidents.$id";
import { loader as listLoader } from "~/routes/ops.incidents._index";
import { action as newAction, loader as newLoader } from "~/routes/ops.incidents.new";
import type { Db } from "../../db/client";
import { createIncidentByOps } from "../../db/incidents/console/create";
import { postUpdateByOps } from "../../db/incidents/console/updates";
import { auditLog, incident, incidentAction, incidentNote, incidentProvider, incidentUpdate, provider, recommendedAction, workflow } from "../../db/schema";
import { startSession } from "../../db/users/accounts";
import { addConnections, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { contextFor, thrownResponse } from "../support/loaders";
import { addUser, Client, signedInConsole } from "../support/ops";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let cookie: string;
let actor: { userId: number; label: string };
let razorpay: number;
let payu: number;

beforeEach(async () => {
  t = guidanceDatabase();
  const user = await addUser(t.db, "asha@shopiq.example");
  actor = { userId: user.id, label: user.email };
  const serialized = await contextFor(t.db).auth.sessionCookie.serialize(startSession(t.db, user.id, Date.now()));
  cookie = serialized.split(";")[0]!;
  razorpay = addProvider(t.db, "razorpay").provider.id;
  payu = addProvider(t.db, "payu").provider.id;
  addConnections(t.db, razorpay, 3);
});
afterEach(() => t.close());

type Route = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;

function request(path: string, form?: Record<string, string>, signedIn = true): Request {
  return new Request(`http://localhost${path}`, {
    method: form ? "POST" : "GET",
    headers: { ...(signedIn ? { cookie } : {}), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
}

async function call(route: Route, path: string, form?: Record<string, string>, params: Record<string, string> = {}) {
  return route({ request: request(path, form), params, context: contextFor(t.db) });
}

async function expectLoginRedirect(route: Route, path: string, form?: Record<string, string>, params: Record<string, string> = {}) {
  const response = await thrownResponse(() => route({ request: request(path, form, false), params, context: contextFor(t.db) }));
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
}

async function failure(response: Response) {
  expect(response.status).toBe(400);
  return (await response.json()) as { fieldErrors: Record<string, string>; formError: string | null; values: Record<string, unknown> };
}

const STALE_FORM = "This form is out of date. Reload the page and try again.";
const workflowId = (slug: string) => t.db.select().from(workflow).where(eq(workflow.slug, slug)).get()!.id;
const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

function openIncident(title = "Razorpay UPI payments failing") {
  return createIncidentByOps(
    t.db,
    actor,
    {
      title,
      providers: [{ providerId: razorpay, impact: "partial_outage" }],
      workflowIds: [],
      causeId: null,
      impactOverride: null,
      startedAt: new Date(Date.now() - 60_000),
      status: "investigating",
      body: "Looking into it.",
    },
    Date.now(),
  );
}

describe("incident list", () => {
  it("sends a signed-out visitor to sign in and back", async () => {
    await expectLoginRedirect(listLoader, "/ops/incidents?status=resolved");
  });

  it("lists open incidents by default, resolved ones on request, and falls back to open for a bad filter", async () => {
    const open = openIncident("Still broken");
    const closed = openIncident("Fixed already");
    postUpdateByOps(t.db, actor, { incidentId: closed, status: "resolved", body: "Fixed." }, Date.now());
    const ids = async (path: string) => ((await (await call(listLoader, path)).json()) as { incidents: { id: number }[] }).incidents.map((i) => i.id);
    expect(await ids("/ops/incidents")).toEqual([open]);
    expect(await ids("/ops/incidents?status=resolved")).toEqual([closed]);
    expect((await ids("/ops/incidents?status=all")).sort()).toEqual([open, closed].sort());
    expect(await ids("/ops/incidents?status=bogus&page=-3")).toEqual([open]);
  });
});

describe("opening an incident", () => {
  const valid = () => ({
    title: "Razorpay UPI payments failing",
    [`impact.${razorpay}`]: "partial_outage",
    [`impact.${payu}`]: "",
    workflowIds: String(workflowId("online-checkout-payments")),
    causeId: "",
    impactOverride: "",
    startedAt: "2026-01-15T09:30",
    status: "investigating",
    body: "UPI payments fail for **some** merchants.",
  });

  it("sends a signed-out visitor to sign in, for the form and for a submit, and writes nothing", async () => {
    await expectLoginRedirect(newLoader, "/ops/incidents/new");
    await expectLoginRedirect(newAction, "/ops/incidents/new", valid());
    expect(t.db.select().from(incident).all()).toHaveLength(0);
  });

  it("offers providers and workflows by category, and now (IST) as the start time", async () => {
    const data = (await (await call(newLoader, "/ops/incidents/new")).json()) as {
      options: { categories: { providers: { id: number }[]; workflows: unknown[] }[] };
      startedAtDefault: string;
    };
    expect(data.options.categories.flatMap((c) => c.providers.map((p) => p.id))).toEqual([razorpay, payu]);
    expect(data.startedAtDefault).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    const ist = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 16);
    expect(Math.abs(Date.parse(`${data.startedAtDefault}Z`) - Date.parse(`${ist}Z`))).toBeLessThanOrEqual(60_000);
  });

  it("opens the incident back-dated in IST and goes to its page", async () => {
    const response = await call(newAction, "/ops/incidents/new", valid());
    expect(response.status).toBe(302);
    const [row] = t.db.select().from(incident).all();
    expect(response.headers.get("location")).toBe(`/ops/incidents/${row!.id}?saved=created#saved`);
    expect(row).toMatchObject({ title: "Razorpay UPI payments failing", source: "ops", status: "investigating" });
    expect(row!.startedAt.toISOString()).toBe("2026-01-15T04:00:00.000Z");
    expect(t.db.select().from(incidentProvider).all()).toEqual([{ incidentId: row!.id, providerId: razorpay, impact: "partial_outage" }]);
    expect(t.db.select().from(incidentUpdate).get()).toMatchObject({ body: "UPI payments fail for **some** merchants.", authorUserId: actor.userId });
    expect(audits("incident.create")).toHaveLength(1);
  });

  it("starts now when the start time is left blank", async () => {
    const before = Date.now();
    await call(newAction, "/ops/incidents/new", { ...valid(), startedAt: "" });
    expect(t.db.select().from(incident).get()!.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  const future = () => {
    const inIst = new Date(Date.now() + 5.5 * 3_600_000 + 3_600_000);
    return inIst.toISOString().slice(0, 16);
  };

  it.each([
    ["a blank title", { title: "  " }, "title", "Give the incident a title."],
    ["a title that is too long", { title: "x".repeat(201) }, "title", "Keep the title under 200 characters."],
    ["no affected provider", { impact: "" }, "providers", "Choose at least one affected provider and the impact on it."],
    ["an impact that is not on the list", { impact: "on_fire" }, "providers", undefined],
    ["an unknown workflow", { workflowIds: "99999" }, "workflowIds", "Choose workflows from the list."],
    ["a cause that is not a number", { causeId: "dns" }, "causeId", "Choose a cause from the list."],
    ["an unknown cause", { causeId: "99999" }, "causeId", "Choose a cause from the list."],
    ["an impact override that is not on the list", { impactOverride: "apocalyptic" }, "impactOverride", "Choose an impact from the list."],
    ["a start time that is not a date", { startedAt: "yesterday" }, "startedAt", "Enter the start time as a date and time."],
    ["a start time in the future", { startedAt: "future" }, "startedAt", "The start time cannot be in the future."],
    ["a resolved status", { status: "resolved" }, "status", "Choose the status to open with."],
    ["a blank first update", { body: "" }, "body", "Write the first update merchants will read."],
  ])("answers 400 for %s, keeps what was typed and writes nothing", async (_, change, field, message) => {
    const form: Record<string, string> = { ...valid() };
    for (const [name, value] of Object.entries(change)) {
      if (name === "impact") form[`impact.${razorpay}`] = value;
      else form[name] = name === "startedAt" && value === "future" ? future() : value;
    }
    const result = await failure(await call(newAction, "/ops/incidents/new", form));
    expect(Object.keys(result.fieldErrors)).toEqual([field]);
    if (message) expect(result.fieldErrors[field]).toBe(message);
    expect(result.values).toMatchObject({ fields: { title: form.title, body: form.body } });
    expect(t.db.select().from(incident).all()).toHaveLength(0);
    expect(audits("incident.create")).toHaveLength(0);
  });
});

describe("an incident's page", () => {
  let id: number;
  let path: string;
  beforeEach(() => {
    id = openIncident();
    path = `/ops/incidents/${id}`;
  });
  const post = (form: Record<string, string>) => call(detailAction, path, form, { id: String(id) });
  const saved = (response: Response, intent: string, hash = "saved") => {
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${path}?saved=${intent}#${hash}`);
  };
  const linked = () => t.db.select().from(incidentAction).where(eq(incidentAction.incidentId, id)).orderBy(asc(incidentAction.position)).all();
  const updates = () => t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, id)).orderBy(asc(incidentUpdate.id)).all();

  it("sends a signed-out visitor to sign in and back, for the page and for every form", async () => {
    await expectLoginRedirect(detailLoader, path, undefined, { id: String(id) });
    await expectLoginRedirect(detailAction, path, { intent: "note", body: "hello" }, { id: String(id) });
    expect(t.db.select().from(incidentNote).all()).toHaveLength(0);
  });

  it("answers 404 for an incident that does not exist", async () => {
    for (const missing of ["abc", "0", "99999"]) {
      const response = await thrownResponse(() => call(detailLoader, `/ops/incidents/${missing}`, undefined, { id: missing }));
      expect(response.status, missing).toBe(404);
      const posted = await thrownResponse(() => call(detailAction, `/ops/incidents/${missing}`, { intent: "note", body: "x" }, { id: missing }));
      expect(posted.status, missing).toBe(404);
    }
  });

  it("shows the incident with its authored updates, steps, library, affected merchants and the saved message", async () => {
    const data = (await (await call(detailLoader, `${path}?saved=update`, undefined, { id: String(id) })).json()) as {
      incident: { updates: { author: string }[]; actions: unknown[]; library: { suggested: unknown[]; other: unknown[] }; merchants: { total: number } };
      saved: string;
    };
    expect(data.saved).toBe("update");
    expect(data.incident.updates[0]!.author).toBe("asha");
    expect(data.incident.actions.length).toBeGreaterThan(0);
    expect(data.incident.library.other.length).toBeGreaterThan(0);
    expect(data.incident.merchants.total).toBe(3);
  });

  it("refuses a form it does not know", async () => {
    expect((await failure(await post({ intent: "delete-everything" }))).formError).toMatch(/not one the page knows/);
  });

  describe("posting updates", () => {
    const update = (extra: Record<string, string> = {}) => ({
      intent: "update",
      status: "identified",
      body: "Razorpay confirmed a UPI issue.",
      [`impact.${razorpay}`]: "partial_outage",
      addProviderId: "",
      addImpact: "",
      impactOverride: "",
      ...extra,
    });

    it("posts an update with a new status, attributed to the user", async () => {
      saved(await post(update()), "update");
      expect(updates().at(-1)).toMatchObject({ status: "identified", body: "Razorpay confirmed a UPI issue.", authorUserId: actor.userId });
      expect(audits("incident_update.post")).toHaveLength(1);
      expect(audits("incident.impact")).toHaveLength(0);
    });

    it("changes an impact, adds a provider, overrides the overall impact, then resolves", async () => {
      saved(await post(update({ [`impact.${razorpay}`]: "major_outage", addProviderId: String(payu), addImpact: "degraded_performance", impactOverride: "minor" })), "update");
      expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, id)).orderBy(asc(incidentProvider.providerId)).all()).toEqual([
        { incidentId: id, providerId: razorpay, impact: "major_outage" },
        { incidentId: id, providerId: payu, impact: "degraded_performance" },
      ]);
      expect(t.db.select().from(incident).where(eq(incident.id, id)).get()!.impactOverride).toBe("minor");
      expect(audits("incident.impact")).toHaveLength(1);
      saved(await post(update({ status: "resolved", body: "Payments work again.", [`impact.${razorpay}`]: "" , [`impact.${payu}`]: "degraded_performance" })), "update");
      expect(t.db.select().from(incident).where(eq(incident.id, id)).get()).toMatchObject({ status: "resolved" });
      expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, id)).all()).toEqual([{ incidentId: id, providerId: payu, impact: "degraded_performance" }]);
    });

    it.each([
      ["a status that is not on the list", { status: "postmortem" }, "status", "Choose a status."],
      ["a blank update", { body: " " }, "body", "Write the update."],
      ["an update that is too long", { body: "x".repeat(5_001) }, "body", "Keep the update under 5,000 characters."],
      ["an added provider without its impact", { addProviderId: "PAYU" }, "addImpact", "Choose the impact on the added provider."],
      ["a provider that does not exist", { addProviderId: "99999", addImpact: "major_outage" }, "providers", "Choose providers from the list."],
      ["no provider left", { impact: "" }, "providers", "Keep at least one affected provider."],
      ["an impact that is not on the list", { impact: "on_fire" }, "providers", "Choose an impact from the list."],
      ["an overall impact that is not on the list", { impactOverride: "huge" }, "impactOverride", "Choose an impact from the list."],
    ])("answers 400 for %s, keeps the text and posts nothing", async (_, change, field, message) => {
      const form = update();
      for (const [name, value] of Object.entries(change)) {
        if (name === "impact") form[`impact.${razorpay}`] = value;
        else form[name] = name === "addProviderId" && value === "PAYU" ? String(payu) : value;
      }
      const result = await failure(await post(form));
      expect(result.fieldErrors).toEqual({ [field]: message });
      expect(result.values.body).toBe(form.body);
      expect(updates()).toHaveLength(1);
      expect(t.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, id)).all()).toEqual([{ incidentId: id, providerId: razorpay, impact: "partial_outage" }]);
    });
  });

  describe("correcting an update", () => {
    it("replaces the text, marks it edited and audits the old text", async () => {
      const [first] = updates();
      saved(await post({ intent: "edit-update", updateId: String(first!.id), body: "Looking into failed UPI payments." }), "edit-update");
      expect(updates()[0]).toMatchObject({ body: "Looking into failed UPI payments." });
      expect(updates()[0]!.editedAt).not.toBeNull();
      expect(audits("incident_update.edit")[0]).toMatchObject({ before: { body: "Looking into it." }, after: { body: "Looking into failed UPI payments." } });
    });

    it("answers 400 for a blank text, a missing update id, and another incident's update", async () => {
      const [first] = updates();
      expect((await failure(await post({ intent: "edit-update", updateId: String(first!.id), body: "" }))).fieldErrors).toEqual({ body: "Write the update." });
      expect((await failure(await post({ intent: "edit-update", updateId: "", body: "x" }))).formError).toBe(STALE_FORM);
      const other = openIncident("Another");
      const [foreign] = t.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, other)).all();
      const result = await failure(await post({ intent: "edit-update", updateId: String(foreign!.id), body: "Hijacked." }));
      expect(result.formError).toBe("That update is not part of this incident.");
      expect(t.db.select().from(incidentUpdate).where(eq(incidentUpdate.id, foreign!.id)).get()!.body).toBe("Looking into it.");
    });
  });

  describe("the postmortem", () => {
    it("is published after resolution", async () => {
      postUpdateByOps(t.db, actor, { incidentId: id, status: "resolved", body: "Fixed." }, Date.now());
      saved(await post({ intent: "postmortem", body: "An expired certificate at the bank." }), "postmortem");
      expect(t.db.select().from(incident).where(eq(incident.id, id)).get()!.postmortem).toBe("An expired certificate at the bank.");
      expect(audits("incident.postmortem")).toHaveLength(1);
    });

    it("answers 400 while the incident is open, and for a blank text", async () => {
      expect((await failure(await post({ intent: "postmortem", body: "Too early." }))).fieldErrors).toEqual({
        body: "Publish the postmortem after the incident is resolved.",
      });
      postUpdateByOps(t.db, actor, { incidentId: id, status: "resolved", body: "Fixed." }, Date.now());
      expect((await failure(await post({ intent: "postmortem", body: "" }))).fieldErrors).toEqual({ body: "Write the postmortem." });
      expect(t.db.select().from(incident).where(eq(incident.id, id)).get()!.postmortem).toBeNull();
    });
  });

  describe("recommended actions", () => {
    const unlinkedActionId = () => {
      const ids = new Set(linked().map((l) => l.recommendedActionId));
      return t.db.select().from(recommendedAction).all().find((a) => !ids.has(a.id))!.id;
    };

    it("links a library step at the end", async () => {
      const actionId = unlinkedActionId();
      saved(await post({ intent: "link-action", recommendedActionId: String(actionId) }), "link-action");
      expect(linked().at(-1)!.recommendedActionId).toBe(actionId);
    });

    it("answers 400 for no choice, an unknown step, and one already linked", async () => {
      const count = linked().length;
      expect((await failure(await post({ intent: "link-action", recommendedActionId: "" }))).fieldErrors).toEqual({ recommendedActionId: "Choose a step to add." });
      expect((await failure(await post({ intent: "link-action", recommendedActionId: "99999" }))).fieldErrors).toEqual({
        recommendedActionId: "Choose an action from the list.",
      });
      expect((await failure(await post({ intent: "link-action", recommendedActionId: String(linked()[0]!.recommendedActionId) }))).fieldErrors).toEqual({
        recommendedActionId: "That action is already linked to this incident.",
      });
      expect(linked()).toHaveLength(count);
    });

    it("adds a step for this incident only", async () => {
      saved(await post({ intent: "custom-step", text: "Ask customers to retry with a card." }), "custom-step");
      expect(linked().at(-1)).toMatchObject({ recommendedActionId: null, customText: { en: "Ask customers to retry with a card." } });
    });

    it("answers 400 for a blank or too long step", async () => {
      expect((await failure(await post({ intent: "custom-step", text: "" }))).fieldErrors).toEqual({ text: "Write the step." });
      expect((await failure(await post({ intent: "custom-step", text: "x".repeat(501) }))).fieldErrors).toEqual({ text: "Keep the step under 500 characters." });
      expect(linked().some((l) => l.customText !== null)).toBe(false);
    });

    it("moves a step down and back, and lands on the moved step", async () => {
      await post({ intent: "custom-step", text: "First custom." });
      await post({ intent: "custom-step", text: "Second custom." });
      const [a, b] = linked().slice(-2);
      saved(await post({ intent: "move-action", incidentActionId: String(a!.id), direction: "down" }), "move-action", `step-${a!.id}`);
      expect(linked().slice(-2).map((l) => l.id)).toEqual([b!.id, a!.id]);
      saved(await post({ intent: "move-action", incidentActionId: String(a!.id), direction: "up" }), "move-action", `step-${a!.id}`);
      expect(linked().slice(-2).map((l) => l.id)).toEqual([a!.id, b!.id]);
    });

    it("answers 400 for a move past the end, a bad direction, and a step of another incident", async () => {
      const last = linked().at(-1)!;
      expect((await failure(await post({ intent: "move-action", incidentActionId: String(last.id), direction: "down" }))).formError).toBe("That step is already last.");
      expect((await failure(await post({ intent: "move-action", incidentActionId: String(last.id), direction: "sideways" }))).formError).toBe(STALE_FORM);
      const foreign = t.db.select().from(incidentAction).where(eq(incidentAction.incidentId, openIncident("Another"))).get()!;
      expect((await failure(await post({ intent: "move-action", incidentActionId: String(foreign.id), direction: "up" }))).formError).toBe(
        "That step is no longer linked to this incident.",
      );
    });

    it("removes a step, and answers 400 when it is already gone or the id is missing", async () => {
      const first = linked()[0]!;
      saved(await post({ intent: "unlink-action", incidentActionId: String(first.id) }), "unlink-action");
      expect(linked().some((l) => l.id === first.id)).toBe(false);
      expect((await failure(await post({ intent: "unlink-action", incidentActionId: String(first.id) }))).formError).toBe(
        "That step is no longer linked to this incident.",
      );
      expect((await failure(await post({ intent: "unlink-action", incidentActionId: "" }))).formError).toBe(STALE_FORM);
    });
  });

  describe("internal notes", () => {
    it("adds a note by the signed-in user", async () => {
      saved(await post({ intent: "note", body: "Ticket #4411 with Razorpay." }), "note");
      expect(t.db.select().from(incidentNote).get()).toMatchObject({ incidentId: id, authorUserId: actor.userId, body: "Ticket #4411 with Razorpay." });
    });

    it("answers 400 for a blank note", async () => {
      expect((await failure(await post({ intent: "note", body: "\n" }))).fieldErrors).toEqual({ body: "Write the note." });
      expect(t.db.select().from(incidentNote).all()).toHaveLength(0);
    });
  });
});

describe("the console over HTTP", () => {
  let h: TestDatabase;
  let server: RunningServer;
  let client: Client;
  let db: Db;
  beforeAll(async () => {
    h = guidanceDatabase();
    db = h.db;
    addProvider(db, "razorpay");
    ({ server, client } = await signedInConsole(db, "ravi@shopiq.example"));
  });
  afterAll(async () => {
    await server.close();
    h.close();
  });

  it("redirects a signed-out visitor to sign in with the return path", async () => {
    const response = await new Client(server.baseUrl).get("/ops/incidents/new");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Fincidents%2Fnew");
  });

  it("renders hostile Markdown inert on the public incident page, the status page and the console, and marks an edit", async () => {
    const hostile = 'Fails <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror="alert(2)"> **bold**';
    const created = await client.post("/ops/incidents/new", {
      title: "Hostile text test",
      [`impact.${db.select().from(provider).get()!.id}`]: "major_outage",
      status: "investigating",
      startedAt: "",
      body: hostile,
    });
    expect(created.status).toBe(302);
    const path = new URL(created.headers.get("location")!, server.baseUrl).pathname;
    const [update] = db.select().from(incidentUpdate).all();
    expect((await client.post(path, { intent: "edit-update", updateId: String(update!.id), body: `${hostile} (corrected)` })).status).toBe(302);
    for (const page of [path.replace("/ops", ""), "/", path]) {
      const html = await (await client.get(page)).text();
      const body = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
      expect(body, page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(body, page).not.toMatch(/<script|<img|href="javascript:|\son\w+="/i);
      expect(body, page).toContain("<strong>bold</strong>");
    }
    const publicHtml = await (await client.get(path.replace("/ops", ""))).text();
    expect(publicHtml).toContain("(edited)");
    expect(publicHtml).not.toContain("ravi");
  });

  it("re-renders a failed form with what was typed, the errors, aria-invalid and the focus on the first error", async () => {
    const response = await client.post("/ops/incidents/new", { title: "", status: "investigating", startedAt: "", body: "Payments <b>fail</b>" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Give the incident a title.");
    expect(html).toContain("Choose at least one affected provider and the impact on it.");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(html).toContain("Payments &lt;b&gt;fail&lt;/b&gt;</textarea>");
    expect(html).toContain('role="alert"');
  });
});
