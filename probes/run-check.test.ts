import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateKeyringSpec, parseKeyring } from "../db/credentials/keyring";
import { storeCredential } from "../db/credentials/store";
import { cause, check, checkResult, connection, incident } from "../db/schema";
import { addConnections, addProvider } from "../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../tests/support/database";
import { CHECK_RUNNERS } from "./checks/registry";
import { startHttpServer } from "./checks/test-servers";
import { runCheck, type ProbeDeps } from "./run-check";

const SECRET = "rzp_live_9fQ2kLmN8pR4sT6vX1yZ";

let t: TestDatabase;
let logs: string[];
let deps: ProbeDeps;
beforeEach(() => {
  t = guidanceDatabase();
  logs = [];
  deps = { db: t.db, runners: CHECK_RUNNERS, keyring: parseKeyring(generateKeyringSpec()), now: Date.now, log: (line) => logs.push(line) };
});
afterEach(() => t.close());

const never = new AbortController().signal;
const recorded = () =>
  t.db
    .select({ outcome: checkResult.outcome, cause: cause.slug, message: checkResult.message, httpStatus: checkResult.httpStatus })
    .from(checkResult)
    .leftJoin(cause, eq(cause.id, checkResult.causeId))
    .all();

describe("running a check end to end", () => {
  it("classifies a connection's failure by the provider's own error and records it, without the credential anywhere", async () => {
    // A careless provider that echoes the key it was given back in its error.
    const server = await startHttpServer((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "BAD_REQUEST_ERROR", description: `The api key provided is invalid: ${req.headers.authorization}` } }));
    });
    try {
      const { provider } = addProvider(t.db, "razorpay");
      const [c] = addConnections(t.db, provider.id, 1);
      t.db.update(check).set({ config: { url: `${server.url}/v1/payments`, auth: "bearer" } }).where(eq(check.id, c!.check.id)).run();
      storeCredential(t.db, deps.keyring, c!.connection.id, SECRET);
      const run = await runCheck(deps, c!.check.id, never);
      expect(run).toMatchObject({ outcome: "down", cause: "invalid-api-key", target: `razorpay · ${c!.merchant.externalId}` });
      const [row] = recorded();
      expect(row).toMatchObject({ outcome: "down", cause: "invalid-api-key", httpStatus: 401 });
      expect(row!.message).toMatch(/^HTTP 401 BAD_REQUEST_ERROR: The api key provided is invalid/);
      const everything = JSON.stringify([run, recorded(), logs]);
      expect(everything).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });

  it("records a disconnected connection as disconnected by the merchant without calling the provider", async () => {
    let calls = 0;
    const server = await startHttpServer((_req, res) => {
      calls += 1;
      res.end("ok");
    });
    try {
      const { provider } = addProvider(t.db, "shiprocket", "logistics");
      const [c] = addConnections(t.db, provider.id, 1);
      t.db.update(connection).set({ state: "disconnected" }).where(eq(connection.id, c!.connection.id)).run();
      t.db.update(check).set({ config: { url: server.url } }).where(eq(check.id, c!.check.id)).run();
      expect(await runCheck(deps, c!.check.id, never)).toMatchObject({ outcome: "down", cause: "app-disconnected" });
      expect(calls).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("mirrors what a provider's status page reports as an upstream incident", async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          page: { id: "p", name: "Razorpay", url: "https://status.razorpay.com", updated_at: new Date().toISOString() },
          status: { indicator: "major", description: "Partial System Outage" },
          components: [{ id: "c1", name: "Payment Gateway", status: "partial_outage", group: false, group_id: null }],
          incidents: [
            {
              id: "inc1",
              name: "UPI payments failing",
              status: "investigating",
              impact: "major",
              created_at: new Date().toISOString(),
              updated_at: new Date().toISOString(),
              started_at: new Date().toISOString(),
              incident_updates: [{ body: "We are investigating UPI failures.", status: "investigating", created_at: new Date().toISOString() }],
              components: [{ id: "c1", name: "Payment Gateway" }],
            },
          ],
          scheduled_maintenances: [],
        }),
      );
    });
    try {
      const { provider } = addProvider(t.db, "razorpay");
      const feed = t.db.insert(check).values({ slug: "razorpay-feed", name: "Status page", kind: "statuspage", providerId: provider.id, config: { url: server.url } }).returning().get();
      const run = await runCheck(deps, feed.id, never);
      expect(run).toMatchObject({ outcome: "down", cause: "provider-downtime" });
      const mirrored = t.db.select().from(incident).all();
      expect(mirrored).toEqual([expect.objectContaining({ title: "UPI payments failing", source: "upstream", status: "investigating" })]);
      await runCheck(deps, feed.id, never);
      expect(t.db.select().from(incident).all()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("opens a detected incident when many merchants' connections fail on the provider's side", async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" });
      res.end('{"message":"Service temporarily unavailable"}');
    });
    try {
      const { provider } = addProvider(t.db, "cashfree");
      const connections = addConnections(t.db, provider.id, 8);
      for (const c of connections) {
        t.db.update(check).set({ config: { url: server.url } }).where(eq(check.id, c.check.id)).run();
        storeCredential(t.db, deps.keyring, c.connection.id, "cf-token");
      }
      for (const c of connections) await runCheck({ ...deps, now: Date.now }, c.check.id, never);
      expect(t.db.select().from(incident).all()).toEqual([expect.objectContaining({ source: "probe", title: "Cashfree: failures detected" })]);
      expect(logs.some((l) => l.startsWith("detection: cashfree opened"))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
