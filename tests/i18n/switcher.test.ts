// The language switcher in Chromium: with JavaScript off it is plain links, and the choice
// stays for the next page; with JavaScript on, pages in Hindi and Assamese hydrate without
// a mismatch, although Chromium has no Assamese locale data of its own.

import { and, eq, exists } from "drizzle-orm";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, connection, merchant } from "../../db/schema";
import type { Locale } from "../../db/schema/enums";
import { ARTIFACTS_DIR, demoInChromium } from "../support/browser";
import type { TestDatabase } from "../support/database";
import { merchantClient } from "../support/merchant";
import { pageErrors, seriousViolations } from "../support/page-checks";
import type { RunningServer } from "../support/server";

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = Object.fromEntries(
  (["en", "hi", "as"] as const).map((l) => [l, JSON.parse(readFileSync(`app/i18n/locales/${l}.json`, "utf8")) as Catalogue]),
) as Record<Locale, Catalogue>;
const text = (locale: Locale, key: string) => key.split(".").reduce<string | Catalogue>((c, k) => (c as Catalogue)[k]!, catalogues[locale]) as string;

let t: TestDatabase;
let server: RunningServer;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ t, server, browser, close } = await demoInChromium());
});
afterAll(() => close?.());

describe("the language switcher", () => {
  it("works without JavaScript, keeps the page, and the choice holds on the next page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-IN" });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/history?provider=shiprocket`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    const switcher = page.getByRole("navigation", { name: "Language" });
    await switcher.getByRole("link", { name: "हिन्दी" }).click();
    await page.waitForURL(`${server.baseUrl}/history?provider=shiprocket`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("hi");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(text("hi", "history.title"));
    // The filter the reader had set is kept.
    await expect(page.getByLabel(text("hi", "history.provider")).inputValue()).resolves.toBe("shiprocket");
    await expect(page.getByRole("navigation", { name: text("hi", "language.label") }).getByRole("link", { name: "हिन्दी" }).getAttribute("aria-current")).resolves.toBe("true");

    await page.getByRole("navigation", { name: text("hi", "nav.label") }).getByRole("link", { name: text("hi", "nav.help") }).click();
    await page.waitForURL(`${server.baseUrl}/help`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("hi");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(text("hi", "help.title"));

    await page.getByRole("navigation", { name: text("hi", "language.label") }).getByRole("link", { name: "অসমীয়া" }).click();
    await page.waitForURL(`${server.baseUrl}/help`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("as");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(text("as", "help.title"));
    await page.screenshot({ path: `${ARTIFACTS_DIR}/help-assamese.png`, fullPage: true });

    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "lang")).toMatchObject({ value: "as", path: "/", sameSite: "Lax" });

    await page.getByRole("navigation", { name: text("as", "language.label") }).getByRole("link", { name: "English" }).click();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await context.close();
  });

  it("marks each language's name with its own language, for screen readers", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    const links = page.getByRole("navigation", { name: "Language" }).getByRole("link");
    expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("lang")]))).toEqual([
      ["English", "en"],
      ["हिन्दी", "hi"],
      ["অসমীয়া", "as"],
    ]);
    await context.close();
  });
});

describe("pages in Hindi and Assamese with JavaScript", () => {
  it("hydrate without errors or mismatches, and have no serious accessibility violations", async () => {
    const failing = exists(
      t.db
        .select({ id: check.id })
        .from(check)
        .innerJoin(connection, eq(connection.id, check.connectionId))
        .where(and(eq(connection.merchantId, merchant.id), eq(check.state, "down"))),
    );
    const chosen = t.db.select({ externalId: merchant.externalId }).from(merchant).where(failing).get()!;
    const session = (await merchantClient(server, t.db, chosen.externalId)).cookie.split("=") as [string, string];
    for (const locale of ["hi", "as"] as const) {
      const cookies = [
        { name: "lang", value: locale, url: server.baseUrl },
        { name: session[0], value: session[1], url: server.baseUrl },
      ];
      const prepare = (page: import("playwright-core").Page) => page.context().addCookies(cookies);
      for (const path of ["/", "/providers/razorpay", "/history", "/help", "/merchant", "/merchant/readiness"]) {
        expect(await pageErrors(browser, `${server.baseUrl}${path}`, prepare), `${path} in ${locale}`).toEqual([]);
        expect(await seriousViolations(browser, `${server.baseUrl}${path}`, prepare), `${path} in ${locale}`).toEqual([]);
      }
    }
  });
});
