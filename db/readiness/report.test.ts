// The readiness report on a real SQLite file: the facts it gathers, the snapshot it saves,
// campaigns and snapshots scoped to their merchant, the calendar seed, forms and CSV.

import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { createIncident } from "../incidents/write";
import {
  cause,
  check,
  connection,
  connectionDailyRollup,
  highOrderPeriod,
  maintenance,
  maintenanceProvider,
  merchantCampaign,
  readinessSnapshot,
  recommendedAction,
} from "../schema";
import type { CauseSlug } from "../schema/enums";
import type { ReadinessItemRecord } from "../schema/types";
import { HighOrderPeriodsSchema, seedHighOrderPeriods } from "../seed/high-order-periods";
import { addDays, dayStartMs, HOUR_MS, lastDays } from "../time";
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from "./campaigns";
import { csvField, readinessCsv, readinessCsvFilename } from "./csv";
import { CampaignFormSchema, ReportFormSchema } from "./forms";
import { listUpcomingCalendar } from "./periods";
import { generateReport, ReadinessError } from "./report";
import { readinessMessage } from "./rules/wording";
import { compareSnapshots, getSnapshot, listSnapshots } from "./snapshots";

const NOW_MS = dayStartMs("2027-10-02") + 12 * HOUR_MS;
const CALENDAR_FILE = new URL("../seed/high-order-periods.json", import.meta.url);

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const periodId = (slug: string) => t.db.select().from(highOrderPeriod).where(eq(highOrderPeriod.slug, slug)).get()!.id;
const snapshotCount = () => t.db.select({ n: count() }).from(readinessSnapshot).get()!.n;
const causeId = (slug: CauseSlug) => t.db.select().from(cause).where(eq(cause.slug, slug)).get()!.id;
const guidanceText = (slug: string) => t.db.select().from(recommendedAction).where(eq(recommendedAction.slug, slug)).get()!.text;

/** Merchant A with a healthy Razorpay and a Shiprocket account, and merchant B with Razorpay only. */
function world() {
  const razorpay = addProvider(t.db, "razorpay", "payments").provider;
  const shiprocket = addProvider(t.db, "shiprocket", "logistics").provider;
  const [a] = addConnections(t.db, razorpay.id, 1, "a");
  const [b] = addConnections(t.db, razorpay.id, 1, "b");
  t.db
    .update(connection)
    .set({
      billingState: "active",
      verificationState: "verified",
      permissions: ["payments:read", "payments:create", "refunds:create", "webhooks:manage"],
    })
    .run();
  t.db.update(check).set({ state: "ok" }).where(eq(check.kind, "connection")).run();
  const logistics = t.db
    .insert(connection)
    .values({
      merchantId: a!.merchant.id,
      providerId: shiprocket.id,
      billingState: "active",
      verificationState: "not_required",
      permissions: ["orders:create", "shipments:create", "pickups:create", "tracking:read"],
      facts: { pickupAddressVerified: true, walletBalanceInr: 500 },
    })
    .returning()
    .get();
  return { razorpay, shiprocket, a: a!, b: b!, logistics };
}

const diwali = (expectedOrdersPerDay = 100) => ({ target: { kind: "period" as const, id: periodId("diwali-festive-sales-2027") }, expectedOrdersPerDay });
const item = (items: ReadinessItemRecord[], rule: string, providerSlug?: string) =>
  items.find((i) => i.rule === rule && i.provider?.slug === providerSlug);

