import { and, asc, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { emptyCounts, type ResultCounts } from "../health/uptime";
import { createIncident, postIncidentUpdate } from "../incidents/write";
import { listCategoryActions } from "../queries/catalogue";
import { getIncidentPage } from "../queries/incident-page";
import { recordCheckResult } from "../rollups/record-result";
import { addConnectionDaily } from "../rollups/write";
import { category, cause, check, checkResult, connection, merchant, recommendedAction, workflow } from "../schema";
import type { CategorySlug, CauseSlug, CheckOutcome } from "../schema/enums";
import type { CauseCounts } from "../schema/types";
import { addDays, dayKey } from "../time";
import {
  getMerchantConnectionsView,
  listMerchantConnections,
  listMerchantOpenIncidents,
  merchantCauseBreakdown,
  merchantConnectionUptime,
} from "./connections-view";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

// 11:30 in India on 28 Nov 2026: far from midnight, so every "n days ago" is unambiguous.
const NOW_MS = Date.UTC(2026, 10, 28, 6);
const MINUTE_MS = 60_000;
const today = dayKey(NOW_MS);
const daysAgo = (n: number) => addDays(today, -n);

/** One more connection, with its connection check, for a merchant that already exists. */
function connect(merchantId: number, providerId: number) {
  const conn = t.db.insert(connection).values({ merchantId, providerId }).returning().get();
  const c = t.db
    .insert(check)
    .values({ slug: `connection-${conn.id}`, name: "Connection health", kind: "connection", providerId, connectionId: conn.id })
    .returning()
    .get();
  return { connection: conn, check: c };
}

/**
 * Two merchants. Kavya uses Shiprocket and Razorpay; Other Store uses Other Pay, which
 * Kavya does not, and Shiprocket.
 */
function world() {
  const shiprocket = addProvider(t.db, "shiprocket", "logistics").provider;
  const razorpay = addProvider(t.db, "razorpay", "payments").provider;
  const otherPay = addProvider(t.db, "other-pay", "payments").provider;
  const [kavyaShiprocket] = addConnections(t.db, shiprocket.id, 1, "kavya");
  const kavya = kavyaShiprocket!.merchant;
  const kavyaRazorpay = connect(kavya.id, razorpay.id);
  const other = t.db.insert(merchant).values({ externalId: "m_other", name: "Other Store" }).returning().get();
  const otherPayConnection = connect(other.id, otherPay.id);
  const otherShiprocket = connect(other.id, shiprocket.id);
  return { shiprocket, razorpay, otherPay, kavya, kavyaShiprocket: kavyaShiprocket!, kavyaRazorpay, other, otherPayConnection, otherShiprocket };
}

function record(checkId: number, outcomes: CheckOutcome[], cause: CauseSlug | null, endMs = NOW_MS - MINUTE_MS) {
  outcomes.forEach((outcome, i) =>
    recordCheckResult(t.db, {
      checkId,
      checkedAt: new Date(endMs - (outcomes.length - 1 - i) * MINUTE_MS),
      outcome,
      latencyMs: outcome === "down" ? null : 120,
      cause: outcome === "ok" ? null : cause,
    }),
  );
}

const counts = (over: Partial<ResultCounts>): ResultCounts => ({ ...emptyCounts(), ...over });
const rollup = (connectionId: number, day: string, over: Partial<ResultCounts>, causeCounts: CauseCounts = {}) =>
  addConnectionDaily(t.db, [{ connectionId, day, counts: counts(over), causeCounts }]);

const texts = (steps: { text: { en: string } }[]) => steps.map((s) => s.text.en);
const categoryId = (slug: CategorySlug) => t.db.select({ id: category.id }).from(category).where(eq(category.slug, slug)).get()!.id;
const causeId = (slug: CauseSlug) => t.db.select({ id: cause.id }).from(cause).where(eq(cause.slug, slug)).get()!.id;
const generalActions = () =>
  t.db
    .select({ text: recommendedAction.text })
    .from(recommendedAction)
    .where(and(isNull(recommendedAction.categoryId), isNull(recommendedAction.causeId)))
    .orderBy(asc(recommendedAction.position))
    .all();
const causeActions = (slug: CauseSlug) =>
  t.db.select({ text: recommendedAction.text, categoryId: recommendedAction.categoryId }).from(recommendedAction).where(eq(recommendedAction.causeId, causeId(slug))).orderBy(asc(recommendedAction.position)).all();

describe("a merchant's connections", () => {
  it("are only this merchant's: another merchant's failing connection never comes back", () => {
    const w = world();
    record(w.otherPayConnection.check.id, ["down", "down", "down"], "invalid-api-key");
    record(w.otherShiprocket.check.id, ["down", "down", "down"], "provider-billing-issue");

    const mine = listMerchantConnections(t.db, w.kavya.id);
    expect(mine.map((c) => c.id).sort()).toEqual([w.kavyaShiprocket.connection.id, w.kavyaRazorpay.connection.id].sort());
    expect(mine.map((c) => c.provider.slug)).not.toContain("other-pay");
    expect(mine.every((c) => c.failure === null)).toBe(true);

    const theirs = listMerchantConnections(t.db, w.other.id);
    expect(theirs.map((c) => c.id).sort()).toEqual([w.otherPayConnection.connection.id, w.otherShiprocket.connection.id].sort());
    expect(listMerchantConnections(t.db, 999_999)).toEqual([]);
  });

  it("tells state, last check, cause in plain words with its side, and the steps in order", () => {
    const w = world();
    record(w.kavyaShiprocket.check.id, ["ok", "down", "down", "down"], "expired-authentication");
    const connections = listMerchantConnections(t.db, w.kavya.id);
    const shiprocket = connections.find((c) => c.provider.slug === "shiprocket");
    const razorpay = connections.find((c) => c.provider.slug === "razorpay");

    expect(razorpay).toMatchObject({ provider: { slug: "razorpay", category: { slug: "payments" } }, state: "unknown", lastCheckedAtMs: null, failure: null });
    expect(shiprocket).toMatchObject({
      connectionState: "connected",
      state: "down",
      lastCheckedAtMs: NOW_MS - MINUTE_MS,
      provider: { name: "Shiprocket", category: { slug: "logistics" } },
    });
    expect(shiprocket!.failure!.cause).toMatchObject({
      slug: "expired-authentication",
      side: "merchant",
      sentence: { en: "Your Shiprocket API token or login has expired.", hi: "आपके Shiprocket API टोकन या लॉगिन की अवधि समाप्त हो गई है।" },
    });
    expect(shiprocket!.failure!.cause!.explanation.en).toContain("expired");

    const steps = shiprocket!.failure!.steps;
    const checklist = listCategoryActions(t.db, categoryId("logistics"));
    const checkFirst = generalActions();
    // What to check first, then the category's weighted advice, then the cause's steps, then the checklist.
    expect(texts(steps)).toEqual([
      ...texts(checkFirst),
      ...texts(checklist.filter((a) => a.kind === "advice")),
      ...texts(causeActions("expired-authentication").filter((a) => a.categoryId === null || a.categoryId === categoryId("logistics"))),
      ...texts(checklist.filter((a) => a.kind === "check")),
    ]);
    expect(checkFirst.length).toBeGreaterThan(0);
    expect(steps.slice(0, checkFirst.length).every((s) => s.source === "check-first")).toBe(true);
    expect(steps.filter((s) => s.kind === "advice").map((s) => s.text.en)).toEqual(["You may ship manually while the logistics integration is restored."]);
  });

  it("takes the worst state of the connection's checks and the most recent failing cause", () => {
    const w = world();
    const second = t.db
      .insert(check)
      .values({ slug: "kavya-razorpay-webhooks", name: "Webhooks", kind: "connection", providerId: w.razorpay.id, connectionId: w.kavyaRazorpay.connection.id })
      .returning()
      .get();
    record(w.kavyaRazorpay.check.id, ["ok", "ok"], null, NOW_MS - 5 * MINUTE_MS);
    record(second.id, ["down", "down", "down"], "provider-downtime", NOW_MS - 2 * MINUTE_MS);
    const razorpay = listMerchantConnections(t.db, w.kavya.id).find((c) => c.provider.slug === "razorpay")!;
    expect(razorpay.state).toBe("down");
    expect(razorpay.lastCheckedAtMs).toBe(NOW_MS - 2 * MINUTE_MS);
    expect(razorpay.failure!.cause).toMatchObject({ slug: "provider-downtime", side: "provider", sentence: { en: "Razorpay is having problems on its side." } });
    // The payments-only step for this cause comes with the general ones.
    expect(texts(razorpay.failure!.steps)).toContain("If you have a second payment gateway connected, consider switching checkout to it until the outage ends.");
  });

  it("shows the general steps and the checklist when the cause is not known", () => {
    const w = world();
    record(w.kavyaRazorpay.check.id, ["degraded", "degraded", "degraded"], null);
    const razorpay = listMerchantConnections(t.db, w.kavya.id).find((c) => c.provider.slug === "razorpay")!;
    expect(razorpay.state).toBe("degraded");
    expect(razorpay.failure!.cause).toBeNull();
    expect(razorpay.failure!.steps.map((s) => s.source)).not.toContain("cause");
    expect(razorpay.failure!.steps.filter((s) => s.source === "category")).toHaveLength(listCategoryActions(t.db, categoryId("payments")).length);
  });

  it("is not failing while failures have not yet reached the check's threshold", () => {
    const w = world();
    record(w.kavyaShiprocket.check.id, ["ok", "ok", "down"], "invalid-api-key");
    const shiprocket = listMerchantConnections(t.db, w.kavya.id).find((c) => c.provider.slug === "shiprocket")!;
    expect(shiprocket).toMatchObject({ state: "ok", failure: null, lastCheckedAtMs: NOW_MS - MINUTE_MS });
  });
});

describe("uptime of a merchant's connections", () => {
  it("counts calendar days in India: a day 7 or 8 days ago is in the 30 days, not the 7", () => {
    const w = world();
    const id = w.kavyaShiprocket.connection.id;
    rollup(id, today, { okCount: 60, maintenanceCount: 50 });
    rollup(id, daysAgo(6), { downCount: 20 });
    rollup(id, daysAgo(7), { downCount: 10 });
    rollup(id, daysAgo(8), { downCount: 10 });
    rollup(id, daysAgo(29), { okCount: 20 });
    rollup(id, daysAgo(30), { downCount: 40 });
    rollup(id, daysAgo(89), { okCount: 40 });
    rollup(id, daysAgo(90), { downCount: 1000 });

    const uptime = merchantConnectionUptime(t.db, w.kavya.id, NOW_MS);
    expect(uptime.days).toHaveLength(90);
    expect(uptime.days.at(-1)).toBe(today);
    const mine = uptime.byConnection.get(id)!;
    expect(mine.last7Days).toBeCloseTo(60 / 80, 4);
    expect(mine.last30Days).toBeCloseTo(80 / 120, 4);
    expect(mine.last90Days).toBeCloseTo(120 / 200, 4);
    expect(mine.byDay).toHaveLength(90);
    expect(mine.byDay[89]).toBe(1);
    expect(mine.byDay[89 - 6]).toBe(0);
    expect(mine.byDay[0]).toBe(1);
    expect(mine.byDay.filter((d) => d !== null)).toHaveLength(7);
    // A connection without results has no uptime, never 100 %.
    expect(uptime.byConnection.has(w.kavyaRazorpay.connection.id)).toBe(false);
  });

  it("sums all the merchant's connections for the overall uptime, and nobody else's", () => {
    const w = world();
    rollup(w.kavyaShiprocket.connection.id, today, { okCount: 90, downCount: 10 });
    rollup(w.kavyaRazorpay.connection.id, daysAgo(3), { okCount: 50, degradedCount: 25, downCount: 25 });
    rollup(w.kavyaRazorpay.connection.id, daysAgo(45), { downCount: 100 });
    rollup(w.otherPayConnection.connection.id, today, { downCount: 5000 });
    rollup(w.otherShiprocket.connection.id, daysAgo(3), { downCount: 5000 });

    const { overall, byConnection } = merchantConnectionUptime(t.db, w.kavya.id, NOW_MS);
    expect(overall.last7Days).toBeCloseTo(165 / 200, 4);
    expect(overall.last30Days).toBeCloseTo(165 / 200, 4);
    expect(overall.last90Days).toBeCloseTo(165 / 300, 4);
    expect([...byConnection.keys()].sort()).toEqual([w.kavyaShiprocket.connection.id, w.kavyaRazorpay.connection.id].sort());
  });
});

describe("causes over time", () => {
  it("ranks causes by failed results over 90 days, names the providers they hit, and counts them per week", () => {
    const w = world();
    rollup(w.kavyaShiprocket.connection.id, daysAgo(3), { okCount: 100, downCount: 30, degradedCount: 7 }, { "expired-authentication": 30 });
    rollup(w.kavyaShiprocket.connection.id, daysAgo(40), { downCount: 20 }, { "expired-authentication": 10, "network-or-technical-issue": 5 });
    rollup(w.kavyaRazorpay.connection.id, daysAgo(2), { downCount: 25 }, { "provider-downtime": 25 });
    rollup(w.kavyaRazorpay.connection.id, daysAgo(100), { downCount: 999 }, { "provider-billing-issue": 999 });
    rollup(w.otherPayConnection.connection.id, daysAgo(2), { downCount: 500 }, { "invalid-api-key": 500 });
    rollup(w.otherShiprocket.connection.id, daysAgo(2), { downCount: 500 }, { "expired-authentication": 500 });

    const breakdown = merchantCauseBreakdown(t.db, w.kavya.id, NOW_MS);
    expect(breakdown.causes.map((c) => [c.slug, c.failedResults])).toEqual([
      ["expired-authentication", 40],
      ["provider-downtime", 25],
      ["network-or-technical-issue", 5],
    ]);
    expect(breakdown.causes[0]).toMatchObject({ side: "merchant", name: { en: "Expired authentication" }, providers: [{ slug: "shiprocket", failedResults: 40 }] });
    expect(breakdown.causes[1]!.providers.map((p) => p.name)).toEqual(["Razorpay"]);
    expect(breakdown.failedResults).toBe(75);
    expect(breakdown.failedWithoutCause).toBe(5);
    expect(breakdown.slowResults).toBe(7);

    expect(breakdown.weeks).toHaveLength(12);
    expect(breakdown.weeks.at(-1)).toEqual({ fromDay: daysAgo(6), toDay: today, byCause: { "expired-authentication": 30, "provider-downtime": 25 } });
    const weekOf40DaysAgo = breakdown.weeks.find((wk) => wk.fromDay <= daysAgo(40) && daysAgo(40) <= wk.toDay)!;
    expect(weekOf40DaysAgo.byCause).toEqual({ "expired-authentication": 10, "network-or-technical-issue": 5 });
  });

  it("is empty for a merchant without failures", () => {
    const w = world();
    rollup(w.kavyaShiprocket.connection.id, today, { okCount: 10 });
    expect(merchantCauseBreakdown(t.db, w.kavya.id, NOW_MS)).toMatchObject({ failedResults: 0, failedWithoutCause: 0, slowResults: 0, causes: [] });
  });
});

describe("open incidents for a merchant", () => {
  const at = new Date(NOW_MS - 30 * MINUTE_MS);
  const open = (providerId: number, title: string, extra: Partial<Parameters<typeof createIncident>[1]> = {}) =>
    createIncident(t.db, {
      title,
      providers: [{ providerId, impact: "partial_outage" }],
      workflowIds: [],
      causeId: causeId("provider-downtime"),
      source: "ops",
      startedAt: at,
      firstUpdate: { status: "identified", body: "We know what is wrong." },
      ...extra,
    });

  it("lists only open, public incidents on the merchant's own providers, with their actions and workflows", () => {
    const w = world();
    const checkout = t.db.select({ id: workflow.id }).from(workflow).where(eq(workflow.slug, "online-checkout-payments")).get()!;
    const razorpayOutage = open(w.razorpay.id, "Razorpay checkout failing", { workflowIds: [checkout.id] });
    open(w.otherPay.id, "Other Pay down");
    const resolved = open(w.shiprocket.id, "Shiprocket was slow");
    postIncidentUpdate(t.db, { incidentId: resolved, status: "resolved", body: "Fixed.", at: new Date(NOW_MS - MINUTE_MS) });
    open(w.shiprocket.id, "Shiprocket false alarm", { source: "probe", reviewState: "dismissed" });

    const incidents = listMerchantOpenIncidents(t.db, w.kavya.id, NOW_MS);
    expect(incidents.map((i) => i.title)).toEqual(["Razorpay checkout failing"]);
    const [incident] = incidents;
    expect(incident!.workflows.map((wf) => wf.name.en)).toEqual(["online checkout payments"]);
    expect(incident!.actions.length).toBeGreaterThan(0);
    expect(incident!.actions).toEqual(getIncidentPage(t.db, razorpayOutage, NOW_MS)!.actions);
    expect(texts(incident!.actions)).toContain("Do not fulfil unpaid orders unless payment is verified or another approved payment method is arranged.");

    expect(listMerchantOpenIncidents(t.db, w.other.id, NOW_MS).map((i) => i.title)).toEqual(["Other Pay down"]);
  });
});

describe("the whole view", () => {
  it("puts failing connections first and never mentions another merchant's providers", () => {
    const w = world();
    record(w.kavyaRazorpay.check.id, ["ok", "ok"], null);
    record(w.kavyaShiprocket.check.id, ["down", "down", "down"], "expired-authentication");
    record(w.otherPayConnection.check.id, ["down", "down", "down"], "invalid-api-key");
    open(w.otherPay.id);

    const view = getMerchantConnectionsView(t.db, w.kavya.id, NOW_MS);
    expect(view.connections.map((c) => [c.provider.slug, c.state])).toEqual([
      ["shiprocket", "down"],
      ["razorpay", "ok"],
    ]);
    expect(view.connections[0]!.uptime.last7Days).toBe(0);
    expect(view.connections[0]!.uptime.byDay).toHaveLength(90);
    expect(view.causes.causes.map((c) => c.slug)).toEqual(["expired-authentication"]);
    const text = JSON.stringify(view);
    expect(text).not.toContain("Other Pay");
    expect(text).not.toContain("other-pay");
    expect(text).not.toContain("invalid-api-key");
  });

  it("reads check rows and rollups only: the view is the same without any raw result", () => {
    const w = world();
    record(w.kavyaShiprocket.check.id, ["ok", "down", "down", "down"], "expired-authentication");
    const before = getMerchantConnectionsView(t.db, w.kavya.id, NOW_MS);
    t.db.delete(checkResult).run();
    expect(getMerchantConnectionsView(t.db, w.kavya.id, NOW_MS)).toEqual(before);
  });

  function open(providerId: number) {
    createIncident(t.db, {
      title: "Other Pay down",
      providers: [{ providerId, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(NOW_MS - 10 * MINUTE_MS),
      firstUpdate: { status: "investigating", body: "Looking." },
    });
  }
});
