import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loader as statusLoader } from "~/routes/_index";
import { loader as providerLoader } from "~/routes/providers.$slug";
import { msToIndiaTime } from "../../db/maintenance/console";
import { auditLog, maintenance, maintenanceProvider } from "../../db/schema";
import { mirrorUpstream } from "../../db/upstream/mirror";
import { addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { callLoader } from "../support/loaders";
import { Client, signedInConsole } from "../support/ops";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let client: Client;
let razorpay: { id: number; slug: string };
let payu: { id: number; slug: string };
beforeAll(async () => {
  t = guidanceDatabase();
  razorpay = addProvider(t.db, "razorpay").provider;
  payu = addProvider(t.db, "payu").provider;
  ({ server, client } = await signedInConsole(t.db, "ravi@shopiq.example"));
});
afterAll(async () => {
  await server.close();
  t.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Posts a form as a browser does, with a field repeated for each ticked checkbox. */
async function post(path: string, fields: [string, string][], cookie = client.cookie): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.baseUrl, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The form fields of a window from `fromMs` to `untilMs`, typed in India time as a person would. */
function windowFields(fromMs: number, untilMs: number, providerIds: number[], title = "Razorpay gateway upgrade"): [string, string][] {
  const from = msToIndiaTime(fromMs);
  const until = msToIndiaTime(untilMs);
  return [
    ["title", title],
    ["description", "Card payments may fail for a few minutes."],
    ...providerIds.map((id): [string, string] => ["providerId", String(id)]),
    ["startDate", from.date],
    ["startTime", from.time],
    ["endDate", until.date],
    ["endTime", until.time],
  ];
}

/** The next whole minute at least `aheadMs` from now: the form takes minutes. */
const wholeMinuteAfter = (aheadMs: number) => Math.ceil((Date.now() + aheadMs) / MINUTE) * MINUTE;

const publicMaintenance = async () => (await callLoader(statusLoader, t.db, "/")).maintenance;
const lastWindow = () => t.db.select().from(maintenance).orderBy(maintenance.id).all().at(-1)!;

describe("signed out", () => {
  it("sends a visitor to sign in and back, for each page and for a change", async () => {
    const anonymous = new Client(server.baseUrl);
    for (const path of ["/ops/maintenance", "/ops/maintenance/new", "/ops/maintenance/1"]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const before = t.db.select().from(maintenance).all().length;
    const response = await post("/ops/maintenance/new", windowFields(Date.now() + HOUR, Date.now() + 2 * HOUR, [razorpay.id]), "");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Fmaintenance%2Fnew");
    expect(t.db.select().from(maintenance).all()).toHaveLength(before);
  });
});

describe("scheduling", () => {
  it("stores India time as UTC instants, shows the window as scheduled, then in progress by the clock", async () => {
    const fromMs = wholeMinuteAfter(2 * MINUTE);
    const untilMs = fromMs + HOUR;
    const response = await post("/ops/maintenance/new", windowFields(fromMs, untilMs, [razorpay.id, payu.id]));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ops/maintenance?done=scheduled");
    const created = lastWindow();
    expect(created).toMatchObject({ title: "Razorpay gateway upgrade", source: "ops", cancelledAt: null });
    expect(created.scheduledFor.getTime()).toBe(fromMs);
    expect(created.scheduledUntil.getTime()).toBe(untilMs);
    expect(t.db.select().from(maintenanceProvider).where(eq(maintenanceProvider.maintenanceId, created.id)).all()).toHaveLength(2);
    expect(t.db.select().from(auditLog).where(eq(auditLog.entityType, "maintenance")).all().map((a) => [a.action, a.actorLabel])).toEqual([
      ["maintenance.create", "ravi@shopiq.example"],
    ]);

    const board = await pageText(await client.get("/ops/maintenance?done=scheduled"));
    expect(board).toContain("The maintenance window is scheduled and shown on the status page.");
    expect(board).toMatch(/<h2 id="upcoming">Upcoming \(1\)<\/h2>.*Razorpay gateway upgrade/s);
    expect((await publicMaintenance()).find((m) => m.id === created.id)).toMatchObject({
      status: "scheduled",
      providers: [{ slug: "razorpay" }, { slug: "payu" }],
    });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(fromMs + MINUTE);
    expect((await publicMaintenance()).find((m) => m.id === created.id)?.status).toBe("in_progress");
    const status = await callLoader(statusLoader, t.db, "/");
    expect(status.groups.flatMap((g) => g.providers).find((p) => p.slug === "razorpay")?.status).toBe("under_maintenance");
    const ops = await pageText(await client.get("/ops/maintenance"));
    expect(ops).toMatch(/<h2 id="in-progress">In progress \(1\)<\/h2>.*Razorpay gateway upgrade/s);

    vi.setSystemTime(untilMs + MINUTE);
    expect((await publicMaintenance()).find((m) => m.id === created.id)).toBeUndefined();
  });

  it("answers 400 with each missing field's error and keeps what was typed", async () => {
    const before = t.db.select().from(maintenance).all().length;
    const response = await post("/ops/maintenance/new", [
      ["title", ""],
      ["description", "Typed description kept"],
      ["startDate", ""],
      ["startTime", ""],
      ["endDate", "2026-12-01"],
      ["endTime", ""],
    ]);
    expect(response.status).toBe(400);
    const html = await pageText(response);
    for (const message of [
      "Give the window a title, such as “Razorpay scheduled maintenance”.",
      "Choose at least one provider.",
      "Enter the start date.",
      "Enter the end time.",
    ]) {
      expect(html).toContain(message);
    }
    expect(html).toContain("Typed description kept</textarea>");
    expect(html).toContain('value="2026-12-01"');
    expect(t.db.select().from(maintenance).all()).toHaveLength(before);
  });

  it("wants the end after the start and a real date, keeping the ticked providers", async () => {
    const fromMs = wholeMinuteAfter(HOUR);
    const endBeforeStart = await post("/ops/maintenance/new", windowFields(fromMs, fromMs - HOUR, [payu.id], "Typed title kept"));
    expect(endBeforeStart.status).toBe(400);
    const html = await pageText(endBeforeStart);
    expect(html).toContain('<p id="end-error" class="field-error">The window must end after it starts.</p>');
    expect(html).toContain('value="Typed title kept"');
    expect(html).toContain(`<input type="checkbox" name="providerId" checked="" value="${payu.id}"/>`);
    expect(html).toContain(`<input type="checkbox" name="providerId" value="${razorpay.id}"/>`);

    const fields = windowFields(fromMs, fromMs + HOUR, [payu.id]).map(([k, v]): [string, string] => (k === "startDate" ? [k, "2026-02-30"] : [k, v]));
    const notADate = await post("/ops/maintenance/new", fields);
    expect(notADate.status).toBe(400);
    expect(await pageText(notADate)).toContain('<p id="start-error" class="field-error">Enter a real date and time (24-hour, India time).</p>');
  });

  it("refuses a provider that does not exist", async () => {
    const response = await post("/ops/maintenance/new", windowFields(Date.now() + HOUR, Date.now() + 2 * HOUR, [99_999]));
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("Choose providers from the list.");
  });
});

describe("editing and cancelling", () => {
  async function schedule(fromMs: number, untilMs: number) {
    const response = await post("/ops/maintenance/new", windowFields(fromMs, untilMs, [razorpay.id]));
    expect(response.status).toBe(302);
    return lastWindow().id;
  }

  it("shows the window in India time and saves changes with before and after in the audit log", async () => {
    const fromMs = wholeMinuteAfter(3 * HOUR);
    const id = await schedule(fromMs, fromMs + HOUR);
    const form = await pageText(await client.get(`/ops/maintenance/${id}`));
    expect(form).toContain(`name="startTime" required="" value="${msToIndiaTime(fromMs).time}"`);

    const response = await post(`/ops/maintenance/${id}`, [["intent", "save"], ...windowFields(fromMs + HOUR, fromMs + 3 * HOUR, [payu.id], "PayU upgrade")]);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ops/maintenance?done=saved");
    const saved = t.db.select().from(maintenance).where(eq(maintenance.id, id)).get()!;
    expect(saved).toMatchObject({ title: "PayU upgrade", scheduledFor: new Date(fromMs + HOUR), scheduledUntil: new Date(fromMs + 3 * HOUR) });
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, "maintenance.update")).all().at(-1)!;
    expect(entry).toMatchObject({ entityId: id, actorLabel: "ravi@shopiq.example", before: { title: "Razorpay gateway upgrade", providerIds: [razorpay.id] }, after: { title: "PayU upgrade", providerIds: [payu.id] } });
  });

  it("answers 400 on a bad edit and changes nothing", async () => {
    const fromMs = wholeMinuteAfter(3 * HOUR);
    const id = await schedule(fromMs, fromMs + HOUR);
    const response = await post(`/ops/maintenance/${id}`, [["intent", "save"], ...windowFields(fromMs, fromMs + HOUR, [], "")]);
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("Choose at least one provider.");
    expect(html).toContain("Give the window a title");
    expect(t.db.select().from(maintenance).where(eq(maintenance.id, id)).get()!.title).toBe("Razorpay gateway upgrade");
  });

  it("cancels a scheduled window, which then disappears from the public pages", async () => {
    const fromMs = wholeMinuteAfter(2 * HOUR);
    const id = await schedule(fromMs, fromMs + HOUR);
    expect((await publicMaintenance()).map((m) => m.id)).toContain(id);
    const response = await post(`/ops/maintenance/${id}`, [["intent", "cancel"]]);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ops/maintenance?done=cancelled");
    expect((await publicMaintenance()).map((m) => m.id)).not.toContain(id);
    const provider = await callLoader(providerLoader, t.db, "/providers/razorpay", { slug: "razorpay" });
    expect(provider.maintenance.map((m) => m.id)).not.toContain(id);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "maintenance.cancel")).all().at(-1)?.entityId).toBe(id);

    const page = await pageText(await client.get(`/ops/maintenance/${id}`));
    expect(page).toContain("This window was cancelled and is not shown to merchants.");
    const again = await post(`/ops/maintenance/${id}`, [["intent", "save"], ...windowFields(fromMs, fromMs + HOUR, [razorpay.id])]);
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("This window was cancelled; schedule a new one instead.");
  });

  it("ends a window in progress now instead of erasing it", async () => {
    const id = await schedule(wholeMinuteAfter(-2 * HOUR), wholeMinuteAfter(HOUR));
    expect(await pageText(await client.get(`/ops/maintenance/${id}`))).toContain("End this window now");
    const response = await post(`/ops/maintenance/${id}`, [["intent", "cancel"]]);
    expect(response.headers.get("location")).toBe("/ops/maintenance?done=ended");
    const ended = t.db.select().from(maintenance).where(eq(maintenance.id, id)).get()!;
    expect(ended.cancelledAt).toBeNull();
    expect(ended.scheduledUntil.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("leaves a window mirrored from the provider's feed read-only", async () => {
    mirrorUpstream(t.db, {
      providerId: razorpay.id,
      checkSlug: "razorpay-status",
      nowMs: Date.now(),
      report: {
        providerStatus: "operational",
        incidents: [],
        maintenances: [{ externalId: "m-1", title: "Razorpay planned work", description: "", scheduledForMs: Date.now() + HOUR, scheduledUntilMs: Date.now() + 2 * HOUR }],
      },
    });
    const id = lastWindow().id;
    const page = await pageText(await client.get(`/ops/maintenance/${id}`));
    expect(page).toContain("mirrored from the provider&#x27;s own feed");
    expect(page).not.toContain('name="title"');
    const response = await post(`/ops/maintenance/${id}`, [["intent", "cancel"]]);
    expect(response.status).toBe(409);
    expect(lastWindow().cancelledAt).toBeNull();
  });

  it("answers 404 for a window that does not exist", async () => {
    expect((await client.get("/ops/maintenance/99999")).status).toBe(404);
    expect((await client.get("/ops/maintenance/not-a-number")).status).toBe(404);
    expect((await post("/ops/maintenance/99999", [["intent", "cancel"]])).status).toBe(404);
  });
});
