import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../app/env.server";
import { generateKeyringSpec, parseKeyring, seal } from "../../db/credentials/keyring";
import { createIncident } from "../../db/incidents/write";
import { createIngestToken } from "../../db/ingest/tokens";
import { check, delivery, notificationEvent, subscriber } from "../../db/schema";
import type { DeliveryState } from "../../db/schema/enums";
import { createMetrics, type Metrics } from "../../server/metrics";
import { startProbes } from "../../server/probes";
import { addConnections, addOpsIncident, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

const METRICS_TOKEN = "scrape-me-with-this-long-token";

let t: TestDatabase;
let metrics: Metrics;
let server: RunningServer;
let provider: Server;
let providerUrl: string;
let providerId: number;
let merchantId: string;

beforeAll(async () => {
  provider = createServer((req, res) => {
    res.statusCode = req.url === "/down" ? 503 : 200;
    res.end();
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;

  t = guidanceDatabase();
  providerId = addProvider(t.db, "acme-pay").provider.id;
  merchantId = addConnections(t.db, providerId, 1)[0]!.merchant.externalId;
  // Only the checks below run: the seeded ones would reach for hosts outside this machine.
  t.db.update(check).set({ enabled: false }).run();
  metrics = createMetrics(t.db);
  server = await startServer(t.db, { metrics, metricsToken: METRICS_TOKEN });
});
afterAll(async () => {
  await server.close();
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
  t.close();
});

const scrape = (baseUrl: string, authorization?: string) =>
  fetch(`${baseUrl}/metrics`, { headers: authorization === undefined ? {} : { authorization } });

async function scraped(): Promise<string> {
  const response = await scrape(server.baseUrl, `Bearer ${METRICS_TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample in Prometheus text, found by its name and labels in any order. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const until = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
  const startedAt = Date.now();
  while (!(await condition())) {
    if (Date.now() - startedAt > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe("GET /metrics", () => {
  it("refuses a scraper without the token, with a wrong one, or with another scheme", async () => {
    for (const authorization of [undefined, "Bearer not-the-metrics-token", `Basic ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN}x`]) {
      const response = await scrape(server.baseUrl, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.text()).not.toContain("status_check_runs_total");
    }
  });

  it("is not served at all when no token is configured", async () => {
    const unconfigured = await startServer(t.db, { metrics: createMetrics(t.db) });
    try {
      expect((await scrape(unconfigured.baseUrl, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
    } finally {
      await unconfigured.close();
    }
  });

  it("serves Prometheus text with every family described, and the process's own figures", async () => {
    const response = await scrape(server.baseUrl, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain;.* version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const [family, type] of [
      ["status_check_runs_total", "counter"],
      ["status_check_duration_seconds", "histogram"],
      ["status_open_incidents", "gauge"],
      ["status_webhook_deliveries", "gauge"],
      ["status_ingest_batches_total", "counter"],
      ["process_cpu_user_seconds_total", "counter"],
      ["nodejs_eventloop_lag_seconds", "gauge"],
    ]) {
      expect(text).toMatch(new RegExp(`^# HELP ${family} \\S`, "m"));
      expect(text).toContain(`# TYPE ${family} ${type}\n`);
    }
    // Series exist at zero before anything happened, so alerts on their rate see the first event.
    expect(sample(text, "status_check_runs_total", { kind: "http", outcome: "down" })).toBe(0);
    expect(sample(text, "status_ingest_batches_total", { result: "unauthorized" })).toBe(0);
  });

  it("counts check runs by kind and outcome, with their duration, once the scheduler has run them", async () => {
    const before = await scraped();
    const checksAt = (path: string, slug: string) =>
      t.db.insert(check).values({ slug, name: slug, kind: "http", providerId, config: { url: `${providerUrl}${path}` }, intervalSeconds: 3600 }).run();
    checksAt("/up", "acme-up");
    checksAt("/down", "acme-down");
    const probes = await startProbes({
      db: t.db,
      keyring: parseKeyring(generateKeyringSpec()),
      demo: false,
      demoTimeScale: 1,
      detection: { failingShare: 0.3, minMerchants: 5, windowMs: 600_000 },
      log: () => undefined,
      onCheckRun: metrics.observeCheckRun,
    });
    try {
      await until(async () => sample(await scraped(), "status_check_duration_seconds_count", { kind: "http" }) === 2);
    } finally {
      await probes.stop();
    }
    const after = await scraped();
    expect(sample(before, "status_check_runs_total", { kind: "http", outcome: "ok" })).toBe(0);
    expect(sample(after, "status_check_runs_total", { kind: "http", outcome: "ok" })).toBe(1);
    expect(sample(after, "status_check_runs_total", { kind: "http", outcome: "down" })).toBe(1);
    // Two runs on loopback are well inside the 30 s bucket and took some time each.
    expect(sample(after, "status_check_duration_seconds_bucket", { kind: "http", le: "30" })).toBe(2);
    expect(sample(after, "status_check_duration_seconds_sum", { kind: "http" })).toBeGreaterThan(0);
  });

  it("counts ingest batches as accepted, rejected or unauthorized", async () => {
    const token = createIngestToken(t.db, "integration layer").token;
    const push = (body: unknown, bearer: string | null) =>
      fetch(`${server.baseUrl}/api/ingest/results`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(body),
      });
    const good = { results: [{ merchant: merchantId, provider: "acme-pay", at: new Date().toISOString(), http_status: 200, idempotency_key: "metrics-test-1" }] };
    expect((await push(good, token)).status).toBe(200);
    expect((await push({ results: "many" }, token)).status).toBe(400);
    expect((await push(good, null)).status).toBe(401);
    expect((await push(good, "sqi_not-a-real-token")).status).toBe(401);
    const text = await scraped();
    expect(sample(text, "status_ingest_batches_total", { result: "accepted" })).toBe(1);
    expect(sample(text, "status_ingest_batches_total", { result: "rejected" })).toBe(1);
    expect(sample(text, "status_ingest_batches_total", { result: "unauthorized" })).toBe(2);
  });

  it("reports open incidents by impact as the database holds them at scrape time", async () => {
    const startedAt = new Date();
    addOpsIncident(t.db, providerId, "Payments partly failing", startedAt);
    addOpsIncident(t.db, providerId, "Refunds partly failing", startedAt);
    createIncident(t.db, {
      title: "Checkout down",
      providers: [{ providerId, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt,
      firstUpdate: { status: "investigating", body: "Looking into it." },
    });
    createIncident(t.db, {
      title: "Slow yesterday, fine now",
      providers: [{ providerId, impact: "degraded_performance" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt,
      firstUpdate: { status: "resolved", body: "Over." },
    });
    const text = await scraped();
    expect(sample(text, "status_open_incidents", { impact: "major" })).toBe(2);
    expect(sample(text, "status_open_incidents", { impact: "critical" })).toBe(1);
    expect(sample(text, "status_open_incidents", { impact: "minor" })).toBe(0);
    expect(sample(text, "status_open_incidents", { impact: "none" })).toBe(0);
  });

  it("reports the webhook outbox by state as the database holds it, leaving email out", async () => {
    const keyring = parseKeyring(generateKeyringSpec());
    const addSubscriber = (kind: "email" | "webhook", n: number) =>
      t.db
        .insert(subscriber)
        .values({
          kind,
          ...(kind === "email" ? { email: `ops${n}@example.com` } : { url: `https://hooks.example.com/${n}` }),
          tokenHash: `hash-${n}`,
          sealedToken: seal(keyring, `token-${n}`),
          confirmedAt: new Date(),
        })
        .returning()
        .get().id;
    const webhook = addSubscriber("webhook", 1);
    const email = addSubscriber("email", 2);
    const states: [number, DeliveryState][] = [
      [webhook, "pending"],
      [webhook, "pending"],
      [webhook, "delivered"],
      [webhook, "dead"],
      [email, "delivered"],
      [email, "failed"],
    ];
    states.forEach(([subscriberId, state], i) => {
      const eventId = t.db
        .insert(notificationEvent)
        .values({ kind: "subscription.confirm", dedupeKey: `metrics-test-${i}`, payload: { type: "confirmation" } })
        .returning()
        .get().id;
      t.db.insert(delivery).values({ eventId, subscriberId, state, nextAttemptAt: new Date() }).run();
    });
    const text = await scraped();
    expect(text).toContain("# TYPE status_webhook_deliveries gauge\n");
    expect(sample(text, "status_webhook_deliveries", { state: "pending" })).toBe(2);
    expect(sample(text, "status_webhook_deliveries", { state: "delivered" })).toBe(1);
    expect(sample(text, "status_webhook_deliveries", { state: "dead" })).toBe(1);
    expect(sample(text, "status_webhook_deliveries", { state: "failed" })).toBe(0);
    expect(sample(text, "status_webhook_deliveries", { state: "sending" })).toBe(0);
  });
});

describe("METRICS_TOKEN and LOG_LEVEL", () => {
  it("refuse a token too short to be safe and a level pino does not know, naming the variable", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    const defaults = parseEnv({});
    expect(defaults.LOG_LEVEL).toBe("info");
    expect(defaults.METRICS_TOKEN).toBeUndefined();
  });
});
