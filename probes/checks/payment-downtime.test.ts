import type { IncomingHttpHeaders } from "node:http";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getProviderPage } from "../../db/queries/provider-page";
import { incident, incidentProvider, incidentUpdate, maintenance } from "../../db/schema";
import { mirrorUpstream } from "../../db/upstream/mirror";
import { addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import type { CheckTarget, RunContext } from "../types";
import { runPaymentDowntimeCheck } from "./payment-downtime";
import { startHttpServer, type LocalServer } from "./test-servers";

// A gateway's downtime API on loopback whose list each test changes between polls.
interface Answer {
  status?: number;
  contentType?: string;
  body: string | ((headers: IncomingHttpHeaders) => string);
}

let server: LocalServer;
let baseUrl: string;
let answer: Answer;
let requests: { url: string; headers: IncomingHttpHeaders }[];

beforeAll(async () => {
  const started = await startHttpServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(answer.status ?? 200, { "content-type": answer.contentType ?? "application/json" });
    res.end(typeof answer.body === "function" ? answer.body(req.headers) : answer.body);
  });
  server = started;
  baseUrl = started.url;
});

afterAll(() => server.close());

/** 10:05 IST on 14 March 2025. */
const NOW_MS = Date.UTC(2025, 2, 14, 4, 35);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const unix = (ms: number) => Math.floor(ms / 1000);

type DowntimeStatus = "scheduled" | "started" | "updated" | "resolved" | "cancelled";

function downtime(overrides: Record<string, unknown> & { id: string; status: DowntimeStatus }) {
  return {
    entity: "payment.downtime",
    method: "upi",
    begin: unix(NOW_MS),
    end: null,
    scheduled: false,
    severity: "high",
    instrument: { psp: "oksbi" },
    created_at: unix(NOW_MS - HOUR_MS),
    updated_at: unix(NOW_MS),
    ...overrides,
  };
}

const list = (...items: object[]) => JSON.stringify({ entity: "collection", count: items.length, items });

function target(config: Record<string, unknown> = {}): CheckTarget {
  return { id: 2, slug: "razorpay-downtimes", kind: "payment-downtime", providerSlug: "razorpay", config: { url: baseUrl, ...config }, timeoutMs: 5_000 };
}

const context = (nowMs = NOW_MS): RunContext => ({ signal: AbortSignal.timeout(5_000), now: () => nowMs });

let test: TestDatabase;
let providerId: number;

beforeEach(() => {
  requests = [];
  answer = { body: list() };
  test = guidanceDatabase();
  providerId = addProvider(test.db, "razorpay", "payments").provider.id;
});

afterEach(() => test.close());

async function poll(nowMs: number) {
  const result = await runPaymentDowntimeCheck(target(), context(nowMs));
  const counts = result.upstream
    ? mirrorUpstream(test.db, { providerId, checkSlug: "razorpay-downtimes", report: result.upstream, nowMs })
    : null;
  return { result, counts };
}

const mirroredIncidents = () => test.db.select().from(incident).where(eq(incident.source, "upstream")).all();
const windows = () => test.db.select().from(maintenance).orderBy(asc(maintenance.id)).all();
const providerPage = (nowMs: number) => getProviderPage(test.db, "razorpay", nowMs)!;