describe("generating a report", () => {
  it("saves a snapshot of the period with items ordered by severity, a score and the guidance's actions", () => {
    const w = world();
    t.db.update(connection).set({ credentialExpiresAt: new Date(dayStartMs("2027-10-30") + 12 * HOUR_MS) }).where(eq(connection.id, w.a.connection.id)).run();
    const snapshot = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);

    expect(snapshot).toMatchObject({ periodName: { en: "Diwali and festive sales 2027", hi: "दिवाली और त्योहारी सेल 2027" }, startsOn: "2027-10-16", endsOn: "2027-10-31", expectedOrdersPerDay: 100 });
    const credentials = item(snapshot.items, "credentials-valid", "razorpay")!;
    expect(credentials).toMatchObject({ verdict: "fail", category: "payments", provider: { slug: "razorpay", name: "Razorpay" } });
    expect(credentials).toHaveProperty("action.en", "Reconnect the integration in ShopIQ settings and sign in to the provider again.");
    // Every text in every language: the guidance's own translation, and the rule's words.
    expect(credentials.action!.hi).toBe(guidanceText("cause-expired-authentication-reconnect").hi);
    expect(credentials.reason.as).toContain("৩০ অক্টো ২০২৭");
    // ₹500 against 100 shipments × 16 days × ₹60.
    expect(item(snapshot.items, "shipping-wallet", "shiprocket")).toMatchObject({
      verdict: "fail",
      action: { en: "Check your shipping wallet balance and recharge it if it is low." },
    });
    expect(snapshot.items.filter((i) => i.rule === "category-connected").map((i) => [i.category, i.verdict])).toEqual([
      ["messaging", "warning"],
      ["payments", "pass"],
      ["logistics", "pass"],
    ]);
    const ranks = snapshot.items.map((i) => ["fail", "warning", "pass"].indexOf(i.verdict));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    const fails = snapshot.items.filter((i) => i.verdict === "fail").length;
    const warnings = snapshot.items.filter((i) => i.verdict === "warning").length;
    expect(snapshot.score).toBe(Math.max(0, 100 - 20 * fails - 5 * warnings));

    const saved = getSnapshot(t.db, w.a.merchant.id, snapshot.id)!;
    expect(saved).toEqual(snapshot);
    expect(saved.generatedAtMs).toBe(NOW_MS);
  });

  it("saves a new dated snapshot every time, newest first", () => {
    const w = world();
    const first = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS - 14 * 24 * HOUR_MS);
    const second = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);
    expect(second.id).not.toBe(first.id);
    expect(listSnapshots(t.db, w.a.merchant.id).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(listSnapshots(t.db, w.b.merchant.id)).toEqual([]);
  });

  it("reads health from the connection's checks and its daily rollups of the last 30 days", () => {
    const w = world();
    t.db.update(check).set({ state: "down", lastCauseId: causeId("invalid-api-key") }).where(eq(check.connectionId, w.a.connection.id)).run();
    const days = lastDays(NOW_MS, 30);
    // 96% over the window: a warning. A day before the window, all down, does not count.
    t.db.insert(connectionDailyRollup).values({ connectionId: w.a.connection.id, day: addDays(days[0]!, -1), downCount: 1000 }).run();
    t.db
      .insert(connectionDailyRollup)
      .values([
        { connectionId: w.a.connection.id, day: days[0]!, okCount: 480, downCount: 20, causeCounts: { "invalid-api-key": 20 } },
        { connectionId: w.a.connection.id, day: days[29]!, okCount: 480, downCount: 20, causeCounts: { "invalid-api-key": 20 } },
      ])
      .run();
    const { items } = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);
    expect(item(items, "healthy-now", "razorpay")).toMatchObject({
      verdict: "fail",
      action: { en: "Copy the API key and secret again from the provider dashboard and paste them into ShopIQ without extra spaces." },
    });
    expect(item(items, "uptime-30-days", "razorpay")).toMatchObject({ verdict: "warning" });
    expect(item(items, "uptime-30-days", "razorpay")!.reason.en).toBe(
      "96.00% of 1,000 checks succeeded in the last 30 days, below 99%. Most failures were classified as “Invalid API key”.",
    );
    // Shiprocket's connection has no check at all.
    expect(item(items, "healthy-now", "shiprocket")).toMatchObject({ verdict: "warning" });
  });

  it("warns about the provider's maintenance inside the period only, and its open public incidents", () => {
    const w = world();
    const window = (title: string, fromMs: number, hours: number, cancelled = false) => {
      const m = t.db
        .insert(maintenance)
        .values({ title, scheduledFor: new Date(fromMs), scheduledUntil: new Date(fromMs + hours * HOUR_MS), cancelledAt: cancelled ? new Date(NOW_MS) : null })
        .returning()
        .get();
      t.db.insert(maintenanceProvider).values({ maintenanceId: m.id, providerId: w.razorpay.id }).run();
    };
    window("Gateway upgrade", dayStartMs("2027-10-31") + 23 * HOUR_MS, 2);
    window("Before the sale", dayStartMs("2027-10-10"), 2);
    window("Called off", dayStartMs("2027-10-20"), 2, true);
    window("After the sale", dayStartMs("2027-11-01"), 2);
    createIncident(t.db, {
      title: "Card payments failing",
      providers: [{ providerId: w.razorpay.id, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(NOW_MS - HOUR_MS),
      firstUpdate: { status: "investigating", body: "Looking into it." },
    });
    createIncident(t.db, {
      title: "A false alarm",
      providers: [{ providerId: w.shiprocket.id, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "probe",
      reviewState: "dismissed",
      startedAt: new Date(NOW_MS - HOUR_MS),
      firstUpdate: { status: "investigating", body: "Detected." },
    });

    const { items } = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);
    const maintenanceItem = item(items, "provider-maintenance", "razorpay")!;
    expect(maintenanceItem).toMatchObject({ verdict: "warning" });
    expect(maintenanceItem).toHaveProperty("reason.en", expect.stringContaining("“Gateway upgrade”"));
    expect(JSON.stringify(maintenanceItem)).not.toMatch(/Before the sale|Called off|After the sale/);
    expect(item(items, "open-incidents", "razorpay")).toMatchObject({
      verdict: "fail",
      action: { en: "If you have a second payment gateway connected, consider switching checkout to it until the outage ends." },
    });
    expect(item(items, "open-incidents", "shiprocket")).toMatchObject({ verdict: "pass" });
  });

  it("uses a campaign's own expected orders", () => {
    const w = world();
    const campaign = createCampaign(t.db, w.a.merchant.id, { name: "Anniversary sale", startsOn: "2027-10-05", endsOn: "2027-10-06", expectedOrdersPerDay: 3 });
    // ₹500 wallet: 3 orders × 2 days × ₹60 = ₹360.
    const snapshot = generateReport(t.db, w.a.merchant.id, { target: { kind: "campaign", id: campaign.id }, expectedOrdersPerDay: null }, NOW_MS);
    expect(snapshot).toMatchObject({ campaignId: campaign.id, periodId: null, periodName: { en: "Anniversary sale" }, expectedOrdersPerDay: 3 });
    expect(item(snapshot.items, "shipping-wallet", "shiprocket")).toMatchObject({ verdict: "pass" });
  });

  it("refuses another merchant's campaign as if it did not exist, and writes nothing", () => {
    const w = world();
    const theirs = createCampaign(t.db, w.b.merchant.id, { name: "B's sale", startsOn: "2027-10-05", endsOn: "2027-10-06", expectedOrdersPerDay: 3 });
    const attempt = () => generateReport(t.db, w.a.merchant.id, { target: { kind: "campaign", id: theirs.id }, expectedOrdersPerDay: null }, NOW_MS);
    expect(attempt).toThrowError(ReadinessError);
    expect(attempt).toThrowError(expect.objectContaining({ status: 404 }));
    const missing = () => generateReport(t.db, w.a.merchant.id, { target: { kind: "campaign", id: theirs.id + 100 }, expectedOrdersPerDay: null }, NOW_MS);
    expect(missing).toThrowError(expect.objectContaining({ status: 404, message: "There is no such period or campaign." }));
    expect(snapshotCount()).toBe(0);
  });

  it("refuses a period that has already ended", () => {
    const w = world();
    const attempt = () => generateReport(t.db, w.a.merchant.id, { target: { kind: "period", id: periodId("black-friday-2026") }, expectedOrdersPerDay: 10 }, NOW_MS);
    expect(attempt).toThrowError(expect.objectContaining({ status: 400, field: "target" }));
    expect(snapshotCount()).toBe(0);
  });
});

describe("snapshots", () => {
  it("compares two reports: items whose verdict changed, appeared or went", () => {
    const w = world();
    const before = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS - 14 * 24 * HOUR_MS);
    t.db.update(connection).set({ facts: { pickupAddressVerified: true, walletBalanceInr: 100_000 } }).where(eq(connection.id, w.logistics.id)).run();
    t.db.update(connection).set({ state: "disconnected" }).where(eq(connection.id, w.a.connection.id)).run();
    const after = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);

    const comparison = compareSnapshots(t.db, w.a.merchant.id, before.id, after.id)!;
    expect(comparison.from.id).toBe(before.id);
    expect(comparison.to.score).toBe(after.score);
    const change = (rule: string, provider?: string) => comparison.changed.find((c) => c.key === `${rule}|${c.category}|${provider ?? ""}`);
    expect(change("shipping-wallet", "shiprocket")).toMatchObject({ from: "fail", to: "pass" });
    expect(change("connected", "razorpay")).toMatchObject({ from: "pass", to: "fail" });
    expect(change("permissions", "razorpay")).toMatchObject({ from: "pass", to: null });
    expect(comparison.changed.find((c) => c.key === "category-connected|payments|")).toMatchObject({ from: "pass", to: "fail" });
    expect(comparison.changed.find((c) => c.key === "category-connected|messaging|")).toBeUndefined();
    expect(comparison.unchangedCount).toBeGreaterThan(0);
  });

  it("finds nothing of another merchant's: get and compare answer as for a missing id", () => {
    const w = world();
    const mine = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);
    const theirs = generateReport(t.db, w.b.merchant.id, diwali(), NOW_MS);
    expect(getSnapshot(t.db, w.a.merchant.id, theirs.id)).toBeNull();
    expect(compareSnapshots(t.db, w.a.merchant.id, mine.id, theirs.id)).toBeNull();
    expect(compareSnapshots(t.db, w.a.merchant.id, theirs.id, mine.id)).toBeNull();
    expect(compareSnapshots(t.db, w.a.merchant.id, mine.id, mine.id)).not.toBeNull();
  });

  it("reads a report saved before reports spoke Hindi and Assamese as English, and names a calendar period in each language", () => {
    const w = world();
    const snapshot = generateReport(t.db, w.a.merchant.id, diwali(), NOW_MS);
    const englishOnly = [
      { rule: "connected", verdict: "pass", category: "payments", provider: { slug: "razorpay", name: "Razorpay" }, title: "Connected", reason: "ShopIQ is connected to your Razorpay account." },
      { rule: "category-connected", verdict: "warning", category: "messaging", title: "WhatsApp messaging is connected", reason: "No WhatsApp provider is connected.", action: "Connect one." },
    ] as const;
    t.db.update(readinessSnapshot).set({ items: [...englishOnly] }).where(eq(readinessSnapshot.id, snapshot.id)).run();
    const saved = getSnapshot(t.db, w.a.merchant.id, snapshot.id)!;
    expect(saved.items).toEqual([
      { ...englishOnly[0], title: { en: "Connected" }, reason: { en: "ShopIQ is connected to your Razorpay account." } },
      { ...englishOnly[1], title: { en: "WhatsApp messaging is connected" }, reason: { en: "No WhatsApp provider is connected." }, action: { en: "Connect one." } },
    ]);
    expect(saved.periodName).toEqual({ en: "Diwali and festive sales 2027", hi: "दिवाली और त्योहारी सेल 2027" });
  });

  it("keeps a report when its campaign is deleted", () => {
    const w = world();
    const campaign = createCampaign(t.db, w.a.merchant.id, { name: "Flash sale", startsOn: "2027-10-05", endsOn: "2027-10-05", expectedOrdersPerDay: 10 });
    const snapshot = generateReport(t.db, w.a.merchant.id, { target: { kind: "campaign", id: campaign.id }, expectedOrdersPerDay: null }, NOW_MS);
    expect(deleteCampaign(t.db, w.a.merchant.id, campaign.id)).toBe(true);
    expect(getSnapshot(t.db, w.a.merchant.id, snapshot.id)).toMatchObject({ campaignId: null, periodName: { en: "Flash sale" } });
  });
});

