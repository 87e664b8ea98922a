import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken, revokeIngestToken } from "../../db/ingest/tokens";
import { cause, checkResult, incident, ingestToken } from "../../db/schema";
import { addConnections, addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let token: string;
let merchants: string[];

beforeAll(async () => {
  t = guidanceDatabase();
  const { provider } = addProvider(t.db, "razorpay");
  merchants = addConnections(t.db, provider.id, 12).map((c) => c.merchant.externalId);
  token = createIngestToken(t.db, "integration layer").token;
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

let keys = 0;
const item = (merchant: string, fields: Record<string, unknown> = {}) => ({
  merchant,
  provider: "razorpay",
  at: new Date().toISOString(),
  idempotency_key: `key-${(keys += 1)}-${merchant}`,
  ...fields,
});

async function push(body: unknown, bearer: string | null = token) {
  const response = await fetch(`${server.baseUrl}/api/ingest/results`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const resultCount = () => t.db.select().from(checkResult).all().length;

describe("POST /api/ingest/results", () => {
  it("refuses a missing, wrong or revoked token", async () => {
    expect((await push({ results: [item(merchants[0]!)] }, null)).status).toBe(401);
    expect((await push({ results: [item(merchants[0]!)] }, "sqi_not-a-real-token")).status).toBe(401);
    const revoked = createIngestToken(t.db, "old");
    revokeIngestToken(t.db, revoked.id, Date.now());
    expect((await push({ results: [item(merchants[0]!)] }, revoked.token)).status).toBe(401);
    expect(resultCount()).toBe(0);
  });

  it("stores only a hash of the token", () => {
    expect(JSON.stringify(t.db.select().from(ingestToken).all())).not.toContain(token);
  });

  it("records good items, reports bad ones by index with their fields, and keeps the good ones", async () => {
    const batch = {
      results: [
        item(merchants[0]!, { http_status: 200, latency_ms: 180 }),
        { merchant: merchants[1], provider: "razorpay", at: "yesterday" },
        item(merchants[2]!, { http_status: 401, provider_error_code: "BAD_REQUEST_ERROR", message: "The api key provided is invalid" }),
        item("m_nobody"),
        item(merchants[3]!, { at: new Date(Date.now() + 3_600_000).toISOString() }),
      ],
    };
    const { status, body } = await push(batch);
    expect(status).toBe(200);
    expect(body).toMatchObject({ recorded: 2, duplicates: 0, rejected: 3 });
    const items = body.items as { index: number; status: string; errors?: Record<string, string> }[];
    expect(items.map((i) => i.status)).toEqual(["recorded", "rejected", "recorded", "rejected", "rejected"]);
    expect(Object.keys(items[1]!.errors!)).toEqual(expect.arrayContaining(["at", "idempotency_key"]));
    expect(items[3]!.errors!.merchant).toMatch(/has no razorpay connection/);
    expect(items[4]!.errors!.at).toBe("is in the future");

    const recorded = t.db
      .select({ outcome: checkResult.outcome, cause: cause.slug, httpStatus: checkResult.httpStatus })
      .from(checkResult)
      .leftJoin(cause, eq(cause.id, checkResult.causeId))
      .all();
    expect(recorded).toEqual(
      expect.arrayContaining([
        { outcome: "ok", cause: null, httpStatus: 200 },
        { outcome: "down", cause: "invalid-api-key", httpStatus: 401 },
      ]),
    );

    const replay = await push(batch);
    expect(replay.body).toMatchObject({ recorded: 0, duplicates: 2, rejected: 3 });
    expect(resultCount()).toBe(2);
  });

  it("answers 400 with field errors for a body that is not a batch", async () => {
    expect(await push("{not json")).toEqual({ status: 400, body: { errors: { body: "must be JSON" } } });
    const notBatch = await push({ results: "many" });
    expect(notBatch.status).toBe(400);
    expect(notBatch.body.errors).toHaveProperty("results");
    const allBad = await push({ results: [{}] });
    expect(allBad.status).toBe(400);
  });

  it("opens no incident for one merchant's failures, and a detected incident when many merchants fail on the provider's side", async () => {
    await push({ results: Array.from({ length: 5 }, () => item(merchants[4]!, { http_status: 401, message: "The api key provided is invalid" })) });
    expect(t.db.select().from(incident).all()).toHaveLength(0);

    const ok = merchants.slice(5).map((m) => item(m, { http_status: 200 }));
    const failing = merchants.slice(0, 5).map((m) => item(m, { http_status: 503, message: "Service unavailable" }));
    const { body } = await push({ results: [...ok, ...failing] });
    expect(body).toMatchObject({ recorded: 12, rejected: 0 });
    const detected = t.db.select().from(incident).all();
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({ source: "probe", status: "investigating" });
    const page = await (await fetch(`${server.baseUrl}/`)).text();
    expect(page).toContain("Razorpay: failures detected");
    expect(page).toContain("Detected automatically by our checks; not yet confirmed by our team.");
  });
});
