import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateKeyringSpec, parseKeyring } from "../db/credentials/keyring";
import { check, checkResult } from "../db/schema";
import { CHECK_KINDS, type CheckKind } from "../db/schema/enums";
import { addProvider } from "../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../tests/support/database";
import { runHttpCheck } from "./checks/http";
import type { ProbeDeps } from "./run-check";
import { nextDueAt, Scheduler } from "./scheduler";
import type { CheckRunner } from "./types";

const onlyHttp = Object.fromEntries(
  CHECK_KINDS.map((kind): [CheckKind, CheckRunner] => [kind, kind === "http" ? runHttpCheck : () => Promise.reject(new Error(`${kind} is not used here`))]),
) as Record<CheckKind, CheckRunner>;

let t: TestDatabase;
let server: Server;
let baseUrl: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void;
const log: string[] = [];

beforeEach(async () => {
  t = guidanceDatabase();
  providerId = null;
  log.length = 0;
  handler = (_req, res) => res.end("ok");
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

const deps = (): ProbeDeps => ({
  db: t.db,
  runners: onlyHttp,
  keyring: parseKeyring(generateKeyringSpec()),
  now: Date.now,
  log: (line) => log.push(line),
});

let providerId: number | null = null;

/** Enabled HTTP checks of one provider against the local server (the provider's own seeded check stays off). */
function httpChecks(count: number, path: string, values: Partial<typeof check.$inferInsert> = {}) {
  if (providerId === null) {
    providerId = addProvider(t.db, "acme-pay").provider.id;
    t.db.update(check).set({ enabled: false }).run();
  }
  const id = providerId;
  return Array.from({ length: count }, (_, i) =>
    t.db
      .insert(check)
      .values({ slug: `acme-${i}`, name: `Check ${i}`, kind: "http", providerId: id, config: { url: `${baseUrl}${path}` }, ...values })
      .returning()
      .get(),
  );
}

const results = () => t.db.select().from(checkResult).all();
const until = async (condition: () => boolean, timeoutMs = 5_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("scheduler", () => {
  it("runs every enabled check at once on start, and records each result", async () => {
    httpChecks(3, "/health", { intervalSeconds: 3600 });
    const scheduler = new Scheduler(deps());
    scheduler.start();
    await until(() => results().length === 3);
    await scheduler.stop();
    expect(results().map((r) => r.outcome)).toEqual(["ok", "ok", "ok"]);
  });

  it("never runs more checks at once than the concurrency cap", async () => {
    let running = 0;
    let most = 0;
    handler = (_req, res) => {
      running += 1;
      most = Math.max(most, running);
      setTimeout(() => {
        running -= 1;
        res.end("ok");
      }, 100);
    };
    httpChecks(9, "/slow", { intervalSeconds: 3600 });
    const scheduler = new Scheduler(deps(), { concurrency: 3 });
    scheduler.start();
    await until(() => results().length === 9);
    await scheduler.stop();
    expect(most).toBe(3);
  });

  it("never overlaps runs of the same check, even when a run outlasts the interval", async () => {
    let running = 0;
    let most = 0;
    handler = (_req, res) => {
      running += 1;
      most = Math.max(most, running);
      setTimeout(() => {
        running -= 1;
        res.end("ok");
      }, 120);
    };
    httpChecks(1, "/slow", { intervalSeconds: 1 });
    const scheduler = new Scheduler(deps(), { intervalScale: 0.05, jitterRatio: 0 });
    scheduler.start();
    await until(() => results().length >= 4);
    await scheduler.stop();
    expect(most).toBe(1);
  });

  it("gives up on a check at its timeout and records it as down", async () => {
    handler = () => undefined;
    const [c] = httpChecks(1, "/hang", { timeoutMs: 200, intervalSeconds: 3600 });
    const scheduler = new Scheduler(deps());
    const started = Date.now();
    scheduler.start();
    await until(() => results().length === 1);
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(results()[0]).toMatchObject({ checkId: c!.id, outcome: "down" });
  });

  it("picks up checks added, and drops checks disabled, while running", async () => {
    const [first] = httpChecks(1, "/health", { intervalSeconds: 1 });
    const scheduler = new Scheduler(deps(), { intervalScale: 0.05, refreshIntervalMs: 50, jitterRatio: 0 });
    scheduler.start();
    await until(() => results().length >= 1);
    t.db.update(check).set({ enabled: false }).where(eq(check.id, first!.id)).run();
    const [added] = httpChecks(1, "/health", { slug: "acme-added", intervalSeconds: 3600 });
    await until(() => results().some((r) => r.checkId === added!.id));
    await new Promise((r) => setTimeout(r, 150));
    const before = results().filter((r) => r.checkId === first!.id).length;
    await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();
    expect(results().filter((r) => r.checkId === first!.id).length).toBe(before);
  });

  it("stops cleanly: runs in flight are abandoned after the grace period and nothing half-written remains", async () => {
    handler = () => undefined;
    httpChecks(2, "/hang", { timeoutMs: 60_000, intervalSeconds: 3600 });
    const scheduler = new Scheduler(deps(), { shutdownGraceMs: 100 });
    scheduler.start();
    await until(() => scheduler.stats.inFlight === 2);
    const stopping = Date.now();
    await scheduler.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    expect(results()).toHaveLength(0);
    expect(t.db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});

describe("next due time", () => {
  it("keeps the cadence within the jitter, and starts an overdue run now", () => {
    expect(nextDueAt(1_000, 60_000, 0.1, 0, () => 0.5)).toBe(61_000);
    expect(nextDueAt(1_000, 60_000, 0.1, 0, () => 0)).toBe(55_000);
    expect(nextDueAt(1_000, 60_000, 0.1, 0, () => 1)).toBe(67_000);
    expect(nextDueAt(1_000, 60_000, 0.1, 500_000, () => 0.5)).toBe(500_000);
  });
});
