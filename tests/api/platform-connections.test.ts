import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken, revokeIngestToken } from "../../db/ingest/tokens";
import { auditLog, checkResult, connection, merchant } from "../../db/schema";
import { addConnections, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let platformToken: string;
let ingestToken: string;
let knownMerchant: string;

beforeAll(async () => {
  t = guidanceDatabase();
  const { provider: razorpay } = addProvider(t.db, "razorpay", "payments");
  addProvider(t.db, "interakt", "messaging");
  addProvider(t.db, "shiprocket", "logistics");
  knownMerchant = addConnections(t.db, razorpay.id, 1)[0]!.merchant.externalId;
  platformToken = createIngestToken(t.db, "shopiq-prod", "platform").token;
  ingestToken = createIngestToken(t.db, "integration layer", "ingest").token;
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

const paymentsBody = (changes: Record<string, unknown> = {}) => ({
  merchant_name: "Chai Point",
  state: "connected",
  credential_expires_at: "2027-04-01T00:00:00+05:30",
  billing: { state: "active", plan_expires_at: null },
  verification_state: "verified",
  permissions: ["payments:read", "refunds:create"],
  usage_limit_per_day: null,
  payments: { enabled_methods: ["upi", "card"], settlement_alerts: true },
  ...changes,
});

type Json = Record<string, unknown>;

async function call(method: string, path: string, body?: unknown, bearer: string | null = platformToken) {
  const response = await fetch(`${server.baseUrl}/api/v1/merchants/${path}`, {
    method,
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}
const put = (path: string, body: unknown, bearer?: string | null) => call("PUT", path, body, bearer);

const counts = () => ({
  merchants: t.db.select().from(merchant).all().length,
  connections: t.db.select().from(connection).all().length,
  audit: t.db.select().from(auditLog).all().length,
});

describe("PUT /api/v1/merchants/:id/connections/:provider", () => {
  it("refuses a missing, unknown or revoked token with 401, and an ingest token with 403", async () => {
    const before = counts();
    const missing = await put("m_401/connections/razorpay", paymentsBody(), null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect((await put("m_401/connections/razorpay", paymentsBody(), "sqi_not-a-real-token")).status).toBe(401);
    const revoked = createIngestToken(t.db, "old platform", "platform");
    revokeIngestToken(t.db, revoked.id, Date.now());
    expect((await put("m_401/connections/razorpay", paymentsBody(), revoked.token)).status).toBe(401);
    expect((await call("GET", `${knownMerchant}/connections/razorpay`, undefined, revoked.token)).status).toBe(401);

    const wrongScope = await put("m_401/connections/razorpay", paymentsBody(), ingestToken);
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body.error).toMatch(/platform token/);
    expect(counts()).toEqual(before);
  });

  it("names every unknown field by its path, at the top level and inside a section, and writes nothing", async () => {
    const before = counts();
    const { status, body } = await put("m_400/connections/razorpay", {
      ...paymentsBody({ colour: "blue" }),
      billing: { state: "active", grace_days: 3 },
      payments: { enabled_methods: ["upi"], settlement_alerts: true, emi: true },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual({ colour: "unknown field", "billing.grace_days": "unknown field", "payments.emi": "unknown field" });
    expect(counts()).toEqual(before);
  });

  it("refuses facts of another category, naming the section", async () => {
    const before = counts();
    const whatsapp = { phone_number_status: "connected", templates_approved: 4, templates_pending: 0, daily_messaging_limit: 1_000, consent_collection: true };
    const { status, body } = await put("m_400/connections/razorpay", paymentsBody({ whatsapp }));
    expect(status).toBe(400);
    expect(body.errors).toEqual({ whatsapp: "razorpay is a payments provider, so whatsapp facts do not apply to it" });
    expect(counts()).toEqual(before);
  });

  it("refuses a time that is not ISO 8601 with an offset", async () => {
    for (const time of ["31/03/2027", "2027-03-31T23:59:59", "soon"]) {
      const { status, body } = await put("m_400/connections/razorpay", paymentsBody({ billing: { state: "trial", plan_expires_at: time } }));
      expect(status, time).toBe(400);
      expect(Object.keys(body.errors as Json), time).toEqual(["billing.plan_expires_at"]);
    }
  });

  it("refuses a body that is not JSON, and a new merchant without a name", async () => {
    expect(await put("m_400/connections/razorpay", "{not json")).toMatchObject({ status: 400, body: { errors: { body: "must be JSON" } } });
    const { merchant_name: _name, ...nameless } = paymentsBody();
    const { status, body } = await put("m_400/connections/razorpay", nameless);
    expect(status).toBe(400);
    expect(Object.keys(body.errors as Json)).toEqual(["merchant_name"]);
    expect(t.db.select().from(merchant).all().map((m) => m.externalId)).not.toContain("m_400");
  });

  it("answers 404 for a provider we do not know", async () => {
    const { status, body } = await put("m_404/connections/nobody-pay", paymentsBody());
    expect(status).toBe(404);
    expect(body.error).toBe('no provider "nobody-pay"');
  });

  it("creates with 201, answers an identical PUT with 200 and writes nothing the second time", async () => {
    const auditBefore = counts().audit;
    const created = await put("m_2001/connections/razorpay", paymentsBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      merchant_id: "m_2001",
      merchant_name: "Chai Point",
      provider: "razorpay",
      category: "payments",
      state: "connected",
      credential_expires_at: "2027-03-31T18:30:00.000Z",
      billing: { state: "active", plan_expires_at: null },
      permissions: ["payments:read", "refunds:create"],
      payments: { enabled_methods: ["upi", "card"], settlement_alerts: true },
    });
    const audit = t.db.select().from(auditLog).all().slice(auditBefore);
    expect(audit).toEqual([expect.objectContaining({ action: "connection.create", actorLabel: 'platform token "shopiq-prod"' })]);

    const again = await put("m_2001/connections/razorpay", paymentsBody());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    expect(counts().audit).toBe(auditBefore + 1);

    const read = await call("GET", "m_2001/connections/razorpay");
    expect(read).toMatchObject({ status: 200, body: created.body });
  });

  it("replaces the facts with a changed PUT, and leaves them as they were after a refused one", async () => {
    const created = await put("m_3001/connections/shiprocket", {
      ...paymentsBody({ payments: undefined }),
      logistics: { pickup_address_verified: true, serviceable_pincodes: 19_000, wallet_balance_inr: 2_500, cod_enabled: true },
    });
    expect(created.status).toBe(201);
    const auditBefore = counts().audit;

    const drained = { pickup_address_verified: true, serviceable_pincodes: 19_000, wallet_balance_inr: 0, cod_enabled: false };
    const updated = await put("m_3001/connections/shiprocket", {
      ...paymentsBody({ payments: undefined, merchant_name: undefined, billing: { state: "past_due" } }),
      logistics: drained,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ merchant_name: "Chai Point", billing: { state: "past_due", plan_expires_at: null }, logistics: drained });
    expect(updated.body.created_at).toBe(created.body.created_at);
    expect(Date.parse(updated.body.updated_at as string)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at as string));
    expect(t.db.select().from(auditLog).all().slice(auditBefore)).toEqual([expect.objectContaining({ action: "connection.update" })]);

    const refused = await put("m_3001/connections/shiprocket", {
      ...paymentsBody({ payments: undefined, state: "disconnected", usage_limit_per_day: -1 }),
      logistics: drained,
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors as Json)).toEqual(["usage_limit_per_day"]);
    expect((await call("GET", "m_3001/connections/shiprocket")).body).toEqual(updated.body);
  });

  it("renames a known merchant when merchant_name differs, and needs no name for one it knows", async () => {
    const { merchant_name: _name, ...nameless } = paymentsBody();
    expect((await put(`${knownMerchant}/connections/razorpay`, nameless)).body).toMatchObject({ merchant_name: "Merchant 1" });
    expect((await put(`${knownMerchant}/connections/razorpay`, paymentsBody({ merchant_name: "Merchant One" }))).body).toMatchObject({
      merchant_name: "Merchant One",
    });
  });

  it("answers GET for a connection it does not have with 404, and other methods with 405", async () => {
    expect((await call("GET", "m_nobody/connections/razorpay")).status).toBe(404);
    const post = await call("POST", "m_2001/connections/razorpay", paymentsBody());
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PUT");
  });
});

describe("POST /api/ingest/results with a platform token", () => {
  it("is refused with 403 and records nothing", async () => {
    const response = await fetch(`${server.baseUrl}/api/ingest/results`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${platformToken}` },
      body: JSON.stringify({ results: [{ merchant: knownMerchant, provider: "razorpay", at: new Date().toISOString(), idempotency_key: "platform-token-push" }] }),
    });
    expect(response.status).toBe(403);
    expect(t.db.select().from(checkResult).all()).toHaveLength(0);
  });
});
