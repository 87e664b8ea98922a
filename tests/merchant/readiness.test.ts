// The readiness review through the real server, as a browser without JavaScript uses it:
// campaigns, reports, CSV, snapshots and their comparison, and that no merchant reaches
// another's by changing an id, and ops reading a merchant cannot change anything.

import { and, asc, count, eq, exists, gte } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { category, check, connection, highOrderPeriod, merchant, merchantCampaign, provider, readinessSnapshot } from "../../db/schema";
import type { CategorySlug } from "../../db/schema/enums";
import { addDays, dayKey, dayStartMs, HOUR_MS } from "../../db/time";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import { addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { formatterIn } from "../support/i18n";
import { pageText } from "../support/html";
import { pageErrors, seriousViolations } from "../support/page-checks";
import { merchantClient } from "../support/merchant";
import { addUser, Client } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

/** Dates and numbers as the English pages write them. */
const en = formatterIn("en");

let t: TestDatabase;
let server: RunningServer;
let kavya: Client;
let brahmaputra: Client;
let ops: Client;
let kavyaId: number;
let otherId: number;
/** The next period on the seeded calendar that starts at least a week from today. */
let period: typeof highOrderPeriod.$inferSelect;
let othersCampaignId: number;
let othersSnapshotId: number;

const TODAY = dayKey(Date.now());
/** Words only the other merchant's data holds: none may show on Kavya's pages, nor Kavya's on theirs. */
const OTHER_MERCHANTS_WORDS = ["Brahmaputra Teas", "Bihu Tea Sale"];
const KAVYAS_WORDS = ["Kavya Crafts", "Kavya's Diwali restock", "Holiday gift boxes"];

const count_ = (table: typeof merchantCampaign | typeof readinessSnapshot) => t.db.select({ n: count() }).from(table).get()!.n;
const campaignsOf = (merchantId: number) => t.db.select().from(merchantCampaign).where(eq(merchantCampaign.merchantId, merchantId)).all();
const snapshotsOf = (merchantId: number) => t.db.select().from(readinessSnapshot).where(eq(readinessSnapshot.merchantId, merchantId)).all();

function connect(merchantId: number, providerId: number, values: Partial<typeof connection.$inferInsert>) {
  const conn = t.db.insert(connection).values({ merchantId, providerId, billingState: "active", ...values }).returning().get();
  t.db.insert(check).values({ slug: `connection-${conn.id}`, name: "Connection health", kind: "connection", providerId, connectionId: conn.id, state: "ok" }).run();
  return conn;
}

const campaignForm = (overrides: Record<string, string> = {}) => ({
  intent: "add-campaign",
  name: "Holiday gift boxes",
  startsOn: addDays(TODAY, 10),
  endsOn: addDays(TODAY, 12),
  expectedOrdersPerDay: "250",
  ...overrides,
});

beforeAll(async () => {
  t = guidanceDatabase();
  const razorpay = addProvider(t.db, "razorpay", "payments").provider;
  const shiprocket = addProvider(t.db, "shiprocket", "logistics").provider;
  const gupshup = addProvider(t.db, "gupshup", "messaging").provider;
  kavyaId = t.db.insert(merchant).values({ externalId: "store-101", name: "Kavya Crafts" }).returning().get().id;
  otherId = t.db.insert(merchant).values({ externalId: "store-202", name: "Brahmaputra Teas" }).returning().get().id;
  const next = t.db.select().from(highOrderPeriod).where(gte(highOrderPeriod.startsOn, addDays(TODAY, 7))).orderBy(asc(highOrderPeriod.startsOn)).get();
  if (!next) throw new Error("db/seed/high-order-periods.json has no period left to review: add the next year's sale seasons and festivals");
  period = next;

  // Kavya's Razorpay key expires on the day before the period's last day.
  connect(kavyaId, razorpay.id, {
    verificationState: "verified",
    permissions: ["payments:read", "payments:create", "refunds:create", "webhooks:manage"],
    credentialExpiresAt: new Date(dayStartMs(addDays(period.endsOn, -1)) + 12 * HOUR_MS),
  });
  connect(kavyaId, shiprocket.id, {
    verificationState: "not_required",
    permissions: ["orders:create", "shipments:create", "pickups:create", "tracking:read"],
    facts: { pickupAddressVerified: true, walletBalanceInr: 2_000 },
  });
  connect(kavyaId, gupshup.id, {
    verificationState: "verified",
    permissions: ["whatsapp_business_messaging", "whatsapp_business_management"],
    facts: { phoneNumberStatus: "connected", templatesApproved: 6, templatesPending: 0, dailyMessagingLimit: 1_000 },
  });
  connect(otherId, razorpay.id, { verificationState: "pending" });

  server = await startServer(t.db);
  kavya = await merchantClient(server, t.db, "store-101");
  brahmaputra = await merchantClient(server, t.db, "store-202");
  await addUser(t.db, "ops@shopiq.example");
  ops = new Client(server.baseUrl);
  await ops.signIn("ops@shopiq.example");

  // The other merchant's own campaign and report, which Kavya's client will try to reach.
  expect((await brahmaputra.post("/merchant/readiness?index", campaignForm({ name: "Bihu Tea Sale" }))).status).toBe(302);
  othersCampaignId = campaignsOf(otherId)[0]!.id;
  const generated = await brahmaputra.post("/merchant/readiness?index", { intent: "generate", target: `campaign:${othersCampaignId}` });
  expect(generated.status).toBe(302);
  othersSnapshotId = snapshotsOf(otherId)[0]!.id;
});
afterAll(async () => {
  await server.close();
  t.close();
});

describe("the readiness page", () => {
  it("shows the calendar of upcoming periods, the forms and the merchant's own things only", async () => {
    const response = await kavya.get("/merchant/readiness");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await pageText(response);
    expect(html).toContain(period.name.en);
    expect(html).toContain(`value="period:${period.id}"`);
    expect(html).toContain('name="expectedOrdersPerDay"');
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/merchant\/readiness\?index"/);
    for (const word of OTHER_MERCHANTS_WORDS) expect(html).not.toContain(word);
  });

  it("answers a visitor without a session with 401 and no data", async () => {
    const response = await new Client(server.baseUrl).get("/merchant/readiness");
    expect(response.status).toBe(401);
    const posted = await new Client(server.baseUrl).post("/merchant/readiness?index", campaignForm());
    expect(posted.status).toBe(401);
  });
});

describe("campaigns", () => {
  it("are added, edited and deleted by their merchant", async () => {
    const added = await kavya.post("/merchant/readiness?index", campaignForm({ name: "Kavya's Diwali restock", expectedOrdersPerDay: "1,200" }));
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe("/merchant/readiness?done=campaign-added#campaigns");
    const [campaign] = campaignsOf(kavyaId);
    expect(campaign).toMatchObject({ name: "Kavya's Diwali restock", expectedOrdersPerDay: 1200, startsOn: addDays(TODAY, 10) });
    const page = await pageText(await kavya.get("/merchant/readiness?done=campaign-added"));
    expect(page).toContain("Campaign added to your calendar.");
    expect(page).toContain(`href="/merchant/readiness/campaigns/${campaign!.id}"`);

    const editPage = await kavya.get(`/merchant/readiness/campaigns/${campaign!.id}`);
    expect(editPage.status).toBe(200);
    expect(await pageText(editPage)).toContain('value="Kavya&#x27;s Diwali restock"');
    const saved = await kavya.post(`/merchant/readiness/campaigns/${campaign!.id}`, { ...campaignForm(), intent: "save", expectedOrdersPerDay: "300" });
    expect(saved.status).toBe(302);
    expect(campaignsOf(kavyaId)).toEqual([expect.objectContaining({ id: campaign!.id, name: "Holiday gift boxes", expectedOrdersPerDay: 300 })]);

    const deleted = await kavya.post(`/merchant/readiness/campaigns/${campaign!.id}`, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/merchant/readiness?done=campaign-deleted#campaigns");
    expect(campaignsOf(kavyaId)).toEqual([]);
  });

  it("answer a wrong form with 400, the errors next to their fields, and write nothing", async () => {
    const before = count_(merchantCampaign);
    const response = await kavya.post(
      "/merchant/readiness?index",
      campaignForm({ name: " ", startsOn: "2027-02-30", endsOn: addDays(TODAY, 3), expectedOrdersPerDay: "0" }),
    );
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toMatch(/id="campaign-name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="campaign-name"/);
    expect(html).toContain('<p id="campaign-name-error" class="field-error">Give the campaign a name, such as “Anniversary sale”.</p>');
    expect(html).toContain('<p id="campaign-startsOn-error" class="field-error">Enter a real date, such as 2027-10-29.</p>');
    expect(html).toContain('<p id="campaign-expectedOrdersPerDay-error" class="field-error">Expect at least 1 order per day.</p>');
    // What was typed stays in the form.
    expect(html).toContain('value="2027-02-30"');

    const backwards = await kavya.post("/merchant/readiness?index", campaignForm({ startsOn: addDays(TODAY, 5), endsOn: addDays(TODAY, 4) }));
    expect(backwards.status).toBe(400);
    expect(await pageText(backwards)).toContain('<p id="campaign-endsOn-error" class="field-error">The last day cannot be before the first day.</p>');
    expect(count_(merchantCampaign)).toBe(before);
  });

  it("answer a wrong edit with 400 and leave the campaign as it was", async () => {
    await kavya.post("/merchant/readiness?index", campaignForm());
    const [campaign] = campaignsOf(kavyaId);
    const response = await kavya.post(`/merchant/readiness/campaigns/${campaign!.id}`, { ...campaignForm(), intent: "save", expectedOrdersPerDay: "2000000" });
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain('<p id="expectedOrdersPerDay-error" class="field-error">Enter at most 10,00,000 orders per day.</p>');
    expect(campaignsOf(kavyaId)).toEqual([campaign]);
    await kavya.post(`/merchant/readiness/campaigns/${campaign!.id}`, { intent: "delete" });
  });
});

describe("reports", () => {
  let reportId: number;

  it("are generated for a calendar period with the merchant's expected orders, and open at once", async () => {
    const response = await kavya.post("/merchant/readiness?index", { intent: "generate", target: `period:${period.id}`, expectedOrdersPerDay: "200" });
    expect(response.status).toBe(302);
    const [snapshot] = snapshotsOf(kavyaId);
    reportId = snapshot!.id;
    expect(response.headers.get("location")).toBe(`/merchant/readiness/reports/${reportId}`);
    expect(snapshot).toMatchObject({ periodId: period.id, expectedOrdersPerDay: 200, startsOn: period.startsOn, endsOn: period.endsOn });

    const page = await kavya.get(`/merchant/readiness/reports/${reportId}`);
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain(`Readiness report: ${period.name.en}`);
    expect(html).toContain(`Readiness score: <span class="score-card__value">${snapshot!.score}</span> / 100`);
    expect(html).toContain("The score starts at 100. Each <strong>fail</strong> takes away 20 points");
    expect(html).toContain(
      `The credentials (API key or login) expire on ${en.day(addDays(period.endsOn, -1))}, before the period ends on ${en.day(period.endsOn)}.`,
    );
    expect(html).toContain("<strong>What to do:</strong> Reconnect the integration in ShopIQ settings and sign in to the provider again.");
    // ₹2,000 against 200 orders × ₹60: not even one day (₹12,000).
    const days = Math.round((Date.parse(period.endsOn) - Date.parse(period.startsOn)) / (24 * HOUR_MS)) + 1;
    expect(html).toContain(
      `The balance of ₹2,000 is below 200 shipments a day × ${days} days × ₹60 a shipment = ₹${en.count(200 * days * 60)}; it does not cover one day of shipments.`,
    );
    // Verdicts are words, fails before passes.
    expect(html.indexOf('<span class="verdict verdict--fail">')).toBeLessThan(html.indexOf('<span class="verdict verdict--pass">'));
    expect(html).toContain(`href="/merchant/readiness/reports/${reportId}?print"`);
    expect(html).toContain(`href="/merchant/readiness/reports/${reportId}.csv"`);
  });

  it("come with a print stylesheet for a clean A4 page", async () => {
    const html = await pageText(await kavya.get(`/merchant/readiness/reports/${reportId}?print`));
    expect(html).toContain("This is the print view.");
    const href = html.match(/<link rel="stylesheet" href="(\/build\/_assets\/readiness-[^"]+\.css)"/)?.[1];
    expect(href).toBeDefined();
    const css = await (await kavya.get(href!)).text();
    expect(css).toMatch(/@page\s*{\s*size:\s*A4;\s*margin:\s*15mm;?\s*}/);
    expect(css).toMatch(/@media print/);
    expect(css).toMatch(/break-inside:\s*avoid/);
  });

  it("download as CSV with a header row and one row per item", async () => {
    const response = await kavya.get(`/merchant/readiness/reports/${reportId}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const snapshot = snapshotsOf(kavyaId).find((s) => s.id === reportId)!;
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="readiness-${period.name.en.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "")}-${dayKey(snapshot.generatedAt.getTime())}.csv"`,
    );
    const body = await response.text();
    const lines = body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Verdict,Category,Provider,Check,Reason,Recommended action");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1)).toHaveLength(snapshot.items.length);
    expect(lines[1]).toMatch(/^Fail,/);
    expect(body).toContain("Fail,Payments,Razorpay,Credentials valid through the period,");
  });

  it("answer a period without expected orders with 400 at the field, and save nothing", async () => {
    const before = count_(readinessSnapshot);
    const response = await kavya.post("/merchant/readiness?index", { intent: "generate", target: `period:${period.id}`, expectedOrdersPerDay: "" });
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain('<p id="report-expectedOrdersPerDay-error" class="field-error">Enter the orders you expect per day.</p>');
    expect(count_(readinessSnapshot)).toBe(before);
  });

  it("are saved each time and listed, and two can be compared", async () => {
    // Topped up and reconnected since the first report.
    t.db.update(connection).set({ credentialExpiresAt: null }).where(eq(connection.merchantId, kavyaId)).run();
    expect((await kavya.post("/merchant/readiness?index", { intent: "generate", target: `period:${period.id}`, expectedOrdersPerDay: "200" })).status).toBe(302);
    const [first, second] = snapshotsOf(kavyaId);
    const page = await pageText(await kavya.get("/merchant/readiness"));
    expect(page).toContain(`href="/merchant/readiness/reports/${first!.id}"`);
    expect(page).toContain(`href="/merchant/readiness/reports/${second!.id}"`);
    expect(page).toMatch(/<form[^>]*method="get"[^>]*action="\/merchant\/readiness\/compare"/);

    const response = await kavya.get(`/merchant/readiness/compare?from=${first!.id}&to=${second!.id}`);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toMatch(/<th scope="row">Razorpay: Credentials valid through the period<\/th><td><span class="verdict verdict--fail">.*?Fail<\/span><\/td><td><span class="verdict verdict--pass">/);
    expect(html).toContain("No expiry date is recorded for the credentials (API key or login).");
  });
});

describe("another merchant", () => {
  it("cannot open, edit or delete Kavya's campaign by its id", async () => {
    await kavya.post("/merchant/readiness?index", campaignForm({ name: "Kavya's Diwali restock" }));
    const mine = campaignsOf(kavyaId)[0]!;
    const missing = await brahmaputra.get("/merchant/readiness/campaigns/999999");
    const page = await brahmaputra.get(`/merchant/readiness/campaigns/${mine.id}`);
    expect(page.status).toBe(404);
    expect(missing.status).toBe(404);
    const html = await pageText(page);
    for (const word of KAVYAS_WORDS) expect(html).not.toContain(word);

    for (const form of [{ ...campaignForm({ name: "Taken over" }), intent: "save" }, { ...campaignForm({ name: "" }), intent: "save" }, { intent: "delete" }]) {
      const response = await brahmaputra.post(`/merchant/readiness/campaigns/${mine.id}`, form);
      expect(response.status, form.intent).toBe(404);
      const body = await pageText(response);
      for (const word of KAVYAS_WORDS) expect(body).not.toContain(word);
    }
    expect(campaignsOf(kavyaId)).toEqual([mine]);
  });

  it("cannot generate a report for Kavya's campaign, nor make one appear among Kavya's", async () => {
    const mine = campaignsOf(kavyaId)[0]!;
    const before = count_(readinessSnapshot);
    const response = await brahmaputra.post("/merchant/readiness?index", { intent: "generate", target: `campaign:${mine.id}` });
    expect(response.status).toBe(404);
    const body = await pageText(response);
    for (const word of KAVYAS_WORDS) expect(body).not.toContain(word);
    expect(count_(readinessSnapshot)).toBe(before);
  });

  it("cannot open Kavya's report, download its CSV or compare it, by changing ids", async () => {
    const kavyas = snapshotsOf(kavyaId).map((s) => s.id);
    const paths = [
      `/merchant/readiness/reports/${kavyas[0]}`,
      `/merchant/readiness/reports/${kavyas[0]}?print`,
      `/merchant/readiness/reports/${kavyas[0]}.csv`,
      `/merchant/readiness/compare?from=${kavyas[0]}&to=${kavyas[1]}`,
      `/merchant/readiness/compare?from=${othersSnapshotId}&to=${kavyas[0]}`,
      `/merchant/readiness/compare?from=${kavyas[0]}&to=${othersSnapshotId}`,
    ];
    for (const path of paths) {
      const response = await brahmaputra.get(path);
      expect(response.status, path).toBe(404);
      const body = await pageText(response);
      for (const word of [...KAVYAS_WORDS, period.name.en, "Credentials valid"]) expect(body, path).not.toContain(word);
    }
    // Their own report still opens: the 404s above are about whose it is.
    expect((await brahmaputra.get(`/merchant/readiness/reports/${othersSnapshotId}`)).status).toBe(200);
    expect((await brahmaputra.get(`/merchant/readiness/compare?from=${othersSnapshotId}&to=${othersSnapshotId}`)).status).toBe(200);
  });

  it("is not visible to Kavya either", async () => {
    expect((await kavya.get(`/merchant/readiness/reports/${othersSnapshotId}.csv`)).status).toBe(404);
    expect((await kavya.get(`/merchant/readiness/campaigns/${othersCampaignId}`)).status).toBe(404);
    const html = await pageText(await kavya.get("/merchant/readiness"));
    for (const word of OTHER_MERCHANTS_WORDS) expect(html).not.toContain(word);
  });
});

describe("ops reading a merchant's readiness", () => {
  it("see the merchant's calendar, campaigns and reports, with links that stay on that merchant, and no forms", async () => {
    const response = await ops.get(`/merchant/readiness?merchant=${kavyaId}`);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain("Ops view is read-only");
    expect(html).not.toContain('method="post" class="stack-form');
    const report = snapshotsOf(kavyaId)[0]!.id;
    expect(html).toContain(`href="/merchant/readiness/reports/${report}?merchant=${kavyaId}"`);
    expect(html).toContain(`<input type="hidden" name="merchant" value="${kavyaId}"/>`);
    expect((await ops.get(`/merchant/readiness/reports/${report}?merchant=${kavyaId}`)).status).toBe(200);
    expect((await ops.get(`/merchant/readiness/reports/${report}.csv?merchant=${kavyaId}`)).status).toBe(200);
  });

  it("get 403 on every action and change nothing", async () => {
    const campaign = campaignsOf(kavyaId)[0]!;
    const before = { campaigns: count_(merchantCampaign), snapshots: count_(readinessSnapshot) };
    const attempts: [string, Record<string, string>][] = [
      [`/merchant/readiness?index&merchant=${kavyaId}`, campaignForm()],
      [`/merchant/readiness?index&merchant=${kavyaId}`, campaignForm({ name: "" })],
      [`/merchant/readiness?index&merchant=${kavyaId}`, { intent: "generate", target: `period:${period.id}`, expectedOrdersPerDay: "10" }],
      [`/merchant/readiness?index&merchant=${kavyaId}`, { intent: "generate", target: `campaign:${campaign.id}` }],
      [`/merchant/readiness/campaigns/${campaign.id}?merchant=${kavyaId}`, { ...campaignForm({ name: "Changed by ops" }), intent: "save" }],
      [`/merchant/readiness/campaigns/${campaign.id}?merchant=${kavyaId}`, { intent: "delete" }],
    ];
    for (const [path, form] of attempts) expect((await ops.post(path, form)).status, `${path} ${form.intent}`).toBe(403);
    expect({ campaigns: count_(merchantCampaign), snapshots: count_(readinessSnapshot) }).toEqual(before);
    expect(campaignsOf(kavyaId)).toEqual([campaign]);
  });
});

describe("the readiness review in Chromium, on the demo", () => {
  let demo: Awaited<ReturnType<typeof demoInChromium>> | undefined;
  let browser: Browser;
  let baseUrl: string;
  let cookie: { name: string; value: string; url: string };
  const signIn = (page: Page) => page.context().addCookies([cookie]);

  beforeAll(async () => {
    demo = await demoInChromium();
    browser = demo.browser;
    baseUrl = demo.server.baseUrl;
    // A merchant with a payment gateway, a logistics partner and WhatsApp: every kind of item.
    const uses = (slug: CategorySlug) =>
      exists(
        demo!.t.db
          .select({ id: connection.id })
          .from(connection)
          .innerJoin(provider, eq(provider.id, connection.providerId))
          .innerJoin(category, eq(category.id, provider.categoryId))
          .where(and(eq(connection.merchantId, merchant.id), eq(category.slug, slug))),
      );
    const chosen = demo.t.db.select({ externalId: merchant.externalId }).from(merchant).where(and(uses("payments"), uses("logistics"), uses("messaging"))).get()!;
    const client = await merchantClient(demo.server, demo.t.db, chosen.externalId);
    const [name, value] = client.cookie.split("=") as [string, string];
    cookie = { name, value, url: baseUrl };
  });
  afterAll(() => demo?.close());

  it("adds a campaign and generates its report with JavaScript off, then prints a clean A4 page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/merchant/readiness`);
    await page.getByLabel("Name").fill("Winter clearance");
    await page.getByLabel("First day").fill(addDays(TODAY, 20));
    await page.getByLabel("Last day").fill(addDays(TODAY, 26));
    await page.locator("#campaign-expectedOrdersPerDay").fill("400");
    await page.getByRole("button", { name: "Add campaign" }).click();
    await expect(page.getByText("Campaign added to your calendar.").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/readiness-page.png`, fullPage: true });

    await page.getByLabel("Period or campaign").selectOption({ label: `Winter clearance (${en.dayRange(addDays(TODAY, 20), addDays(TODAY, 26))})` });
    await page.getByRole("button", { name: "Generate report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Readiness report: Winter clearance" }).isVisible()).resolves.toBe(true);
    const reportUrl = page.url();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/readiness-report-screen.png` });

    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-header", ".merchant-bar", ".breadcrumb", ".report-tools", ".site-footer"]) {
      await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
    }
    await expect(page.locator(".readiness-item").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/readiness-report-print.png` });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: `${ARTIFACTS_DIR}/readiness-report.pdf` });
    // A4 is 595 × 842 points.
    const mediaBox = pdf.toString("latin1").match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Math.round(Number(mediaBox?.[1]))).toBe(595);
    expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
    await context.close();

    expect(await pageErrors(browser, reportUrl, signIn)).toEqual([]);
    expect(await seriousViolations(browser, reportUrl, signIn)).toEqual([]);
  });

  it("hydrates the readiness page without errors and has no serious accessibility violations", async () => {
    const url = `${baseUrl}/merchant/readiness`;
    expect(await pageErrors(browser, url, signIn)).toEqual([]);
    expect(await seriousViolations(browser, url, signIn)).toEqual([]);
  });
});

