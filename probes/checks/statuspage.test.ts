import type { IncomingHttpHeaders } from "node:http";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mirrorUpstream } from "../../db/upstream/mirror";
import { getProviderPage } from "../../db/queries/provider-page";
import { cause, incident, incidentAction, incidentProvider, incidentUpdate, recommendedAction } from "../../db/schema";
import { addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import type { CheckTarget, RunContext } from "../types";
import { runStatuspageCheck } from "./statuspage";
import { closedPort, startHttpServer, type LocalServer } from "./test-servers";

// A provider's status page on loopback whose answer each test changes between polls.
interface Answer {
  status?: number;
  contentType?: string;
  body: string;
}

let server: LocalServer;
let baseUrl: string;
let answer: Answer;
let requests: { url: string; headers: IncomingHttpHeaders }[];

beforeAll(async () => {
  const started = await startHttpServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(answer.status ?? 200, { "content-type": answer.contentType ?? "application/json" });
    res.end(answer.body);
  });
  server = started;
  baseUrl = started.url;
});

afterAll(() => server.close());

const NOW_MS = Date.UTC(2025, 2, 14, 6, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE_MS = 60_000;

type ComponentStatus = "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";

function component(id: string, name: string, status: ComponentStatus, group: { group?: boolean; group_id?: string | null } = {}) {
  return {
    id,
    name,
    status,
    created_at: "2019-01-01T00:00:00.000Z",
    updated_at: iso(NOW_MS - 10 * MINUTE_MS),
    position: 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: group.group_id ?? null,
    page_id: "rzp0page",
    group: group.group ?? false,
    only_show_if_degraded: false,
  };
}

function statusIncident(input: {
  id: string;
  name: string;
  status: string;
  impact: string;
  updates: { status: string; body: string; atMs: number }[];
  components: ReturnType<typeof component>[];
}) {
  const latest = input.updates[0]!;
  return {
    id: input.id,
    name: input.name,
    status: input.status,
    created_at: iso(NOW_MS - 30 * MINUTE_MS),
    updated_at: iso(latest.atMs),
    monitoring_at: null,
    resolved_at: null,
    impact: input.impact,
    shortlink: "https://stspg.io/x",
    started_at: iso(NOW_MS - 32 * MINUTE_MS),
    page_id: "rzp0page",
    // Newest first, as Statuspage lists them.
    incident_updates: input.updates.map((u, i) => ({
      id: `${input.id}-u${input.updates.length - i}`,
      status: u.status,
      body: u.body,
      incident_id: input.id,
      created_at: iso(u.atMs),
      updated_at: iso(u.atMs),
      display_at: iso(u.atMs),
      affected_components: null,
      deliver_notifications: true,
    })),
    components: input.components,
  };
}

function summary(input: { components: ReturnType<typeof component>[]; incidents?: unknown[]; maintenances?: unknown[] }) {
  return JSON.stringify({
    page: { id: "rzp0page", name: "Razorpay", url: "https://status.razorpay.com", time_zone: "Asia/Kolkata", updated_at: iso(NOW_MS) },
    status: { indicator: "none", description: "All Systems Operational" },
    components: input.components,
    incidents: input.incidents ?? [],
    scheduled_maintenances: input.maintenances ?? [],
  });
}

const api = (status: ComponentStatus) => component("c-api", "Payments API", status);
const dashboard = (status: ComponentStatus) => component("c-dash", "Dashboard", status);

const upiIncident = (updates: { status: string; body: string; atMs: number }[], status = updates[0]!.status) =>
  statusIncident({ id: "inc-upi", name: "UPI payments failing", status, impact: "major", updates, components: [api("partial_outage")] });

const FIRST_UPDATE = { status: "investigating", body: "We are investigating failed UPI payments.", atMs: NOW_MS - 30 * MINUTE_MS };

function target(config: Record<string, unknown> = {}): CheckTarget {
  return { id: 1, slug: "razorpay-status", kind: "statuspage", providerSlug: "razorpay", config: { url: baseUrl, ...config }, timeoutMs: 5_000 };
}

function context(overrides: Partial<RunContext> = {}): RunContext {
  return { signal: AbortSignal.timeout(5_000), now: () => NOW_MS, ...overrides };
}

let test: TestDatabase;
let providerId: number;

beforeEach(() => {
  requests = [];
  answer = { body: summary({ components: [api("operational"), dashboard("operational")] }) };
  test = guidanceDatabase();
  providerId = addProvider(test.db, "razorpay", "payments").provider.id;
});

afterEach(() => test.close());

/** The pipeline's part for upstream checks: run the check, mirror what its feed reported. */
async function poll(config: Record<string, unknown> = {}, nowMs = NOW_MS) {
  const result = await runStatuspageCheck(target(config), context({ now: () => nowMs }));
  const counts = result.upstream
    ? mirrorUpstream(test.db, { providerId, checkSlug: "razorpay-status", report: result.upstream, nowMs })
    : null;
  return { result, counts };
}

const mirrored = () => test.db.select().from(incident).where(eq(incident.source, "upstream")).all();
const updatesOf = (incidentId: number) =>
  test.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, incidentId)).orderBy(asc(incidentUpdate.id)).all();

