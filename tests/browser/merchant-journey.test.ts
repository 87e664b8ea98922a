import { and, eq, isNotNull } from "drizzle-orm";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, connection, merchant, provider } from "../../db/schema";
import { addDays, dayKey } from "../../db/time";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import { formatterIn } from "../support/i18n";
import { signedMerchantPath } from "../support/merchant";
import type { RunningServer } from "../support/server";

const TODAY = dayKey(Date.now());
const CAMPAIGN = "Year-end clearance";
const en = formatterIn("en");

let server: RunningServer;
let browser: Browser;
let close: (() => Promise<void>) | undefined;
/** A demo store whose connection is down now for a known reason, and that provider's name. */
let store: { externalId: string; name: string; providerName: string };

beforeAll(async () => {
  const demo = await demoInChromium();
  ({ server, browser, close } = demo);
  store = demo.t.db
    .select({ externalId: merchant.externalId, name: merchant.name, providerName: provider.name })
    .from(check)
    .innerJoin(connection, eq(connection.id, check.connectionId))
    .innerJoin(merchant, eq(merchant.id, connection.merchantId))
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .where(and(eq(check.state, "down"), isNotNull(check.lastCauseId)))
    .get()!;
  expect(store, "the demo has a merchant whose connection is down for a known reason").toBeDefined();
});
afterAll(() => close?.());

describe("a merchant's journey in Chromium: from ShopIQ's link to a printed readiness report", () => {
  it("opens the signed link, sees why a connection fails, plans a campaign, and prints and downloads its report", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    await page.goto(`${server.baseUrl}${signedMerchantPath(store.externalId)}`);
    expect(new URL(page.url()).pathname).toBe("/merchant");
    await page.getByRole("heading", { level: 1, name: "My connections" }).waitFor();
    await expect(page.getByText(store.name).first().isVisible()).resolves.toBe(true);

    const card = page.locator(".connection-card", { has: page.getByRole("heading", { level: 3, name: store.providerName, exact: true }) }).first();
    await expect(card.getByRole("heading", { name: "Why it is failing" }).isVisible()).resolves.toBe(true);
    const sentence = await card.locator(".failure__sentence").textContent();
    expect(sentence).toContain(store.providerName);
    await expect(card.getByRole("heading", { name: "What to do" }).isVisible()).resolves.toBe(true);
    expect(await card.locator(".steps-group li").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/merchant-connections.png`, fullPage: true });

    await page.getByRole("navigation", { name: "Your integrations" }).getByRole("link", { name: "Readiness" }).click();
    await page.getByRole("heading", { level: 1, name: "Readiness review" }).waitFor();
    const first = addDays(TODAY, 30);
    const last = addDays(TODAY, 33);
    await page.getByLabel("Name").fill(CAMPAIGN);
    await page.getByLabel("First day").fill(first);
    await page.getByLabel("Last day").fill(last);
    await page.locator("#campaign-expectedOrdersPerDay").fill("250");
    await page.getByRole("button", { name: "Add campaign" }).click();
    await page.getByText("Campaign added to your calendar.").waitFor();

    await page.getByLabel("Period or campaign").selectOption({ label: `${CAMPAIGN} (${en.dayRange(first, last)})` });
    await page.getByRole("button", { name: "Generate report" }).click();
    await page.getByRole("heading", { level: 1, name: `Readiness report: ${CAMPAIGN}` }).waitFor();
    await expect(page.getByRole("heading", { name: /Readiness score: \d+ \/ 100/ }).isVisible()).resolves.toBe(true);

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".merchant-bar").isVisible()).resolves.toBe(false);
    await expect(page.locator(".readiness-item").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/merchant-readiness-print-preview.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toMatch(/verdict/i);
    expect(rows.length).toBeGreaterThan(0);
    expect(csv).toContain(store.providerName);

    expect(errors).toEqual([]);
    await context.close();
  });
});
