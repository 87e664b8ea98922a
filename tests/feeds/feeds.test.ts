import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_INCIDENT_COUNT, listFeedIncidents } from "../../db/feeds/incidents";
import { createIncident, postIncidentUpdate } from "../../db/incidents/write";
import { incidentUpdate, provider } from "../../db/schema";
import { launchChromium } from "../support/browser";
import { addProvider } from "../support/builders";
import { demoDatabase, guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { childrenNamed, onlyChild, parseXml, parserPage, readHtml, type XmlNode } from "../support/xml";

const ATOM = "http://www.w3.org/2005/Atom";
const HOUR_MS = 3_600_000;
/** RFC 822 as RSS 2.0 writes it, with a four-digit year. */
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const TRICKY_TITLE = `Checkout <fails> & refunds "stuck" at Acme's gateway`;
const FIRST_BODY = "We know what is wrong.";
const SECOND_BODY = "A fix is **deployed**; we are watching card payments.\n\n- UPI recovered\n- cards recovering";
const LAST_BODY = "All clear. <script>alert(1)</script> & nothing more to do.";

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await parserPage(browser);
});
afterAll(() => browser.close());

async function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, body: await response.text() };
}

const text = (node: XmlNode, name: string) => onlyChild(node, name).text;

describe("history feeds", () => {
  let t: TestDatabase;
  let server: RunningServer;
  const startedAtMs = Date.now() - 6 * HOUR_MS;
  let acmeIncident: number;
  let shipIncident: number;

  beforeAll(async () => {
    t = guidanceDatabase();
    const acme = addProvider(t.db, "acme-pay").provider;
    const ship = addProvider(t.db, "ship-fast", "logistics").provider;
    addProvider(t.db, "quiet-pay");
    acmeIncident = createIncident(t.db, {
      title: TRICKY_TITLE,
      providers: [{ providerId: acme.id, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(startedAtMs),
      firstUpdate: { status: "identified", body: FIRST_BODY },
    });
    postIncidentUpdate(t.db, { incidentId: acmeIncident, status: "monitoring", body: SECOND_BODY, at: new Date(startedAtMs + HOUR_MS) });
    postIncidentUpdate(t.db, { incidentId: acmeIncident, status: "resolved", body: LAST_BODY, at: new Date(startedAtMs + 3 * HOUR_MS) });
    shipIncident = createIncident(t.db, {
      title: "Ship Fast pickups delayed",
      providers: [{ providerId: ship.id, impact: "partial_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(startedAtMs + 2 * HOUR_MS),
      firstUpdate: { status: "investigating", body: "Pickups are late in Mumbai." },
    });
    // A detected incident ops dismissed was never an outage: no feed may carry it.
    createIncident(t.db, {
      title: "Acme Pay: failures detected",
      providers: [{ providerId: acme.id, impact: "partial_outage" }],
      workflowIds: [],
      causeId: null,
      source: "probe",
      externalRef: "detected:test",
      startedAt: new Date(startedAtMs + 4 * HOUR_MS),
      firstUpdate: { status: "investigating", body: "Failures detected. We are investigating." },
      reviewState: "dismissed",
    });
    server = await startServer(t.db);
  });
  afterAll(async () => {
    await server.close();
    t.close();
  });

  it("serves /history.atom as a valid Atom feed: one entry per public incident, latest activity first", async () => {
    const { response, body } = await fetchFeed(`${server.baseUrl}/history.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);

    const feed = await parseXml(page, body);
    expect([feed.name, feed.namespace]).toEqual(["feed", ATOM]);
    expect(text(feed, "id")).toBe(`${server.baseUrl}/history.atom`);
    expect(text(feed, "title")).toContain("Incident history");
    expect(text(onlyChild(feed, "author"), "name")).toBe("ShopIQ Integration Status");
    const links = childrenNamed(feed, "link").map((l) => l.attributes);
    expect(links).toContainEqual({ rel: "self", type: "application/atom+xml", href: `${server.baseUrl}/history.atom` });
    expect(links).toContainEqual({ rel: "alternate", type: "text/html", href: `${server.baseUrl}/history` });

    const entries = childrenNamed(feed, "entry");
    expect(entries.map((e) => text(e, "id"))).toEqual([`${server.baseUrl}/incidents/${acmeIncident}`, `${server.baseUrl}/incidents/${shipIncident}`]);
    for (const entry of entries) {
      expect(onlyChild(entry, "title").text.length).toBeGreaterThan(0);
      expect(Date.parse(text(entry, "updated"))).not.toBeNaN();
      expect(onlyChild(entry, "link").attributes).toEqual({ rel: "alternate", type: "text/html", href: text(entry, "id") });
      expect(onlyChild(entry, "content").attributes.type).toBe("html");
    }
    // `updated` is the latest update: the resolution for Acme, which is also the feed's.
    expect(text(entries[0]!, "updated")).toBe(new Date(startedAtMs + 3 * HOUR_MS).toISOString());
    expect(text(entries[0]!, "published")).toBe(new Date(startedAtMs).toISOString());
    expect(text(feed, "updated")).toBe(new Date(startedAtMs + 3 * HOUR_MS).toISOString());
    expect(body).not.toContain("failures detected");
  });

  it("escapes titles once and carries the update trail as safe HTML, newest first", async () => {
    const { body } = await fetchFeed(`${server.baseUrl}/history.atom`);
    expect(body).toContain("Checkout &lt;fails&gt; &amp; refunds &quot;stuck&quot;");
    const entry = childrenNamed(await parseXml(page, body), "entry")[0]!;
    expect(text(entry, "title")).toBe(TRICKY_TITLE);

    const html = text(entry, "content");
    const content = await readHtml(page, html);
    // Ops' typed tags stay text; Markdown becomes the same few elements the pages use.
    expect(content.elements).not.toContain("script");
    expect(content.elements).toEqual(expect.arrayContaining(["strong", "ul", "li", "h3", "p", "a"]));
    expect(content.text).toContain("All clear. <script>alert(1)</script> & nothing more to do.");
    expect(html).toContain(`href="${server.baseUrl}/providers/acme-pay"`);
    const order = ["Resolved ·", "Monitoring ·", "Identified ·"].map((heading) => content.text.indexOf(heading));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const bodies = ["All clear.", "A fix is deployed", FIRST_BODY].map((b) => content.text.indexOf(b));
    expect(bodies).toEqual([...bodies].sort((a, b) => a - b));
  });

  it("serves /history.rss as a valid RSS 2.0 feed with permalink guids and RFC 822 dates", async () => {
    const { response, body } = await fetchFeed(`${server.baseUrl}/history.rss`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");

    const rss = await parseXml(page, body);
    expect([rss.name, rss.attributes.version]).toEqual(["rss", "2.0"]);
    const channel = onlyChild(rss, "channel");
    expect(text(channel, "title")).toContain("Incident history");
    expect(text(channel, "link")).toBe(`${server.baseUrl}/history`);
    expect(text(channel, "description").length).toBeGreaterThan(0);
    expect(text(channel, "lastBuildDate")).toBe(new Date(startedAtMs + 3 * HOUR_MS).toUTCString());
    expect(childrenNamed(channel, "link", ATOM).map((l) => l.attributes)).toEqual([
      { rel: "self", type: "application/rss+xml", href: `${server.baseUrl}/history.rss` },
    ]);

    const items = childrenNamed(channel, "item");
    expect(items).toHaveLength(2);
    for (const item of items) {
      const link = text(item, "link");
      expect(link).toMatch(new RegExp(`^${server.baseUrl}/incidents/\\d+$`));
      const guid = onlyChild(item, "guid");
      expect([guid.text, guid.attributes.isPermaLink]).toEqual([link, "true"]);
      expect(text(item, "pubDate")).toMatch(RFC_822);
      expect(text(item, "description")).toContain("<h3>");
    }
    expect(text(items[0]!, "title")).toBe(TRICKY_TITLE);
    expect(text(items[0]!, "pubDate")).toBe(new Date(startedAtMs + 3 * HOUR_MS).toUTCString());
    const description = await readHtml(page, text(items[0]!, "description"));
    expect(description.elements).not.toContain("script");
    expect(description.text.indexOf("All clear.")).toBeLessThan(description.text.indexOf(FIRST_BODY));
  });

  it("keeps entry ids across requests, answers 304 to a matching ETag, and moves an incident up when it is updated", async () => {
    const ids = async (url: string) => childrenNamed(await parseXml(page, (await fetchFeed(url)).body), "entry").map((e) => text(e, "id"));
    const first = await fetchFeed(`${server.baseUrl}/history.atom`);
    const again = await fetchFeed(`${server.baseUrl}/history.atom`);
    expect(again.response.headers.get("etag")).toBe(first.response.headers.get("etag"));
    expect(await ids(`${server.baseUrl}/history.atom`)).toEqual(childrenNamed(await parseXml(page, first.body), "entry").map((e) => text(e, "id")));

    const etag = first.response.headers.get("etag")!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`]) {
      const cached = await fetchFeed(`${server.baseUrl}/history.atom`, { "If-None-Match": ifNoneMatch });
      expect(cached.response.status, ifNoneMatch).toBe(304);
      expect(cached.body).toBe("");
      expect(cached.response.headers.get("etag")).toBe(etag);
      expect(cached.response.headers.get("cache-control")).toBe("public, max-age=60");
    }

    const rss = await fetchFeed(`${server.baseUrl}/history.rss`);
    const rssGuids = childrenNamed(onlyChild(await parseXml(page, rss.body), "channel"), "item").map((i) => text(i, "guid"));

    const updatedAt = new Date();
    postIncidentUpdate(t.db, { incidentId: shipIncident, status: "identified", body: "A sorting hub is down.", at: updatedAt });
    const after = await fetchFeed(`${server.baseUrl}/history.atom`, { "If-None-Match": etag });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get("etag")).not.toBe(etag);
    const entries = childrenNamed(await parseXml(page, after.body), "entry");
    expect(entries.map((e) => text(e, "id"))).toEqual([`${server.baseUrl}/incidents/${shipIncident}`, `${server.baseUrl}/incidents/${acmeIncident}`]);
    expect(text(entries[0]!, "updated")).toBe(updatedAt.toISOString());

    const rssAfter = childrenNamed(onlyChild(await parseXml(page, (await fetchFeed(`${server.baseUrl}/history.rss`)).body), "channel"), "item");
    expect(rssAfter.map((i) => text(i, "guid")).sort()).toEqual([...rssGuids].sort());
  });

  it("counts a corrected update as activity", async () => {
    const editedAt = new Date(Date.now() + 1_000);
    const first = t.db.select({ id: incidentUpdate.id }).from(incidentUpdate).where(eq(incidentUpdate.incidentId, acmeIncident)).get()!;
    t.db.update(incidentUpdate).set({ body: `${FIRST_BODY} (corrected)`, editedAt }).where(eq(incidentUpdate.id, first.id)).run();
    const entry = childrenNamed(await parseXml(page, (await fetchFeed(`${server.baseUrl}/history.atom`)).body), "entry")[0]!;
    expect(text(entry, "id")).toBe(`${server.baseUrl}/incidents/${acmeIncident}`);
    expect(text(entry, "updated")).toBe(editedAt.toISOString());
    expect((await readHtml(page, text(entry, "content"))).text).toContain("(edited ");
  });

  it("serves one provider's feeds with its incidents only, and 404 for a provider that does not exist", async () => {
    const atom = await fetchFeed(`${server.baseUrl}/providers/acme-pay/history.atom`);
    expect(atom.response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = await parseXml(page, atom.body);
    expect(text(feed, "title")).toContain("Acme Pay");
    expect(text(feed, "id")).toBe(`${server.baseUrl}/providers/acme-pay/history.atom`);
    expect(childrenNamed(feed, "link").find((l) => l.attributes.rel === "self")?.attributes.href).toBe(`${server.baseUrl}/providers/acme-pay/history.atom`);
    expect(childrenNamed(feed, "entry").map((e) => text(e, "id"))).toEqual([`${server.baseUrl}/incidents/${acmeIncident}`]);

    const rss = await fetchFeed(`${server.baseUrl}/providers/ship-fast/history.rss`);
    expect(rss.response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const channel = onlyChild(await parseXml(page, rss.body), "channel");
    expect(text(channel, "link")).toBe(`${server.baseUrl}/providers/ship-fast`);
    expect(childrenNamed(channel, "item").map((i) => text(i, "guid"))).toEqual([`${server.baseUrl}/incidents/${shipIncident}`]);

    for (const path of ["/providers/nobody/history.atom", "/providers/nobody/history.rss"]) {
      const missing = await fetchFeed(`${server.baseUrl}${path}`);
      expect(missing.response.status, path).toBe(404);
      expect(missing.body).toBe('There is no provider "nobody".');
    }
  });

  it("gives a provider without incidents a valid, empty feed dated when the provider was added", async () => {
    const added = t.db.select({ createdAt: provider.createdAt }).from(provider).where(eq(provider.slug, "quiet-pay")).get()!.createdAt;
    const feed = await parseXml(page, (await fetchFeed(`${server.baseUrl}/providers/quiet-pay/history.atom`)).body);
    expect(childrenNamed(feed, "entry")).toEqual([]);
    expect(text(feed, "updated")).toBe(added.toISOString());
    const channel = onlyChild(await parseXml(page, (await fetchFeed(`${server.baseUrl}/providers/quiet-pay/history.rss`)).body), "channel");
    expect(childrenNamed(channel, "item")).toEqual([]);
    expect(text(channel, "lastBuildDate")).toBe(added.toUTCString());
  });

  it("drops characters XML cannot carry instead of breaking the feed", async () => {
    const acme = t.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, "acme-pay")).get()!;
    const id = createIncident(t.db, {
      title: "Webhooks\u0007 delayed\u000b again",
      providers: [{ providerId: acme.id, impact: "degraded_performance" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(Date.now() + 2_000),
      firstUpdate: { status: "investigating", body: "Pasted from a terminal:\u001b[31m timeouts\u0000" },
    });
    for (const format of ["atom", "rss"]) {
      const { body } = await fetchFeed(`${server.baseUrl}/providers/acme-pay/history.${format}`);
      const root = await parseXml(page, body);
      const first = format === "atom" ? childrenNamed(root, "entry")[0]! : childrenNamed(onlyChild(root, "channel"), "item")[0]!;
      expect(text(first, format === "atom" ? "id" : "guid")).toBe(`${server.baseUrl}/incidents/${id}`);
      expect(text(first, "title")).toBe("Webhooks delayed again");
    }
  });

  it("links the feeds from the history and provider pages", async () => {
    const history = await (await fetch(`${server.baseUrl}/history`)).text();
    expect(history).toMatch(/<link rel="alternate" type="application\/atom\+xml" [^>]*href="\/history.atom"/);
    expect(history).toMatch(/<link rel="alternate" type="application\/rss\+xml" [^>]*href="\/history.rss"/);
    const providerPage = await (await fetch(`${server.baseUrl}/providers/acme-pay`)).text();
    expect(providerPage).toMatch(/<link rel="alternate" type="application\/atom\+xml" [^>]*href="\/providers\/acme-pay\/history.atom"/);
    expect(providerPage).toMatch(/<link rel="alternate" type="application\/rss\+xml" [^>]*href="\/providers\/acme-pay\/history.rss"/);
  });
});

describe("history feed contents", () => {
  it(`carry the ${FEED_INCIDENT_COUNT} incidents with the newest activity, each once`, () => {
    const t = guidanceDatabase();
    try {
      const acme = addProvider(t.db, "acme-pay").provider;
      const baseMs = Date.now() - 100 * HOUR_MS;
      const ids = Array.from({ length: FEED_INCIDENT_COUNT + 5 }, (_, i) =>
        createIncident(t.db, {
          title: `Incident ${i + 1}`,
          providers: [{ providerId: acme.id, impact: "partial_outage" }],
          workflowIds: [],
          causeId: null,
          source: "ops",
          startedAt: new Date(baseMs + i * HOUR_MS),
          firstUpdate: { status: "resolved", body: "Over." },
        }),
      );
      // The oldest incident gets news: it belongs in the feed again, at the top.
      postIncidentUpdate(t.db, { incidentId: ids[0]!, status: "investigating", body: "It is back.", at: new Date() });
      const feed = listFeedIncidents(t.db);
      expect(feed).toHaveLength(FEED_INCIDENT_COUNT);
      expect(feed[0]!.id).toBe(ids[0]);
      expect(feed.slice(1).map((i) => i.id)).toEqual(ids.slice(-(FEED_INCIDENT_COUNT - 1)).reverse());
      expect(feed[0]!.updates.map((u) => u.body)).toEqual(["It is back.", "Over."]);
    } finally {
      t.close();
    }
  });

  it("are well-formed for every incident of the demo, whatever its text", async () => {
    const t = demoDatabase();
    const server = await startServer(t.db);
    try {
      for (const path of ["/history.atom", "/history.rss", "/providers/razorpay/history.atom", "/providers/shiprocket/history.rss"]) {
        const { response, body } = await fetchFeed(`${server.baseUrl}${path}`);
        expect(response.status, path).toBe(200);
        const root = await parseXml(page, body);
        const entries = root.name === "feed" ? childrenNamed(root, "entry") : childrenNamed(onlyChild(root, "channel"), "item");
        expect(entries.length, path).toBeGreaterThan(0);
        for (const entry of entries) {
          const html = root.name === "feed" ? text(entry, "content") : text(entry, "description");
          expect((await readHtml(page, html)).elements, path).not.toContain("script");
        }
      }
    } finally {
      await server.close();
      t.close();
    }
  });
});
