import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "../../db/client";
import { migratedDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

let healthy: TestDatabase;
let broken: TestDatabase;
let healthyServer: RunningServer;
let brokenServer: RunningServer;

beforeAll(async () => {
  healthy = migratedDatabase();
  broken = migratedDatabase();
  healthyServer = await startServer(healthy.db);
  brokenServer = await startServer(broken.db);
});
afterAll(async () => {
  await healthyServer.close();
  await brokenServer.close();
  healthy.close();
  broken.close();
});

describe("GET /healthz", () => {
  it("answers 200 ok without any credentials while the database answers, and is never cached", async () => {
    const response = await fetch(`${healthyServer.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 once the database is gone, so the load balancer sends traffic elsewhere", async () => {
    closeDatabase(broken.db);
    const response = await fetch(`${brokenServer.baseUrl}/healthz`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "unavailable" });
  });
});