describe("campaigns", () => {
  const input = { name: "Anniversary sale", startsOn: "2027-10-05", endsOn: "2027-10-07", expectedOrdersPerDay: 300 };

  it("are listed, changed and deleted only by their own merchant", () => {
    const w = world();
    const mine = createCampaign(t.db, w.a.merchant.id, input);
    expect(listCampaigns(t.db, w.a.merchant.id)).toEqual([mine]);
    expect(listCampaigns(t.db, w.b.merchant.id)).toEqual([]);
    expect(getCampaign(t.db, w.b.merchant.id, mine.id)).toBeNull();
    expect(updateCampaign(t.db, w.b.merchant.id, mine.id, { ...input, name: "Hijacked" })).toBeNull();
    expect(deleteCampaign(t.db, w.b.merchant.id, mine.id)).toBe(false);
    expect(getCampaign(t.db, w.a.merchant.id, mine.id)).toEqual(mine);
    expect(updateCampaign(t.db, w.a.merchant.id, mine.id, { ...input, name: "Renamed" })).toMatchObject({ name: "Renamed" });
    expect(deleteCampaign(t.db, w.a.merchant.id, mine.id)).toBe(true);
    expect(t.db.select({ n: count() }).from(merchantCampaign).get()!.n).toBe(0);
  });

  it("join the calendar of periods that have not ended, soonest first", () => {
    const w = world();
    createCampaign(t.db, w.a.merchant.id, { ...input, name: "Old sale", startsOn: "2027-09-01", endsOn: "2027-09-02" });
    createCampaign(t.db, w.a.merchant.id, input);
    createCampaign(t.db, w.b.merchant.id, { ...input, name: "B's sale" });
    const calendar = listUpcomingCalendar(t.db, w.a.merchant.id, "2027-10-02");
    const names = calendar.map((e) => (e.type === "period" ? e.name.en : e.name));
    expect(names).toEqual([
      "Navratri and Dussehra 2027",
      "Anniversary sale",
      "Diwali and festive sales 2027",
      "Black Friday to Cyber Monday 2027",
      "Christmas and New Year 2027–28",
    ]);
  });
});

