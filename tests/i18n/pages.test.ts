// Every public page and every merchant page, through the real server, in Hindi and in
// Assamese: chosen by the browser's Accept-Language and by the `lang` cookie, which wins.
// Each page must name its language, show its translated headings, leave no key or
// placeholder untranslated, and write its dates the language's way.

import { and, asc, desc, eq, exists, gte } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, connection, highOrderPeriod, incident, merchant, readinessSnapshot } from "../../db/schema";
import type { Locale } from "../../db/schema/enums";
import { subscribe } from "../../db/subscriptions/subscribers";
import { dayKey } from "../../db/time";
import { demoDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { formatterIn } from "../support/i18n";
import { TEST_KEYRING } from "../support/loaders";
import { merchantClient } from "../support/merchant";
import type { Client } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = (locale: Locale) => JSON.parse(readFileSync(`app/i18n/locales/${locale}.json`, "utf8")) as Catalogue;

function leaves(c: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(c).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** Every key a page could ask for, as i18next would print it when missing (plural keys without their ending). */
const KEYS = [...new Set(leaves(catalogue("en")).map(([k]) => k.replace(/_(one|other)$/, "")))];
const text = (locale: Locale, key: string) => new Map(leaves(catalogue(locale))).get(key)!;
/** As React writes text into HTML. */
const escaped = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

let t: TestDatabase;
let server: RunningServer;
let shopper: Client;
let pages: { path: string; heading: string; dates?: (locale: Locale) => string[]; merchant?: boolean; status?: number }[];

beforeAll(async () => {
  t = demoDatabase();
  server = await startServer(t.db);
  const failing = exists(
    t.db
      .select({ id: check.id })
      .from(check)
      .innerJoin(connection, eq(connection.id, check.connectionId))
      .where(and(eq(connection.merchantId, merchant.id), eq(check.state, "down"))),
  );
  const chosen = t.db.select({ externalId: merchant.externalId, id: merchant.id }).from(merchant).where(failing).get()!;
  shopper = await merchantClient(server, t.db, chosen.externalId);

  // Two reports to compare and a campaign, made in English: what was saved speaks every language.
  const today = dayKey(Date.now());
  const period = t.db.select().from(highOrderPeriod).where(gte(highOrderPeriod.startsOn, today)).orderBy(asc(highOrderPeriod.startsOn)).get()!;
  for (let i = 0; i < 2; i++) {
    const generated = await shopper.post("/merchant/readiness?index", { intent: "generate", target: `period:${period.id}`, expectedOrdersPerDay: "200" });
    expect(generated.status).toBe(302);
  }
  const added = await shopper.post("/merchant/readiness?index", {
    intent: "add-campaign",
    name: "Bihu sale",
    startsOn: period.startsOn,
    endsOn: period.startsOn,
    expectedOrdersPerDay: "120",
  });
  expect(added.status).toBe(302);
  const [later, earlier] = t.db.select().from(readinessSnapshot).where(eq(readinessSnapshot.merchantId, chosen.id)).orderBy(desc(readinessSnapshot.id)).all();
  const campaignId = (await pageText(await shopper.get("/merchant/readiness"))).match(/\/merchant\/readiness\/campaigns\/(\d+)/)![1];
  const open = t.db.select().from(incident).where(eq(incident.status, "identified")).get()!;
  // A webhook is confirmed at once and its link token comes back from subscribing.
  const hook = subscribe(
    t.db,
    TEST_KEYRING,
    { kind: "webhook", url: "https://hooks.example.com/shopiq-status", locale: "en", providerIds: [] },
    { clientAddress: "203.0.113.40", nowMs: Date.now() },
  );
  if (!hook.ok || hook.kind !== "webhook") throw new Error("the webhook subscription was refused");

  pages = [
    { path: "/", heading: "status.providers", dates: (l) => [formatterIn(l).day(today)] },
    { path: "/providers/razorpay", heading: "provider.dailyUptime", dates: (l) => [formatterIn(l).day(today)] },
    { path: `/incidents/${open.id}`, heading: "incidentPage.whatToDo", dates: (l) => [formatterIn(l).dateTime(open.startedAt.getTime())] },
    { path: "/history", heading: "history.title", dates: (l) => [formatterIn(l).month(today.slice(0, 7))] },
    { path: "/help", heading: "help.toc.causes" },
    { path: "/no-such-page", heading: "error.notFound", status: 404 },
    { path: "/subscribe", heading: "subscribe.form.kindLegend" },
    { path: `/subscribe/manage/${hook.token}`, heading: "subscribe.manage.title" },
    { path: `/subscribe/unsubscribe/${hook.token}`, heading: "subscribe.unsubscribe.note" },
    { path: "/subscribe/confirm/no-such-token", heading: "subscribe.confirmFailed.title", status: 404 },
    { path: "/merchant", heading: "merchant.connections.yours", merchant: true },
    { path: "/merchant/readiness", heading: "readiness.calendar.title", merchant: true, dates: (l) => [formatterIn(l).dateTime(later!.generatedAt.getTime())] },
    { path: `/merchant/readiness/campaigns/${campaignId}`, heading: "readiness.campaign.delete", merchant: true },
    { path: `/merchant/readiness/reports/${later!.id}`, heading: "readiness.report.scoreHeading", merchant: true, dates: (l) => [formatterIn(l).dateTime(later!.generatedAt.getTime())] },
    { path: `/merchant/readiness/compare?from=${earlier!.id}&to=${later!.id}`, heading: "readiness.compare.title", merchant: true },
    { path: "/merchant/signed-out", heading: "merchant.signedOut.heading" },
    { path: "/merchant/sso?m=store", heading: "merchant.sso.refusal.malformed", status: 400 },
    { path: "/merchant", heading: "merchant.errors.signIn", status: 401 },
  ];
});
afterAll(async () => {
  await server?.close();
  t?.close();
});

/**
 * The page as it reads, without its scripts: they carry the page's data for hydration, the
 * strings with their placeholders and the guidance in all three languages.
 */
async function fetchPage(path: string, headers: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers });
  return { response, html: (await pageText(response)).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "") };
}

