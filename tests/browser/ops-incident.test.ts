import type { Browser, BrowserContext, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import { addUser, TEST_PASSWORD } from "../support/ops";
import { pageErrors, seriousViolations } from "../support/page-checks";
import type { RunningServer } from "../support/server";

const EMAIL = "asha@shopiq.example";
const TITLE = "Razorpay card payments failing at checkout";

let server: RunningServer;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, browser, close } = await demoInChromium((db) => addUser(db, EMAIL)));
});
afterAll(() => close?.());

/** Goes to a console page signed out, and signs in on the page it is sent to. */
async function signedIn(path: string, javaScript: boolean): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  await page.goto(`${server.baseUrl}${path}`);
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
  return { page, context };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

async function postUpdate(page: Page, status: string, body: string) {
  await page.getByLabel("Status").selectOption({ label: status });
  await page.getByLabel("Update for merchants").fill(body);
  await page.getByRole("button", { name: "Post update" }).click();
  await page.getByRole("status").filter({ hasText: "Update posted." }).waitFor();
  await page.locator(".ops-timeline h3").first().filter({ hasText: status }).waitFor();
}

const openIncidentTitles = (page: Page) =>
  page.locator("section", { has: page.getByRole("heading", { name: "Open incidents" }) }).locator(".incident-card h3").allTextContents();

describe("an incident's life in the ops console, in Chromium", () => {
  let incidentPath = "";
  let cookies: Cookie[] = [];

  it("opens an incident from the form, posts two updates, resolves it, and the public pages follow", async () => {
    const { page, context } = await signedIn("/ops/incidents/new", true);
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Razorpay", { exact: true }).selectOption({ label: "Partial outage" });
    await page.getByLabel("online checkout payments").check();
    await page.getByLabel("Cause").selectOption({ label: "Provider downtime" });

    // A failed submit keeps what was typed and puts the focus on the field to correct.
    await page.getByRole("button", { name: "Open incident" }).click();
    await page.getByText("Write the first update merchants will read.").waitFor();
    expect(await focusedId(page)).toBe("body");
    await expect(page.getByLabel("Title").inputValue()).resolves.toBe(TITLE);

    await page.getByLabel("First update").fill("Card payments fail for **some** merchants. <script>alert(1)</script>");
    await page.getByRole("button", { name: "Open incident" }).click();
    await page.waitForURL(/\/ops\/incidents\/\d+\?saved=created/);
    incidentPath = new URL(page.url()).pathname;
    await page.getByRole("status").filter({ hasText: "Incident opened." }).waitFor();
    expect(await focusedId(page)).toBe("saved");

    const home = await context.newPage();
    await home.goto(`${server.baseUrl}/`);
    expect(await openIncidentTitles(home)).toContain(TITLE);

    await postUpdate(page, "Identified", "Razorpay's card network partner is failing *3-D Secure* checks.");
    await postUpdate(page, "Monitoring", "A fix is live; payments are recovering.");
    await page.screenshot({ path: `${ARTIFACTS_DIR}/ops-incident.png`, fullPage: true });
    await postUpdate(page, "Resolved", "Card payments work again. See [Razorpay status](https://status.razorpay.com/).");

    const publicPage = await context.newPage();
    await publicPage.goto(`${server.baseUrl}${incidentPath.replace("/ops", "")}`);
    const header = publicPage.locator("header.page-header");
    await expect(header.locator(".tag--status-resolved").textContent()).resolves.toBe("Resolved");
    const timeline = publicPage.locator(".timeline__item h3");
    expect((await timeline.allTextContents()).map((h) => h.split(" · ")[0])).toEqual(["Resolved", "Monitoring", "Identified", "Investigating"]);
    const first = publicPage.locator(".timeline__item").last();
    await expect(first.locator("strong").textContent()).resolves.toBe("some");
    await expect(first.textContent()).resolves.toContain("<script>alert(1)</script>");
    expect(await publicPage.locator(".timeline script").count()).toBe(0);
    const link = publicPage.getByRole("link", { name: "Razorpay status" });
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(publicPage.textContent("body")).resolves.not.toContain(EMAIL);

    await home.reload();
    expect(await openIncidentTitles(home)).not.toContain(TITLE);
    cookies = await context.cookies();
    await context.close();
  });

  it("works without JavaScript: a failed update keeps its text, and a step moves down with its focus target", async () => {
    const { page, context } = await signedIn(incidentPath, false);
    await page.getByLabel("Status").selectOption({ label: "Monitoring" });
    await page.getByLabel("Update for merchants").fill("   ");
    await page.getByRole("button", { name: "Post update" }).click();
    await page.getByText("Write the update.").waitFor();
    expect(await focusedId(page)).toBe("update-body");

    const steps = page.locator("ol.steps > li");
    const firstText = await steps.first().locator(".step__text").textContent();
    await steps.first().getByRole("button", { name: /^Move down/ }).click();
    await page.waitForURL(/saved=move-action#step-\d+$/);
    await expect(steps.nth(1).locator(".step__text").textContent()).resolves.toBe(firstText);
    await context.close();
  });

  it("hydrates the console pages without errors under the security policy, with no serious accessibility violations", async () => {
    const prepare = async (page: Page) => page.context().addCookies(cookies);
    for (const path of ["/ops/incidents", "/ops/incidents?status=resolved", "/ops/incidents/new", incidentPath]) {
      expect(await pageErrors(browser, `${server.baseUrl}${path}`, prepare), path).toEqual([]);
      expect(await seriousViolations(browser, `${server.baseUrl}${path}`, prepare), path).toEqual([]);
    }
  });
});