describe("payment-downtime check", () => {
  it("reads an empty list as operational", async () => {
    const { result, counts } = await poll(NOW_MS);
    expect(requests.map((r) => r.url)).toEqual(["/v1/payments/downtimes"]);
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200, evidence: null, message: "Razorpay reports operational" });
    expect(result.upstream).toEqual({ providerStatus: "operational", incidents: [], maintenances: [] });
    expect(counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 0 });
  });

  it("follows a downtime from scheduled to started to resolved", async () => {
    const beginMs = NOW_MS + HOUR_MS; // 11:05 IST
    const scheduled = downtime({ id: "down_UPI1", status: "scheduled", scheduled: true, begin: unix(beginMs), end: unix(beginMs + 2 * HOUR_MS) });

    // Announced: a maintenance window, nothing failing yet.
    answer = { body: list(scheduled) };
    const announced = await poll(NOW_MS);
    expect(announced.result.outcome).toBe("ok");
    expect(announced.counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 1 });
    expect(windows()).toMatchObject([
      {
        source: "upstream",
        externalRef: "razorpay-downtimes:down_UPI1",
        title: "Scheduled downtime: UPI via PSP oksbi",
        description: "Razorpay has scheduled a downtime: UPI payments via PSP oksbi may fail (high severity) from 11:05 IST on 14 Mar 2025 until 13:05 IST on 14 Mar 2025.",
        cancelledAt: null,
      },
    ]);
    expect(providerPage(NOW_MS).maintenance.map((m) => [m.title, m.status])).toEqual([["Scheduled downtime: UPI via PSP oksbi", "scheduled"]]);

    // Started: an incident with a partial outage on the provider; the window ends here.
    const startedAtMs = beginMs + 2 * MINUTE_MS;
    answer = { body: list({ ...scheduled, status: "started", updated_at: unix(startedAtMs) }) };
    const started = await poll(startedAtMs);
    expect(started.result).toMatchObject({
      outcome: "down",
      evidence: { kind: "upstream", detail: "Razorpay reports partial outage: UPI via PSP oksbi: high severity" },
    });
    expect(started.counts).toEqual({ opened: 1, updated: 0, resolved: 0, maintenances: 1 });
    const [ours] = mirroredIncidents();
    expect(ours).toMatchObject({ title: "UPI via PSP oksbi: high severity", status: "identified", externalRef: "razorpay-downtimes:down_UPI1" });
    expect(ours!.startedAt.getTime()).toBe(beginMs);
    expect(test.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, ours!.id)).all().map((u) => u.body)).toEqual([
      "Razorpay reports that UPI payments via PSP oksbi may fail (high severity) since 11:05 IST on 14 Mar 2025.",
    ]);
    expect(test.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, ours!.id)).get()?.impact).toBe("partial_outage");
    expect(providerPage(startedAtMs).status).toBe("partial_outage");

    // Polled again, still started: nothing new.
    expect((await poll(startedAtMs + MINUTE_MS)).counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 0 });

    // Resolved: no longer listed as failing, so ours is resolved.
    const resolvedAtMs = startedAtMs + 30 * MINUTE_MS;
    answer = { body: list({ ...scheduled, status: "resolved", end: unix(resolvedAtMs), updated_at: unix(resolvedAtMs) }) };
    const resolved = await poll(resolvedAtMs);
    expect(resolved.result).toMatchObject({ outcome: "ok", upstream: { providerStatus: "operational", incidents: [], maintenances: [] } });
    expect(resolved.counts).toEqual({ opened: 0, updated: 0, resolved: 1, maintenances: 0 });
    expect(mirroredIncidents()[0]).toMatchObject({ status: "resolved" });
    expect(providerPage(resolvedAtMs).status).toBe("operational");
  });

  it("cancels the window of a scheduled downtime the gateway calls off", async () => {
    const scheduled = downtime({ id: "down_NB1", status: "scheduled", scheduled: true, method: "netbanking", instrument: { bank: "HDFC" }, severity: "low", begin: unix(NOW_MS + 3 * HOUR_MS), end: unix(NOW_MS + 4 * HOUR_MS) });
    answer = { body: list(scheduled) };
    await poll(NOW_MS);
    expect(windows().map((w) => w.title)).toEqual(["Scheduled downtime: Netbanking via bank HDFC"]);

    answer = { body: list({ ...scheduled, status: "cancelled" }) };
    const cancelled = await poll(NOW_MS + MINUTE_MS);
    expect(cancelled.counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 1 });
    expect(windows()[0]!.cancelledAt?.getTime()).toBe(NOW_MS + MINUTE_MS);
    expect(providerPage(NOW_MS + MINUTE_MS).maintenance).toEqual([]);
  });

  it("announces a scheduled downtime without an end as one hour, and says the end is not known", async () => {
    answer = { body: list(downtime({ id: "down_W1", status: "scheduled", scheduled: true, method: "wallet", instrument: [], begin: unix(NOW_MS + HOUR_MS) })) };
    const { result } = await poll(NOW_MS);
    expect(result.upstream?.maintenances).toEqual([
      {
        externalId: "down_W1",
        title: "Scheduled downtime: Wallets",
        description: "Razorpay has scheduled a downtime: wallet payments may fail (high severity) from 11:05 IST on 14 Mar 2025. Razorpay has not announced when it ends.",
        scheduledForMs: NOW_MS + HOUR_MS,
        scheduledUntilMs: NOW_MS + 2 * HOUR_MS,
      },
    ]);
  });

  it("names what fails and rates the provider by the worst ongoing downtime", async () => {
    answer = {
      body: list(
        downtime({ id: "down_C1", status: "started", method: "card", instrument: { network: "VISA", card_type: "credit" }, severity: "medium" }),
        downtime({ id: "down_N1", status: "updated", method: "netbanking", instrument: { bank: "HDFC" }, severity: "low" }),
        downtime({ id: "down_R1", status: "resolved", method: "upi", severity: "high" }),
      ),
    };
    const { result } = await poll(NOW_MS);
    expect(result.outcome).toBe("degraded");
    expect(result.upstream?.providerStatus).toBe("degraded_performance");
    expect(result.upstream?.incidents.map((i) => [i.title, i.impact])).toEqual([
      ["Cards on network VISA: medium severity", "minor"],
      ["Netbanking via bank HDFC: low severity", "minor"],
    ]);
    expect(result.upstream?.incidents[1]?.body).toBe("Razorpay reports that netbanking payments via bank HDFC may fail (low severity) since 10:05 IST on 14 Mar 2025.");
  });

  describe("with Basic auth from the environment", () => {
    const SECRET = "rzp_secret_Zx81kq";
    beforeEach(() => {
      process.env.TEST_RAZORPAY_KEY_ID = "rzp_live_key1";
      process.env.TEST_RAZORPAY_KEY_SECRET = SECRET;
    });
    afterEach(() => {
      delete process.env.TEST_RAZORPAY_KEY_ID;
      delete process.env.TEST_RAZORPAY_KEY_SECRET;
    });
    const authConfig = { basicAuthEnv: { username: "TEST_RAZORPAY_KEY_ID", password: "TEST_RAZORPAY_KEY_SECRET" } };
    const token = () => Buffer.from(`rzp_live_key1:${SECRET}`).toString("base64");

    it("sends the key id and secret", async () => {
      const result = await runPaymentDowntimeCheck(target(authConfig), context());
      expect(result.outcome).toBe("ok");
      expect(requests[0]?.headers.authorization).toBe(`Basic ${token()}`);
    });

    it("keeps the secret out of the result even when the gateway echoes it", async () => {
      // A rejecting gateway that quotes the credentials back.
      answer = {
        status: 401,
        body: (headers) => {
          const decoded = Buffer.from((headers.authorization ?? "").replace("Basic ", ""), "base64").toString();
          return JSON.stringify({ error: { code: "BAD_REQUEST_ERROR", description: `Authentication failed for ${decoded} (${headers.authorization})` } });
        },
      };
      const rejected = await runPaymentDowntimeCheck(target(authConfig), context());
      expect(rejected).toMatchObject({ outcome: "down", httpStatus: 401, evidence: { kind: "http", status: 401 } });
      expect(JSON.stringify(rejected)).toContain("Authentication failed for rzp_live_key1:[redacted] (Basic [redacted])");
      expect(JSON.stringify(rejected)).not.toContain(SECRET);
      expect(JSON.stringify(rejected)).not.toContain(token());
    });

    it("does not call the gateway without its credentials, and names the missing variable", async () => {
      delete process.env.TEST_RAZORPAY_KEY_SECRET;
      const detail = "invalid check configuration: basicAuthEnv: environment variable not set: TEST_RAZORPAY_KEY_SECRET";
      expect(await runPaymentDowntimeCheck(target(authConfig), context())).toEqual({
        outcome: "down",
        latencyMs: null,
        httpStatus: null,
        evidence: { kind: "configuration", detail },
        message: detail,
      });
      expect(requests).toEqual([]);
    });
  });

  it("sends no Authorization header when no credentials are configured", async () => {
    await runPaymentDowntimeCheck(target(), context());
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  describe("an answer that is not a downtime list is a clear failure, and nothing is mirrored", () => {
    const cases: [string, Answer, RegExp][] = [
      ["an HTML page", { contentType: "text/html", body: "<html><body>Bad gateway</body></html>" }, /the body is not JSON \(text\/html\)$/],
      ["a single downtime instead of the collection", { body: JSON.stringify(downtime({ id: "down_X", status: "started" })) }, /: entity: Invalid input/],
      ["an unknown severity", { body: list(downtime({ id: "down_X", status: "started", severity: "extreme" })) }, /: items\[0\]\.severity: Invalid option/],
    ];
    it.each(cases)("%s", async (_, feed, problem) => {
      answer = { body: list(downtime({ id: "down_UPI1", status: "started" })) };
      await poll(NOW_MS);
      const before = { incidents: mirroredIncidents(), updates: test.db.select().from(incidentUpdate).all() };

      answer = feed;
      const { result, counts } = await poll(NOW_MS + MINUTE_MS);
      expect(result).toMatchObject({ outcome: "down", evidence: { kind: "shape", status: 200 } });
      const detail = result.evidence?.kind === "shape" ? result.evidence.detail : "";
      expect(detail.startsWith(`${baseUrl}/v1/payments/downtimes does not answer in the payment downtime format: `)).toBe(true);
      expect(detail).toMatch(problem);
      expect(counts).toBeNull();
      expect({ incidents: mirroredIncidents(), updates: test.db.select().from(incidentUpdate).all() }).toEqual(before);
    });
  });
});
