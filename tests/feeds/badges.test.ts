import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyCounts, type ResultCounts } from "../../db/health/uptime";
import { getProviderPage } from "../../db/queries/provider-page";
import { listProviders } from "../../db/queries/catalogue";
import { createIncident } from "../../db/incidents/write";
import { addProviderDaily } from "../../db/rollups/write";
import { maintenance, maintenanceProvider } from "../../db/schema";
import type { ProviderImpact } from "../../db/schema/enums";
import { addDays, dayKey } from "../../db/time";
import { contrastRatio, LABEL_COLOUR, MIN_TEXT_CONTRAST } from "~/badges/badge.server";
import { STATUS_COLOURS } from "~/badges/provider-badges.server";
import { BAND_COLOURS } from "~/components/chart-settings";
import { PROVIDER_STATUS_LABELS } from "~/lib/labels";
import { launchChromium } from "../support/browser";
import { addProvider } from "../support/builders";
import { demoDatabase, guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { childrenNamed, onlyChild, parseXml, parserPage, type XmlNode } from "../support/xml";

const SVG = "http://www.w3.org/2000/svg";
const HOUR_MS = 3_600_000;

let browser: Browser;
let page: Page;
let t: TestDatabase;
let server: RunningServer;

const counts = (ok: number, down: number): ResultCounts => ({ ...emptyCounts(), okCount: ok, downCount: down });

function addIncident(providerId: number, impact: ProviderImpact) {
  createIncident(t.db, {
    title: `Trouble (${impact})`,
    providers: [{ providerId, impact }],
    workflowIds: [],
    causeId: null,
    source: "ops",
    startedAt: new Date(Date.now() - HOUR_MS),
    firstUpdate: { status: "investigating", body: "Looking into it." },
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await parserPage(browser);
  t = guidanceDatabase();
  const nowMs = Date.now();
  const today = dayKey(nowMs);

  const acme = addProvider(t.db, "acme-pay").provider;
  addProviderDaily(t.db, [
    { providerId: acme.id, day: today, counts: counts(9_995, 5) },
    // Outside a 30-day window, inside a 90-day one.
    { providerId: acme.id, day: addDays(today, -40), counts: counts(5_000, 5_000) },
  ]);
  addProvider(t.db, "acme-pay-gateway-international");
  addIncident(addProvider(t.db, "slow-co").provider.id, "degraded_performance");
  addIncident(addProvider(t.db, "half-co").provider.id, "partial_outage");
  addIncident(addProvider(t.db, "down-co").provider.id, "major_outage");
  const resting = addProvider(t.db, "resting-co").provider;
  const window = t.db
    .insert(maintenance)
    .values({ title: "Database upgrade", scheduledFor: new Date(nowMs - HOUR_MS), scheduledUntil: new Date(nowMs + HOUR_MS) })
    .returning()
    .get();
  t.db.insert(maintenanceProvider).values({ maintenanceId: window.id, providerId: resting.id }).run();
  server = await startServer(t.db);
});
afterAll(async () => {
  await server?.close();
  t?.close();
  await browser?.close();
});

interface Badge {
  svg: XmlNode;
  source: string;
  response: Response;
  width: number;
  /** The two texts people read (the shadows are hidden from assistive technology). */
  texts: string[];
  /** Fill of the value half. */
  valueColour: string;
  textColours: string[];
}

async function badge(path: string, headers: Record<string, string> = {}): Promise<Badge> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers });
  expect(response.status, path).toBe(200);
  const source = await response.text();
  const svg = await parseXml(page, source, "image/svg+xml");
  const texts = childrenNamed(svg, "g")
    .flatMap((g) => childrenNamed(g, "text"))
    .filter((x) => x.attributes["aria-hidden"] !== "true");
  const rects = childrenNamed(svg, "g").flatMap((g) => childrenNamed(g, "rect"));
  return {
    svg,
    source,
    response,
    width: Number(svg.attributes.width),
    texts: texts.map((x) => x.text),
    valueColour: rects[1]!.attributes.fill!,
    textColours: texts.map((x) => x.attributes.fill!),
  };
}