function expectInLanguage(html: string, locale: Locale, page: (typeof pages)[number]) {
  expect(html, `${page.path}: <html lang>`).toContain(`<html lang="${locale}">`);
  expect(html, `${page.path}: ${page.heading} in ${locale}`).toContain(escaped(text(locale, page.heading)));
  expect(html, `${page.path}: the site's name in ${locale}`).toContain(escaped(text(locale, "site.subtitle")));
  const rawKeys = KEYS.filter((key) => new RegExp(`[^\\w.]${key.replaceAll(".", "\\.")}[^\\w.]`).test(html));
  expect(rawKeys, `${page.path}: keys shown untranslated in ${locale}`).toEqual([]);
  expect(html.match(/\{\{[^}]*\}\}/g), `${page.path}: placeholders left unfilled in ${locale}`).toBeNull();
  // React 18 can leave zero bytes where a three-byte character meets the end of its buffer (app/entry.server.tsx).
  expect(html.includes("\u0000"), `${page.path}: zero bytes in the ${locale} page`).toBe(false);
  for (const date of page.dates?.(locale) ?? []) expect(html, `${page.path}: ${date}`).toContain(escaped(date));
}

describe.each(["hi", "as"] as const)("every page in %s", (locale) => {
  it("answers the browser's Accept-Language, and says it varies with it", async () => {
    for (const page of pages) {
      const headers: Record<string, string> = { "accept-language": `${locale}-IN,${locale};q=0.9,en;q=0.8` };
      if (page.merchant) headers.cookie = shopper.cookie;
      const { response, html } = await fetchPage(page.path, headers);
      expect(response.status, page.path).toBe(page.status ?? 200);
      expect(response.headers.get("vary"), page.path).toMatch(/Accept-Language.*Cookie/);
      expectInLanguage(html, locale, page);
    }
  });

  it("offers the page's language for the emails of a new subscription", async () => {
    const { html } = await fetchPage("/subscribe", { "accept-language": locale });
    expect(html).toMatch(new RegExp(`<option value="${locale}" selected="">`));
  });

  it("follows the language cookie over the browser's Accept-Language", async () => {
    const other = locale === "hi" ? "as" : "hi";
    for (const page of pages) {
      const cookie = [page.merchant ? shopper.cookie : "", `lang=${locale}`].filter(Boolean).join("; ");
      const { html } = await fetchPage(page.path, { "accept-language": other, cookie });
      expectInLanguage(html, locale, page);
    }
  });
});

describe("what stays as it was written", () => {
  it("shows ops' incident titles and updates as written, with the words around them translated", async () => {
    const open = t.db.select().from(incident).where(eq(incident.status, "identified")).get()!;
    const { html } = await fetchPage(`/incidents/${open.id}`, { cookie: "lang=as" });
    expect(html).toContain(escaped(open.title));
    expect(html).toContain(escaped(text("as", "incidentPage.updates")));
  });

  it("shows the guidance's own translation of causes and actions on the help page", async () => {
    const { html } = await fetchPage("/help", { cookie: "lang=hi" });
    expect(html).toContain("प्रोवाइडर डाउनटाइम");
    expect(html).not.toContain("Provider downtime");
  });

  it("keeps the ops console in English whatever the reader chose", async () => {
    const { html } = await fetchPage("/login", { cookie: "lang=as", "accept-language": "as" });
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('class="language-switcher"');
  });

  it("falls back to English for a language it does not speak, and for none at all", async () => {
    const requests: Record<string, string>[] = [{ "accept-language": "fr-FR,fr;q=0.9" }, {}, { cookie: "lang=xx" }];
    for (const headers of requests) {
      const { html } = await fetchPage("/", headers);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(escaped(text("en", "status.providers")));
    }
  });

  it("switches from any page, an error page too, and comes back to it", async () => {
    for (const path of ["/providers/no-such-provider", "/history?category=cooking", "/merchant/readiness"]) {
      const { response } = await fetchPage(`${path}${path.includes("?") ? "&" : "?"}lang=as`, {});
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(path);
      expect(response.headers.get("set-cookie"), path).toMatch(/^lang=as; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    }
  });

  it("writes the readiness CSV in the reader's language", async () => {
    const report = (await pageText(await shopper.get("/merchant/readiness"))).match(/\/merchant\/readiness\/reports\/(\d+)/)![1];
    const response = await fetch(`${server.baseUrl}/merchant/readiness/reports/${report}.csv`, { headers: { cookie: `${shopper.cookie}; lang=as` } });
    const [header] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("ফলাফল,শ্ৰেণী,প্ৰদানকাৰী,পৰীক্ষা,কাৰণ,পৰামৰ্শ দিয়া পদক্ষেপ");
  });
});
