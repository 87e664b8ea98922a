import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incident } from "../../db/schema";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import type { TestDatabase } from "../support/database";
import { pageErrors, seriousViolations } from "../support/page-checks";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ t, server, browser, close } = await demoInChromium());
});
afterAll(() => close?.());

async function open(path: string, options: { javaScript: boolean; width?: number }): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(`${server.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, context };
}

const openIncidentId = () =>
  t.db.select({ id: incident.id }).from(incident).where(eq(incident.status, "identified")).get()!.id;

describe("public pages in Chromium", () => {
  it("shows the banner, the no-guarantee statement, the groups and the 90-day bars with JavaScript off", async () => {
    const { page, context } = await open("/", { javaScript: false });
    await expect(page.getByRole("heading", { level: 2, name: "Partial outage of some integrations" }).isVisible()).resolves.toBe(true);
    const notice = page.getByRole("complementary", { name: "What ShopIQ can and cannot promise" });
    await expect(notice.textContent()).resolves.toMatch(/does not guarantee their uptime, pricing, approvals, policy changes, delivery performance, settlement timelines or data availability/);
    for (const name of ["Payment gateways", "Logistics and shipping", "Advertising", "Marketplaces"]) {
      await expect(page.getByRole("heading", { level: 3, name }).count(), name).resolves.toBe(1);
    }
    const bars = page.locator(".provider-row .uptime-bar");
    expect(await bars.count()).toBe(30);
    expect(await bars.first().locator(".cell").count()).toBe(90);
    const label = await bars.first().getAttribute("aria-label");
    expect(label).toMatch(/^Razorpay: \d+\.\d\d% uptime over 90 days, \d+ days? with incidents$/);
    const lastCell = await bars.first().locator(".cell").last().getAttribute("title");
    expect(lastCell).toMatch(/^\d{1,2} \w{3,4} \d{4}: (\d+\.\d\d% uptime|no data)/);
    await expect(page.getByRole("link", { name: "UPI payments failing or pending on PhonePe Payment Gateway" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Provider maintenance" }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("tells outage from operational without colour: status words and shapes", async () => {
    const { page, context } = await open("/", { javaScript: false });
    const phonepe = page.locator(".provider-row", { has: page.getByRole("link", { name: "PhonePe Payment Gateway", exact: true }) });
    await expect(phonepe.locator(".status-label").textContent()).resolves.toBe("Partial outage");
    const razorpay = page.locator(".provider-row", { has: page.getByRole("link", { name: "Razorpay", exact: true }) });
    await expect(razorpay.locator(".status-label").textContent()).resolves.toBe("Operational");
    await context.close();
  });

  it("shows an incident's recommended actions with the weighted advice, with JavaScript off", async () => {
    const { page, context } = await open(`/incidents/${openIncidentId()}`, { javaScript: false });
    const actions = page.locator("section", { has: page.getByRole("heading", { name: "What to do" }) });
    await expect(actions.locator(".action--advice").first().textContent()).resolves.toBe(
      "Important: Do not fulfil unpaid orders unless payment is verified or another approved payment method is arranged.",
    );
    expect(await actions.locator("ol > li").count()).toBeGreaterThan(5);
    await expect(page.getByRole("heading", { name: "Updates" }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("renders the provider's charts on the server, and keeps them after hydration", async () => {
    for (const javaScript of [false, true]) {
      const { page, context } = await open("/providers/razorpay", { javaScript });
      if (javaScript) await page.waitForLoadState("networkidle");
      expect(await page.locator(".chart svg.recharts-surface").count()).toBe(2);
      expect(await page.locator(".chart .recharts-bar-rectangle").count()).toBeGreaterThan(80);
      await context.close();
    }
  });

  it("filters the history without JavaScript", async () => {
    const { page, context } = await open("/history", { javaScript: false });
    await page.getByLabel("Provider").selectOption("shiprocket");
    await page.getByRole("button", { name: "Show incidents" }).click();
    await page.waitForURL(/provider=shiprocket/);
    const titles = await page.locator(".incident-line__title").allTextContents();
    expect(titles).toContain("Shiprocket API unavailable: shipments and pickups cannot be created");
    expect(titles.every((title) => title.includes("Shiprocket"))).toBe(true);
    await context.close();
  });

  it("hydrates every public page without errors under its security policy, and has no serious accessibility violations", async () => {
    for (const path of ["/", "/providers/phonepe-pg", `/incidents/${openIncidentId()}`, "/history", "/help"]) {
      expect(await pageErrors(browser, `${server.baseUrl}${path}`), path).toEqual([]);
      expect(await seriousViolations(browser, `${server.baseUrl}${path}`), path).toEqual([]);
    }
  });

  it("fits a 360 px phone without sideways scrolling, and saves phone and desktop screenshots", async () => {
    for (const [name, path] of [["status", "/"], ["incident", `/incidents/${openIncidentId()}`], ["provider", "/providers/razorpay"]] as const) {
      for (const width of [360, 1280]) {
        const { page, context } = await open(path, { javaScript: false, width });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        if (name !== "incident") {
          const shownCells = await page.locator(".uptime-bar").first().evaluate((bar) => [...bar.children].filter((c) => (c as HTMLElement).offsetWidth > 0).length);
          expect(shownCells, `${path} at ${width}px`).toBe(width === 360 ? 30 : 90);
        }
        await page.screenshot({ path: `${ARTIFACTS_DIR}/${name}-${width === 360 ? "phone" : "desktop"}.png`, fullPage: true });
        await context.close();
      }
    }
  });
});