describe("the calendar seed", () => {
  const file = () => JSON.parse(readFileSync(CALENDAR_FILE, "utf8")) as { version: 1; periods: { slug: string; startsOn: string }[] };

  it("is in every database with the guidance, from late 2026 through 2027", () => {
    const rows = t.db.select().from(highOrderPeriod).all();
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(["black-friday-2026", "holi-2027", "raksha-bandhan-2027", "diwali-festive-sales-2027", "christmas-new-year-2027"]));
    expect(rows.find((r) => r.slug === "holi-2027")).toMatchObject({ kind: "festival", endsOn: "2027-03-22", name: { en: "Holi 2027", hi: "होली 2027" } });
  });

  it("is idempotent: seeding again changes no row, and an edit in the file updates its period by slug", () => {
    const before = t.db.select().from(highOrderPeriod).all();
    expect(seedHighOrderPeriods(t.db)).toBe(before.length);
    expect(t.db.select().from(highOrderPeriod).all()).toEqual(before);

    const edited = file();
    edited.periods[0]!.startsOn = "2026-11-26";
    seedHighOrderPeriods(t.db, edited);
    const after = t.db.select().from(highOrderPeriod).all();
    expect(after).toHaveLength(before.length);
    expect(after.find((r) => r.slug === edited.periods[0]!.slug)).toMatchObject({ id: before[0]!.id, startsOn: "2026-11-26" });
  });

  it("rejects a file with an impossible date or a repeated slug, writing nothing", () => {
    const before = t.db.select().from(highOrderPeriod).all();
    const badDate = file();
    badDate.periods[1]!.startsOn = "2027-02-30";
    expect(() => seedHighOrderPeriods(t.db, badDate)).toThrow();
    const repeated = file();
    repeated.periods.push({ ...repeated.periods[0]! });
    expect(HighOrderPeriodsSchema.safeParse(repeated).success).toBe(false);
    expect(t.db.select().from(highOrderPeriod).all()).toEqual(before);
  });
});

