import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addProvider } from "../support/builders";
import { launchChromium } from "../support/browser";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageErrors, seriousViolations } from "../support/page-checks";
import { startServer, type RunningServer } from "../support/server";
import { confirmedEmailSubscriber } from "../support/subscriptions";

let t: TestDatabase;
let server: RunningServer;
let browser: Browser;
let token: string;
beforeAll(async () => {
  t = guidanceDatabase();
  addProvider(t.db, "razorpay");
  addProvider(t.db, "shiprocket", "logistics");
  ({ token } = confirmedEmailSubscriber(t.db, "reader@example.com"));
  server = await startServer(t.db);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.close();
  t.close();
});

describe("the subscription pages in Chromium", () => {
  it("hydrate without errors under the security policy and have no serious accessibility violations", async () => {
    for (const path of ["/subscribe", `/subscribe/manage/${token}`, `/subscribe/unsubscribe/${token}`]) {
      expect(await pageErrors(browser, `${server.baseUrl}${path}`), path).toEqual([]);
      expect(await seriousViolations(browser, `${server.baseUrl}${path}`), path).toEqual([]);
    }
  });

  it("work without JavaScript: a wrong address comes back with its error and the cursor on it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/subscribe`);
    await page.getByLabel("Email address").fill("not an address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("#email-error").textContent()).toBe("Enter an email address, such as name@example.com.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
    expect(await page.getByLabel("Email address").getAttribute("aria-describedby")).toBe("email-hint email-error");

    await page.getByLabel("By webhook, to your own tools").check();
    await page.getByLabel("Webhook URL").fill("https://hooks.example.com/status");
    await page.getByLabel("Only the providers I tick:").check();
    await page.getByLabel("Shiprocket").check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your webhook is set up");
    expect(await page.getByTestId("webhook-secret").textContent()).toMatch(/^whsec_[\w-]{43}$/);
    await context.close();
  });
});
