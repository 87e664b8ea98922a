import { and, eq, exists } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIncident } from "../../db/incidents/write";
import { recordCheckResult } from "../../db/rollups/record-result";
import { cause, check, connection, merchant, provider, workflow } from "../../db/schema";
import type { CauseSlug, CheckOutcome } from "../../db/schema/enums";
import { MINUTE_MS } from "../../db/time";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import { addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { pageErrors, seriousViolations } from "../support/page-checks";
import { merchantClient } from "../support/merchant";
import { addUser, Client } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let kavyaId: number;
let otherId: number;
let razorpayIncidentId: number;

/** What the other merchant has, none of which Kavya's page may ever show. */
const OTHER_MERCHANTS_WORDS = ["Brahmaputra Teas", "store-202", "Zeta Payments", "zeta-payments", "Zeta Payments outage"];

function connect(merchantId: number, providerId: number) {
  const conn = t.db.insert(connection).values({ merchantId, providerId }).returning().get();
  return t.db
    .insert(check)
    .values({ slug: `connection-${conn.id}`, name: "Connection health", kind: "connection", providerId, connectionId: conn.id })
    .returning()
    .get();
}

function record(checkId: number, outcomes: CheckOutcome[], causeSlug: CauseSlug | null) {
  const end = Date.now() - MINUTE_MS;
  outcomes.forEach((outcome, i) =>
    recordCheckResult(t.db, {
      checkId,
      checkedAt: new Date(end - (outcomes.length - 1 - i) * MINUTE_MS),
      outcome,
      latencyMs: outcome === "down" ? null : 150,
      cause: outcome === "ok" ? null : causeSlug,
    }),
  );
}

function openIncident(providerId: number, title: string, workflowSlug: string) {
  const wf = t.db.select({ id: workflow.id }).from(workflow).where(eq(workflow.slug, workflowSlug)).get()!;
  const downtime = t.db.select({ id: cause.id }).from(cause).where(eq(cause.slug, "provider-downtime")).get()!;
  return createIncident(t.db, {
    title,
    providers: [{ providerId, impact: "partial_outage" }],
    workflowIds: [wf.id],
    causeId: downtime.id,
    source: "ops",
    startedAt: new Date(Date.now() - 20 * MINUTE_MS),
    firstUpdate: { status: "identified", body: "Payments are timing out at the gateway." },
  });
}

beforeAll(async () => {
  t = guidanceDatabase();
  const shiprocket = addProvider(t.db, "shiprocket", "logistics").provider;
  const razorpay = addProvider(t.db, "razorpay", "payments").provider;
  const zeta = addProvider(t.db, "zeta-payments", "payments").provider;
  kavyaId = t.db.insert(merchant).values({ externalId: "store-101", name: "Kavya Crafts" }).returning().get().id;
  otherId = t.db.insert(merchant).values({ externalId: "store-202", name: "Brahmaputra Teas" }).returning().get().id;

  record(connect(kavyaId, shiprocket.id).id, ["ok", "down", "down", "down"], "expired-authentication");
  record(connect(kavyaId, razorpay.id).id, ["ok", "ok"], null);
  record(connect(otherId, zeta.id).id, ["down", "down", "down"], "invalid-api-key");
  razorpayIncidentId = openIncident(razorpay.id, "Razorpay checkout failing", "online-checkout-payments");
  openIncident(zeta.id, "Zeta Payments outage", "refunds-and-settlements");
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

/** The page's text as a person reads it: React's comments gone and its entities decoded. */
const readable = async (response: Response) =>
  (await pageText(response)).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

const expectNothingOfTheOtherMerchant = (html: string) => {
  for (const word of OTHER_MERCHANTS_WORDS) expect(html, word).not.toContain(word);
};

describe("My connections, for the signed-in merchant", () => {
  it("shows a failing connection's cause in plain words, its side, and the steps from the guidance", async () => {
    const client = await merchantClient(server, t.db, "store-101");
    const response = await client.get("/merchant");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await readable(response);
    expect(html).toContain("<h1>My connections</h1>");
    expect(html).toContain("Your Shiprocket API token or login has expired.");
    expect(html).toContain("Your account");
    // What to check first, the cause's steps, the category's advice and checklist.
    expect(html).toContain("Check this status page and the provider's own status page for a known outage.");
    expect(html).toContain("Reconnect the integration in ShopIQ settings and sign in to the provider again.");
    expect(html).toContain("You may ship manually while the logistics integration is restored.");
    expect(html).toContain("Check your shipping wallet balance and recharge it if it is low.");
    expect(html.indexOf("Check this status page")).toBeLessThan(html.indexOf("Reconnect the integration in ShopIQ settings"));
    expect(html.indexOf("Reconnect the integration in ShopIQ settings")).toBeLessThan(html.indexOf("Check your shipping wallet balance"));
    expect(html).toContain("Working");
    expect(html).toContain("What ShopIQ can and cannot promise");
  });

  it("puts the open incident of the merchant's provider on top, with what breaks and its actions, linking to its public page", async () => {
    const client = await merchantClient(server, t.db, "store-101");
    const html = await readable(await client.get("/merchant"));
    expect(html).toContain("Provider incidents affecting your connections");
    expect(html).toContain(`href="/incidents/${razorpayIncidentId}"`);
    expect(html).toContain("Customers may be unable to pay online at checkout");
    expect(html).toContain("Do not fulfil unpaid orders unless payment is verified");
    expect(html.indexOf("Razorpay checkout failing")).toBeLessThan(html.indexOf('id="your-connections"'));
  });

  it("draws every chart on the server, each with its own ids, and a table for each", async () => {
    const client = await merchantClient(server, t.db, "store-101");
    const html = await pageText(await client.get("/merchant"));
    // Two connections' daily charts and the weekly causes chart.
    expect(html.match(/class="recharts-surface"/g)?.length).toBe(3);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain("Days with downtime as a table");
    expect(html).toContain("Failed checks per week as a table");
  });

  it("never shows another merchant's providers, connections or incidents", async () => {
    const client = await merchantClient(server, t.db, "store-101");
    expectNothingOfTheOtherMerchant(await readable(await client.get("/merchant")));
    const other = await merchantClient(server, t.db, "store-202");
    const theirs = await readable(await other.get("/merchant"));
    expect(theirs).toContain("The Zeta Payments API key saved in ShopIQ is not valid.");
    expect(theirs).not.toContain("Shiprocket");
    expect(theirs).not.toContain("Kavya Crafts");
  });

  it("does not switch merchants when a merchant adds ?merchant= with another merchant's id", async () => {
    const client = await merchantClient(server, t.db, "store-101");
    for (const path of [`/merchant?merchant=${otherId}`, `/merchant/?merchant=${otherId}`, `/merchant?merchant=${otherId}&_data=routes%2Fmerchant._index`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      const body = await readable(response);
      expect(body, path).toContain("Your Shiprocket API token or login has expired.");
      expectNothingOfTheOtherMerchant(body);
    }
  });

  it("answers without a session with no merchant's data, whatever id the URL names", async () => {
    const anonymous = new Client(server.baseUrl);
    for (const path of ["/merchant", `/merchant?merchant=${kavyaId}`, `/merchant?merchant=${otherId}`, "/merchant?_data=routes%2Fmerchant._index"]) {
      const response = await anonymous.get(path);
      expect(response.status, path).not.toBe(200);
      const body = await readable(response);
      for (const word of ["Kavya Crafts", "Shiprocket", "Razorpay checkout failing", ...OTHER_MERCHANTS_WORDS]) expect(body, `${path}: ${word}`).not.toContain(word);
    }
  });
});

describe("My connections, read by ops", () => {
  it("shows the merchant ops asked for, and keeps them on that merchant in the page's own links", async () => {
    await addUser(t.db, "ops@shopiq.example");
    const ops = new Client(server.baseUrl);
    await ops.signIn("ops@shopiq.example");
    const response = await ops.get(`/merchant?merchant=${otherId}`);
    expect(response.status).toBe(200);
    const html = await readable(response);
    expect(html).toContain("The Zeta Payments API key saved in ShopIQ is not valid.");
    expect(html).toContain(`href="/merchant/readiness?merchant=${otherId}"`);
    expect(html).not.toContain("Shiprocket");
  });
});

describe("My connections in Chromium, on the demo", () => {
  let demo: Awaited<ReturnType<typeof demoInChromium>> | undefined;
  let browser: Browser;
  let url: string;
  let cookie: { name: string; value: string; url: string };
  beforeAll(async () => {
    demo = await demoInChromium();
    browser = demo.browser;
    // A merchant with a failing connection who also uses the provider of the demo's open incident.
    const uses = (slug: string) =>
      exists(
        demo!.t.db
          .select({ id: connection.id })
          .from(connection)
          .innerJoin(provider, eq(provider.id, connection.providerId))
          .where(and(eq(connection.merchantId, merchant.id), eq(provider.slug, slug))),
      );
    const failing = exists(
      demo.t.db
        .select({ id: check.id })
        .from(check)
        .innerJoin(connection, eq(connection.id, check.connectionId))
        .where(and(eq(connection.merchantId, merchant.id), eq(check.state, "down"))),
    );
    const chosen = demo.t.db.select({ externalId: merchant.externalId }).from(merchant).where(and(uses("phonepe-pg"), failing)).get()!;
    const client = await merchantClient(demo.server, demo.t.db, chosen.externalId);
    const [name, value] = client.cookie.split("=") as [string, string];
    url = `${demo.server.baseUrl}/merchant`;
    cookie = { name, value, url: demo.server.baseUrl };
  });
  afterAll(() => demo?.close());

  it("hydrates without errors and has no serious accessibility violations", async () => {
    const signIn = (page: import("playwright-core").Page) => page.context().addCookies([cookie]);
    expect(await pageErrors(browser, url, signIn)).toEqual([]);
    expect(await seriousViolations(browser, url, signIn)).toEqual([]);
  });

  it("works with JavaScript off on a phone and a desktop, without sideways scrolling", async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "My connections" }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("heading", { level: 2, name: "Provider incidents affecting your connections" }).isVisible()).resolves.toBe(true);
      expect(await page.locator(".connection-card svg.recharts-surface").count()).toBeGreaterThan(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS_DIR}/merchant-connections-${width === 360 ? "phone" : "desktop"}.png`, fullPage: true });
      await context.close();
    }
  });
});