describe("the campaign form", () => {
  const valid = { name: "Anniversary sale", startsOn: "2027-10-05", endsOn: "2027-10-07", expectedOrdersPerDay: "2,500" };
  /** Every issue, so a test sees a second message where the page would show only the first. */
  const errorsOf = (form: Record<string, string>) => {
    const parsed = CampaignFormSchema.safeParse(form);
    const errors: Record<string, string[]> = {};
    // The schema says keys; the page says them in the reader's language.
    for (const issue of parsed.success ? [] : parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(readinessMessage("en", issue.message));
    return errors;
  };

  it("accepts a campaign, reading 2,500 as 2500", () => {
    expect(CampaignFormSchema.parse(valid)).toEqual({ ...valid, expectedOrdersPerDay: 2500 });
    expect(CampaignFormSchema.parse({ ...valid, name: "x".repeat(120), startsOn: "2027-10-05", endsOn: "2027-10-05", expectedOrdersPerDay: "1000000" })).toMatchObject({
      expectedOrdersPerDay: 1_000_000,
    });
  });

  it("puts each problem at its field", () => {
    expect(errorsOf({ ...valid, name: "  " })).toHaveProperty("name");
    expect(errorsOf({ ...valid, name: "x".repeat(121) })).toHaveProperty("name", ["Keep the name to 120 characters or fewer."]);
    expect(errorsOf({ ...valid, startsOn: "2027-02-29" })).toHaveProperty("startsOn", ["Enter a real date, such as 2027-10-29."]);
    expect(errorsOf({ ...valid, endsOn: "" })).toHaveProperty("endsOn", ["Enter the last day of the campaign."]);
    expect(errorsOf({ ...valid, endsOn: "2027-10-04" })).toEqual({ endsOn: ["The last day cannot be before the first day."] });
    expect(errorsOf({ ...valid, endsOn: "2028-01-06" })).toEqual({ endsOn: ["A campaign can last at most 92 days."] });
    expect(errorsOf({ ...valid, expectedOrdersPerDay: "0" })).toHaveProperty("expectedOrdersPerDay", ["Expect at least 1 order per day."]);
    expect(errorsOf({ ...valid, expectedOrdersPerDay: "1.5" })).toHaveProperty("expectedOrdersPerDay", ["Enter a whole number of orders, such as 250."]);
    expect(errorsOf({ ...valid, expectedOrdersPerDay: "1000001" })).toHaveProperty("expectedOrdersPerDay", ["Enter at most 10,00,000 orders per day."]);
    expect(errorsOf({ ...valid, expectedOrdersPerDay: "" })).toHaveProperty("expectedOrdersPerDay", ["Enter the orders you expect per day."]);
  });

  it("needs expected orders for a calendar period but not for a campaign", () => {
    expect(ReportFormSchema.safeParse({ target: "period:3" }).success).toBe(false);
    expect(ReportFormSchema.parse({ target: "period:3", expectedOrdersPerDay: "40" })).toEqual({ target: { kind: "period", id: 3 }, expectedOrdersPerDay: 40 });
    expect(ReportFormSchema.parse({ target: "campaign:7", expectedOrdersPerDay: "" })).toEqual({ target: { kind: "campaign", id: 7 }, expectedOrdersPerDay: null });
    expect(ReportFormSchema.safeParse({ target: "campaign:0" }).success).toBe(false);
    expect(ReportFormSchema.safeParse({ target: "merchant:1" }).success).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes as RFC 4180 says and defuses cells a spreadsheet would run as formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+91 98")).toBe("'+91 98");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tx")).toBe("'\tx");
  });

  const items: ReadinessItemRecord[] = [
    {
      rule: "permissions",
      verdict: "fail",
      category: "payments",
      provider: { slug: "razorpay", name: "Razorpay" },
      title: { en: "Permissions", hi: "अनुमतियाँ" },
      reason: { en: "Missing refunds:create, webhooks:manage.", hi: "refunds:create, webhooks:manage नहीं हैं।" },
      action: { en: "Reconnect." },
    },
    { rule: "category-connected", verdict: "warning", category: "messaging", title: { en: "WhatsApp messaging is connected" }, reason: { en: "=1+1" } },
  ];

  it("writes a header and one row per item, with CRLF line ends and a byte order mark", () => {
    expect(readinessCsv({ items }, "en")).toBe(
      "\uFEFFVerdict,Category,Provider,Check,Reason,Recommended action\r\n" +
        'Fail,Payments,Razorpay,Permissions,"Missing refunds:create, webhooks:manage.",Reconnect.\r\n' +
        "Warning,Messaging,,WhatsApp messaging is connected,'=1+1,\r\n",
    );
  });

  it("is written in the reader's language, with English where a text has no translation", () => {
    const [header, first] = readinessCsv({ items }, "hi").replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("नतीजा,श्रेणी,प्रोवाइडर,जाँच,वजह,सुझाया गया कदम");
    expect(first).toBe('फ़ेल,पेमेंट,Razorpay,अनुमतियाँ,"refunds:create, webhooks:manage नहीं हैं।",Reconnect.');
  });

  it("names the file after the period and the day the report was generated, in India", () => {
    expect(readinessCsvFilename({ periodName: { en: "Christmas and New Year 2027–28" }, generatedAtMs: dayStartMs("2027-12-01") + 30 * 60_000 })).toBe(
      "readiness-christmas-and-new-year-2027-28-2027-12-01.csv",
    );
    expect(readinessCsvFilename({ periodName: { en: "दिवाली" }, generatedAtMs: dayStartMs("2027-10-01") })).toBe("readiness-period-2027-10-01.csv");
  });
});
