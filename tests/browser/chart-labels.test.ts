import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, checkHourlyRollup, provider } from "../../db/schema";
import { demoInChromium } from "../support/browser";
import { pageErrors } from "../support/page-checks";
import type { RunningServer } from "../support/server";

// A provider answering in minutes, not milliseconds: the response-time chart's labels
// ("1,50,000 ms") are wider than their axis.
const SLOW_LATENCY_MS = 150_000;

let server: RunningServer;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, browser, close } = await demoInChromium(async (db) => {
    const phonepe = db.select({ id: provider.id }).from(provider).where(eq(provider.slug, "phonepe-pg")).get()!;
    const providerChecks = db.select({ id: check.id }).from(check).where(and(eq(check.providerId, phonepe.id), isNull(check.connectionId)));
    db.update(checkHourlyRollup)
      .set({ latencyTotalMs: sql`${checkHourlyRollup.latencyCount} * ${SLOW_LATENCY_MS}` })
      .where(inArray(checkHourlyRollup.checkId, providerChecks))
      .run();
  }));
});
afterAll(() => close?.());

describe("chart labels in Chromium", () => {
  it("draws axis labels as the server wrote them, however wide, so pages hydrate without errors", async () => {
    expect(await pageErrors(browser, `${server.baseUrl}/providers/phonepe-pg`)).toEqual([]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/providers/phonepe-pg`);
    await page.waitForLoadState("networkidle");
    const labels = page.locator("section[aria-labelledby=response-chart] .recharts-yAxis .recharts-cartesian-axis-tick-value");
    expect(await labels.allTextContents()).toContain("1,20,000 ms");
    const linesPerLabel = await labels.evaluateAll((texts) => texts.map((text) => text.querySelectorAll("tspan").length));
    expect(linesPerLabel.every((lines) => lines === 1)).toBe(true);
    await context.close();
  });
});