describe("statuspage check", () => {
  it("reads the summary feed and finds an operational page ok, with nothing to mirror", async () => {
    const { result, counts } = await poll();

    expect(requests.map((r) => r.url)).toEqual(["/api/v2/summary.json"]);
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200, evidence: null, message: "Razorpay reports operational" });
    expect(result.upstream).toEqual({ providerStatus: "operational", incidents: [], maintenances: [] });
    expect(counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 0 });
    expect(mirrored()).toEqual([]);
  });

  it("finds a status page under a sub-path", async () => {
    await runStatuspageCheck(target({ url: `${baseUrl}/razorpay/` }), context());
    expect(requests.map((r) => r.url)).toEqual(["/razorpay/api/v2/summary.json"]);
  });

  it("mirrors an upstream incident from opening to resolution, one update per real change", async () => {
    // Poll 1: the provider opens an incident on our component.
    answer = { body: summary({ components: [api("partial_outage"), dashboard("operational")], incidents: [upiIncident([FIRST_UPDATE])] }) };
    const first = await poll();
    expect(first.result).toMatchObject({
      outcome: "down",
      evidence: { kind: "upstream", detail: "Razorpay reports partial outage: UPI payments failing" },
    });
    expect(first.result.upstream?.incidents).toEqual([
      {
        externalId: "inc-upi",
        title: "UPI payments failing",
        status: "investigating",
        impact: "major",
        body: FIRST_UPDATE.body,
        startedAtMs: NOW_MS - 32 * MINUTE_MS,
        updatedAtMs: FIRST_UPDATE.atMs,
      },
    ]);
    expect(first.counts).toEqual({ opened: 1, updated: 0, resolved: 0, maintenances: 0 });

    const [ours] = mirrored();
    expect(ours).toMatchObject({ title: "UPI payments failing", status: "investigating", externalRef: "razorpay-status:inc-upi" });
    expect(ours!.startedAt.getTime()).toBe(NOW_MS - 32 * MINUTE_MS);
    const causeSlug = test.db.select({ slug: cause.slug }).from(cause).where(eq(cause.id, ours!.causeId!)).get()?.slug;
    expect(causeSlug).toBe("provider-downtime");
    expect(test.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, ours!.id)).all()).toEqual([
      { incidentId: ours!.id, providerId, impact: "partial_outage" },
    ]);
    const actions = test.db
      .select({ slug: recommendedAction.slug })
      .from(incidentAction)
      .innerJoin(recommendedAction, eq(recommendedAction.id, incidentAction.recommendedActionId))
      .where(eq(incidentAction.incidentId, ours!.id))
      .orderBy(asc(incidentAction.position))
      .all()
      .map((a) => a.slug);
    // Payments advice first, the outage steps for a gateway, then the payments checklist.
    expect(actions[0]).toBe("payments-advice-unpaid-orders");
    expect(actions).toContain("cause-provider-downtime-other-gateway");
    expect(actions).toContain("payments-test-payment");
    expect(getProviderPage(test.db, "razorpay", NOW_MS)?.status).toBe("partial_outage");

    // Poll 2: the same feed adds nothing.
    const second = await poll({}, NOW_MS + MINUTE_MS);
    expect(second.counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 0 });
    expect(updatesOf(ours!.id)).toHaveLength(1);

    // Poll 3: the provider posts an update and lowers the impact.
    const identified = { status: "identified", body: "A partner bank's UPI switch is down; we are rerouting.", atMs: NOW_MS + 2 * MINUTE_MS };
    answer = {
      body: summary({
        components: [api("degraded_performance"), dashboard("operational")],
        incidents: [{ ...upiIncident([identified, FIRST_UPDATE]), impact: "minor" }],
      }),
    };
    const third = await poll({}, NOW_MS + 3 * MINUTE_MS);
    expect(third.result).toMatchObject({ outcome: "degraded", evidence: { kind: "upstream", detail: "Razorpay reports degraded performance: UPI payments failing" } });
    expect(third.counts).toEqual({ opened: 0, updated: 1, resolved: 0, maintenances: 0 });
    expect(updatesOf(ours!.id).map((u) => [u.status, u.body])).toEqual([
      ["investigating", FIRST_UPDATE.body],
      ["identified", identified.body],
    ]);
    expect(test.db.select().from(incidentProvider).where(eq(incidentProvider.incidentId, ours!.id)).get()?.impact).toBe("degraded_performance");

    // Poll 4: the feed no longer lists it.
    answer = { body: summary({ components: [api("operational"), dashboard("operational")] }) };
    const fourth = await poll({}, NOW_MS + 10 * MINUTE_MS);
    expect(fourth.result.outcome).toBe("ok");
    expect(fourth.counts).toEqual({ opened: 0, updated: 0, resolved: 1, maintenances: 0 });
    const closed = mirrored()[0]!;
    expect(closed.status).toBe("resolved");
    expect(closed.resolvedAt?.getTime()).toBe(NOW_MS + 10 * MINUTE_MS);
    expect(updatesOf(ours!.id).at(-1)?.body).toBe("Resolved: Razorpay's status page no longer lists this incident.");
    expect(getProviderPage(test.db, "razorpay", NOW_MS + 10 * MINUTE_MS)?.status).toBe("operational");

    // Poll 5: still gone, nothing more to write.
    expect((await poll({}, NOW_MS + 11 * MINUTE_MS)).counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 0 });
  });

  it("reads only the configured components and the incidents on them", async () => {
    const dashboardIncident = statusIncident({
      id: "inc-dash",
      name: "Dashboard slow to load",
      status: "investigating",
      impact: "minor",
      updates: [{ status: "investigating", body: "Dashboard pages load slowly.", atMs: NOW_MS }],
      components: [dashboard("degraded_performance")],
    });
    answer = { body: summary({ components: [api("major_outage"), dashboard("degraded_performance")], incidents: [dashboardIncident] }) };

    const dashboardOnly = await poll({ components: ["Dashboard"] });
    expect(dashboardOnly.result.outcome).toBe("degraded");
    expect(dashboardOnly.result.upstream?.providerStatus).toBe("degraded_performance");
    expect(dashboardOnly.result.upstream?.incidents.map((i) => i.externalId)).toEqual(["inc-dash"]);

    const apiOnly = await runStatuspageCheck(target({ components: ["Payments API"] }), context());
    expect(apiOnly).toMatchObject({ outcome: "down", evidence: { kind: "upstream", detail: "Razorpay reports major outage: Payments API" } });
    expect(apiOnly.upstream?.incidents).toEqual([]);

    const everything = await runStatuspageCheck(target(), context());
    expect(everything.upstream?.providerStatus).toBe("major_outage");
    expect(everything.upstream?.incidents.map((i) => i.externalId)).toEqual(["inc-dash"]);
  });

  it("reads a named component group as all of its members", async () => {
    answer = {
      body: summary({
        components: [
          component("g-pay", "Payments", "partial_outage", { group: true }),
          component("c-upi", "UPI", "partial_outage", { group_id: "g-pay" }),
          component("c-cards", "Cards", "operational", { group_id: "g-pay" }),
          dashboard("major_outage"),
        ],
      }),
    };
    const result = await runStatuspageCheck(target({ components: ["Payments"] }), context());
    expect(result.upstream?.providerStatus).toBe("partial_outage");
    expect(result.evidence).toEqual({ kind: "upstream", detail: "Razorpay reports partial outage: Payments, UPI" });
  });

  it("says so when a configured component is not on the page, instead of reading it as operational", async () => {
    const result = await runStatuspageCheck(target({ components: ["Payment Gateway"] }), context());
    expect(result).toMatchObject({ outcome: "down", httpStatus: 200 });
    expect(result.upstream).toBeUndefined();
    expect(result.evidence).toEqual({
      kind: "configuration",
      detail: `${baseUrl}/api/v2/summary.json lists no component named "Payment Gateway" (it lists "Payments API", "Dashboard")`,
    });
  });

  it("reports announced maintenance and treats a component under maintenance as ok", async () => {
    const maintenance = {
      ...statusIncident({
        id: "mnt-1",
        name: "Card network upgrade",
        status: "in_progress",
        impact: "maintenance",
        updates: [{ status: "in_progress", body: "Card payments are paused for the upgrade.", atMs: NOW_MS - 5 * MINUTE_MS }],
        components: [api("under_maintenance")],
      }),
      scheduled_for: iso(NOW_MS - 5 * MINUTE_MS),
      scheduled_until: iso(NOW_MS + 55 * MINUTE_MS),
    };
    const completed = { ...maintenance, id: "mnt-0", status: "completed" };
    answer = { body: summary({ components: [api("under_maintenance"), dashboard("operational")], maintenances: [maintenance, completed] }) };

    const { result, counts } = await poll();
    expect(result).toMatchObject({ outcome: "ok", evidence: null, message: "Razorpay reports under maintenance" });
    expect(result.upstream?.maintenances).toEqual([
      {
        externalId: "mnt-1",
        title: "Card network upgrade",
        description: "Card payments are paused for the upgrade.",
        scheduledForMs: NOW_MS - 5 * MINUTE_MS,
        scheduledUntilMs: NOW_MS + 55 * MINUTE_MS,
      },
    ]);
    expect(counts).toEqual({ opened: 0, updated: 0, resolved: 0, maintenances: 1 });
    expect(getProviderPage(test.db, "razorpay", NOW_MS)?.maintenance.map((m) => [m.title, m.status])).toEqual([
      ["Card network upgrade", "in_progress"],
    ]);
  });

  describe("a feed that is not a Statuspage summary is a clear failure, and nothing is mirrored", () => {
    const cases: [string, Answer, RegExp][] = [
      ["an HTML page", { contentType: "text/html", body: "<!doctype html><h1>Status</h1>" }, /the body is not JSON \(text\/html\)$/],
      ["malformed JSON", { body: '{"page": {"name": "Razorpay"}, "components": [' }, /the body is not JSON \(application\/json\)$/],
      ["JSON of another shape", { body: JSON.stringify({ data: { attributes: { aggregate_state: "operational" } } }) }, /: page: Invalid input/],
      [
        "a component status Statuspage does not use",
        { body: summary({ components: [{ ...api("operational"), status: "broken" as ComponentStatus }] }) },
        /: components\[0\]\.status: Invalid option/,
      ],
    ];
    it.each(cases)("%s", async (_, feed, problem) => {
      // An open mirrored incident that a broken feed must not resolve.
      answer = { body: summary({ components: [api("partial_outage")], incidents: [upiIncident([FIRST_UPDATE])] }) };
      await poll();
      const before = { incidents: mirrored(), updates: test.db.select().from(incidentUpdate).all() };

      answer = feed;
      const { result, counts } = await poll({}, NOW_MS + MINUTE_MS);
      expect(result.outcome).toBe("down");
      expect(result.upstream).toBeUndefined();
      expect(result.evidence).toMatchObject({ kind: "shape", status: 200 });
      const detail = result.evidence?.kind === "shape" ? result.evidence.detail : "";
      expect(detail.startsWith(`${baseUrl}/api/v2/summary.json does not answer in the Statuspage format: `)).toBe(true);
      expect(detail).toMatch(problem);
      expect(result.message).toBe(detail);
      expect(counts).toBeNull();
      expect({ incidents: mirrored(), updates: test.db.select().from(incidentUpdate).all() }).toEqual(before);
    });
  });

  it("stops reading a feed that goes on past 4 MB", async () => {
    answer = { body: `{"components": ["${"x".repeat(5 * 1024 * 1024)}"]}` };
    const result = await runStatuspageCheck(target(), context());
    expect(result.evidence).toEqual({
      kind: "shape",
      status: 200,
      detail: `${baseUrl}/api/v2/summary.json does not answer in the Statuspage format: the answer is larger than 4 MB`,
    });
  });

  it("reports a configuration it cannot use instead of calling anything", async () => {
    const result = await runStatuspageCheck(target({ url: "not a url" }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "configuration", detail: "invalid check configuration: url: Invalid URL" } });
    expect(requests).toEqual([]);
  });

  it("keeps an HTTP error's status and body as evidence", async () => {
    answer = { status: 503, contentType: "text/plain", body: "upstream unavailable" };
    const result = await runStatuspageCheck(target(), context());
    expect(result).toMatchObject({
      outcome: "down",
      httpStatus: 503,
      evidence: { kind: "http", status: 503, body: "upstream unavailable" },
      message: `${baseUrl}/api/v2/summary.json answered HTTP 503`,
    });
  });

  it("tells a refused connection and a timeout apart", async () => {
    const refused = await runStatuspageCheck(target({ url: `http://127.0.0.1:${await closedPort()}` }), context());
    expect(refused).toMatchObject({ outcome: "down", httpStatus: null, evidence: { kind: "network", reason: "refused" } });

    // A server that accepts the request and never answers.
    const silent = await startHttpServer(() => undefined);
    try {
      const timedOut = await runStatuspageCheck(target({ url: silent.url }), context({ signal: AbortSignal.timeout(200) }));
      expect(timedOut).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "timeout" } });
      expect(timedOut.latencyMs).toBeGreaterThanOrEqual(150);
    } finally {
      await silent.close();
    }
  });
});