describe("status badge", () => {
  it("is an accessible SVG saying the provider's name and status, in the status colour", async () => {
    const cases = [
      ["acme-pay", "Acme Pay", "operational"],
      ["slow-co", "Slow Co", "degraded_performance"],
      ["half-co", "Half Co", "partial_outage"],
      ["down-co", "Down Co", "major_outage"],
      ["resting-co", "Resting Co", "under_maintenance"],
    ] as const;
    for (const [slug, name, status] of cases) {
      const b = await badge(`/badge/${slug}.svg`);
      const words = PROVIDER_STATUS_LABELS[status];
      expect(b.response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect([b.svg.name, b.svg.namespace]).toEqual(["svg", SVG]);
      expect(b.svg.attributes).toMatchObject({ role: "img", "aria-label": `${name}: ${words}`, height: "20" });
      expect(onlyChild(b.svg, "title").text).toBe(`${name}: ${words}`);
      expect(b.texts).toEqual([name, words]);
      expect(b.valueColour, slug).toBe(STATUS_COLOURS[status]);
      expect(contrastRatio(b.textColours[0]!, LABEL_COLOUR)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(b.textColours[1]!, b.valueColour), slug).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
    const colours = await Promise.all(cases.map(async ([slug]) => (await badge(`/badge/${slug}.svg`)).valueColour));
    expect(new Set(colours).size).toBe(cases.length);
  });

  it("grows with its text, and a browser draws each text inside its own half", async () => {
    const short = await badge("/badge/acme-pay.svg");
    const long = await badge("/badge/acme-pay-gateway-international.svg");
    const longerWords = await badge("/badge/half-co.svg");
    expect(long.width).toBeGreaterThan(short.width + 50);
    expect(short.texts[1]).toBe(long.texts[1]);
    expect(Number(childrenNamed(longerWords.svg, "g")[0]!.children[1]!.attributes.width)).toBeGreaterThan(
      Number(childrenNamed(short.svg, "g")[0]!.children[1]!.attributes.width),
    );

    const view = await browser.newPage();
    try {
      await view.goto(`${server.baseUrl}/badge/acme-pay-gateway-international.svg`);
      const layout = await view.evaluate(() => {
        const box = (e: Element) => {
          const { x, width } = (e as SVGGraphicsElement).getBBox();
          return { x, width };
        };
        return {
          halves: [...document.querySelectorAll("g[clip-path] rect")].slice(0, 2).map(box),
          texts: [...document.querySelectorAll("text:not([aria-hidden])")].map(box),
        };
      });
      expect(layout.texts).toHaveLength(2);
      layout.texts.forEach((box, i) => {
        const half = layout.halves[i]!;
        expect(box.width).toBeGreaterThan(0);
        expect(box.x).toBeGreaterThanOrEqual(half.x);
        expect(box.x + box.width).toBeLessThanOrEqual(half.x + half.width);
      });
    } finally {
      await view.close();
    }
  });

  it("says what the provider page says, for every provider of the demo", async () => {
    const demo = demoDatabase();
    const demoServer = await startServer(demo.db);
    try {
      for (const p of listProviders(demo.db)) {
        const expected = PROVIDER_STATUS_LABELS[getProviderPage(demo.db, p.slug, Date.now())!.status];
        const response = await fetch(`${demoServer.baseUrl}/badge/${p.slug}.svg`);
        const svg = await parseXml(page, await response.text(), "image/svg+xml");
        expect(svg.attributes["aria-label"], p.slug).toBe(`${p.name}: ${expected}`);
      }
    } finally {
      await demoServer.close();
      demo.close();
    }
  });
});

describe("uptime badge", () => {
  it("shows uptime over the last 30 days by default, from the daily rollups, floored to two decimals", async () => {
    const b = await badge("/badge/acme-pay/uptime.svg");
    expect(b.texts).toEqual(["Acme Pay uptime, 30 days", "99.95%"]);
    expect(b.svg.attributes["aria-label"]).toBe("Acme Pay uptime, 30 days: 99.95%");
    expect(b.valueColour).toBe(BAND_COLOURS.full);
    expect(contrastRatio(b.textColours[1]!, b.valueColour)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it("takes ?days= from 1 to 90", async () => {
    const longer = await badge("/badge/acme-pay/uptime.svg?days=90");
    // (9,995 + 5,000) of (10,000 + 10,000) results were up.
    expect(longer.texts).toEqual(["Acme Pay uptime, 90 days", "74.97%"]);
    expect(longer.valueColour).toBe(BAND_COLOURS.major);
    expect(contrastRatio(longer.textColours[1]!, longer.valueColour)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect((await badge("/badge/acme-pay/uptime.svg?days=1")).texts).toEqual(["Acme Pay uptime, today", "99.95%"]);
  });

  it('says "no data", in grey, for a provider without results, never 100 %', async () => {
    const b = await badge("/badge/slow-co/uptime.svg");
    expect(b.texts).toEqual(["Slow Co uptime, 30 days", "no data"]);
    expect(b.valueColour).toBe(BAND_COLOURS.none);
    expect(contrastRatio(b.textColours[1]!, b.valueColour)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it("answers 400 with a one-line reason for a bad number of days", async () => {
    for (const days of ["0", "91", "abc", "7.5", "", "-3", "1e1"]) {
      const response = await fetch(`${server.baseUrl}/badge/acme-pay/uptime.svg?days=${encodeURIComponent(days)}`);
      expect(response.status, days).toBe(400);
      const reason = await response.text();
      expect(reason).toBe(`days must be a whole number from 1 to 90, not "${days}".`);
      expect(reason).not.toContain("\n");
    }
  });
});

describe("both badges", () => {
  it("answer 404 for a provider that does not exist", async () => {
    for (const path of ["/badge/nobody.svg", "/badge/nobody/uptime.svg", "/badge/nobody/uptime.svg?days=7"]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('There is no provider "nobody".');
    }
  });

  it("may be cached a minute and served stale while revalidating, and answer 304 to a matching ETag", async () => {
    for (const path of ["/badge/acme-pay.svg", "/badge/acme-pay/uptime.svg?days=7"]) {
      const first = await badge(path);
      expect(first.response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
      const etag = first.response.headers.get("etag");
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect((await badge(path)).response.headers.get("etag")).toBe(etag);
      const cached = await fetch(`${server.baseUrl}${path}`, { headers: { "If-None-Match": etag! } });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe("");
      expect(cached.headers.get("etag")).toBe(etag);
      expect(cached.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    }
    const status = await badge("/badge/acme-pay.svg");
    const other = await fetch(`${server.baseUrl}/badge/down-co.svg`, { headers: { "If-None-Match": status.response.headers.get("etag")! } });
    expect(other.status).toBe(200);
  });
});
