import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIncident, postIncidentUpdate } from "../../db/incidents/write";
import { createIngestToken } from "../../db/ingest/tokens";
import { connection, incident, incidentNote, merchant, provider, providerDetection, user } from "../../db/schema";
import { demoDatabase, type TestDatabase } from "../support/database";
import { addUser } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

// Ops write things for each other that merchants must never read: who posted an update,
// internal notes, why a detected incident was dismissed, and how detection is doing.
// Every public page and response is fetched from a real server and searched for them.

let t: TestDatabase;
let server: RunningServer;
let ingestToken: string;
/** Text that must appear on no public page or response. */
const secrets: string[] = [];

const NOTE_TEXTS = [
  "Internal note: Vikram from the Razorpay account team says a config push broke webhooks",
  "Internal note: do not promise a fix time, legal is reviewing the SLA credits",
];
const DISMISSED_REASON = "Dismissal reason: one merchant's sandbox keys tripped the detector again";
/** Words from the detection state and review columns, as code and as SQL name them. */
const INTERNAL_WORDS = [
  "failing_share",
  "failingShare",
  "failing_merchants",
  "failingMerchants",
  "recovering_since_at",
  "recoveringSinceAt",
  "provider_detection",
  "providerDetection",
  "dismissed_reason",
  "dismissedReason",
  "author_user_id",
  "authorUserId",
  "review_state",
  "reviewState",
];

beforeAll(async () => {
  t = demoDatabase();
  const admin = await addUser(t.db, "ananya.admin@shopiq.example", "admin");
  const ops = await addUser(t.db, "rohit.ops@shopiq.example", "ops");
  t.db.update(user).set({ name: "Ananya Quillfeather" }).where(eq(user.id, admin.id)).run();
  t.db.update(user).set({ name: "Rohit Marchbanks" }).where(eq(user.id, ops.id)).run();

  const incidents = t.db.select({ id: incident.id, resolvedAt: incident.resolvedAt, status: incident.status }).from(incident).all();
  const open = incidents.filter((i) => i.resolvedAt === null);
  const resolved = incidents.filter((i) => i.resolvedAt !== null);
  const notedOn = [open[0], resolved[0]].filter((i) => i !== undefined);
  expect(notedOn.length).toBe(2);
  notedOn.forEach((i, n) => {
    t.db.insert(incidentNote).values({ incidentId: i.id, authorUserId: n === 0 ? ops.id : admin.id, body: NOTE_TEXTS[n]! }).run();
  });
  // Public updates posted by people: the words are public, who wrote them is not.
  for (const i of [open[0]!, resolved[0]!]) {
    postIncidentUpdate(t.db, { incidentId: i.id, status: i.status, body: "We have more details from the provider and keep watching.", at: new Date(), authorUserId: ops.id });
  }

  const providers = t.db.select({ id: provider.id, name: provider.name }).from(provider).all();
  const dismissedId = createIncident(t.db, {
    title: `${providers[0]!.name}: failures detected`,
    providers: [{ providerId: providers[0]!.id, impact: "partial_outage" }],
    workflowIds: [],
    causeId: null,
    source: "probe",
    externalRef: `detected:${providers[0]!.id}:test`,
    startedAt: new Date(Date.now() - 3_600_000),
    firstUpdate: { status: "investigating", body: "Failures detected. We are investigating." },
    reviewState: "dismissed",
  });
  t.db.update(incident).set({ dismissedReason: DISMISSED_REASON }).where(eq(incident.id, dismissedId)).run();
  postIncidentUpdate(t.db, { incidentId: dismissedId, status: "resolved", body: "This was not an outage.", at: new Date(), authorUserId: admin.id });

  for (const [n, p] of providers.entries()) {
    t.db
      .insert(providerDetection)
      .values({ providerId: p.id, incidentId: n === 0 ? dismissedId : null, failingShare: 0.4375, failingMerchants: 7, recoveringSinceAt: n % 2 ? new Date() : null, evaluatedAt: new Date() })
      .onConflictDoUpdate({ target: providerDetection.providerId, set: { failingShare: 0.4375, failingMerchants: 7, evaluatedAt: new Date() } })
      .run();
  }

  for (const u of t.db.select({ email: user.email, name: user.name }).from(user).all()) secrets.push(u.email, u.name);
  secrets.push(...NOTE_TEXTS, DISMISSED_REASON, ...INTERNAL_WORDS);
  ingestToken = createIngestToken(t.db, "no-ops-data test").token;
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

/** Every secret, and every secret as the page's HTML and its JSON would escape it, found in `body`. */
function leaks(body: string): string[] {
  const escapes = (s: string) => [s, s.replace(/'/g, "&#x27;"), s.replace(/'/g, "\\u0027"), JSON.stringify(s).slice(1, -1)];
  return secrets.filter((secret) => escapes(secret).some((form) => body.includes(form)));
}

async function fetchPublic(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

describe("public pages carry no ops-only data", () => {
  it("the status page, history and help", async () => {
    for (const path of ["/", "/history", "/help"]) {
      const { status, body } = await fetchPublic(path);
      expect(status, path).toBe(200);
      expect(leaks(body), path).toEqual([]);
    }
  });

  it("every provider page", async () => {
    const slugs = t.db.select({ slug: provider.slug }).from(provider).all().map((p) => p.slug);
    expect(slugs.length).toBeGreaterThan(20);
    for (const slug of slugs) {
      const { status, body } = await fetchPublic(`/providers/${slug}`);
      expect(status, slug).toBe(200);
      expect(leaks(body), slug).toEqual([]);
    }
  }, 60_000);

  it("every incident page, including incidents with notes, authored updates and a dismissed one", async () => {
    const ids = t.db.select({ id: incident.id }).from(incident).all().map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      const { status, body } = await fetchPublic(`/incidents/${id}`);
      // Whether a dismissed incident is listed at all is the incident pages' business, not this test's.
      expect([200, 404], String(id)).toContain(status);
      expect(leaks(body), `/incidents/${id}`).toEqual([]);
    }
  }, 120_000);

  it("catches a leak when there is one", () => {
    expect(leaks(`<p>${NOTE_TEXTS[0]}</p>`)).toEqual([NOTE_TEXTS[0]]);
    expect(leaks(`{"reason":"${DISMISSED_REASON.replace(/'/g, "\\u0027")}"}`)).toEqual([DISMISSED_REASON]);
    expect(leaks("<td>rohit.ops@shopiq.example</td>")).toEqual(["rohit.ops@shopiq.example"]);
  });
});

describe("the ingest API carries no ops-only data", () => {
  it("answers recorded, duplicate and rejected items, and refusals, without them", async () => {
    const target = t.db
      .select({ merchant: merchant.externalId, provider: provider.slug })
      .from(connection)
      .innerJoin(merchant, eq(merchant.id, connection.merchantId))
      .innerJoin(provider, eq(provider.id, connection.providerId))
      .get()!;
    const at = new Date().toISOString();
    const post = async (body: unknown, token: string | null = ingestToken) => {
      const response = await fetch(`${server.baseUrl}/api/ingest/results`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    };
    const failing = { merchant: target.merchant, provider: target.provider, at, http_status: 503, message: "upstream timeout", idempotency_key: "no-ops-data-1" };
    const responses = [
      await post({ results: [failing, { merchant: "m_nobody", provider: target.provider, at, idempotency_key: "no-ops-data-2" }, { provider: "Not A Slug" }] }),
      await post({ results: [failing] }),
      await post({ results: [] }),
      await post({ results: [failing] }, "sqi_wrong"),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 401]);
    for (const r of responses) expect(leaks(r.body)).toEqual([]);
  });
});
