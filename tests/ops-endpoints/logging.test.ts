import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger";
import { migratedDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

interface LogLine {
  level: string;
  time: string;
  service: string;
  msg: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  [field: string]: unknown;
}

const written: string[] = [];
const lines = () => written.map((line) => JSON.parse(line) as LogLine);
const logger = createLogger({ level: "info", destination: { write: (line: string) => void written.push(line) } });

let t: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  t = migratedDatabase();
  server = await startServer(t.db, { logger });
});
afterAll(async () => {
  await server.close();
  t.close();
});

/** The line is written when the response closes, a moment after the client has read it. */
async function lineFor(requestId: string): Promise<LogLine> {
  const startedAt = Date.now();
  for (;;) {
    const line = lines().find((l) => l.requestId === requestId);
    if (line) return line;
    if (Date.now() - startedAt > 5_000) throw new Error(`no log line for ${requestId}; logged:\n${written.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers, redirect: "manual" });
  await response.arrayBuffer();
  return { response, requestId: response.headers.get("x-request-id")! };
}

describe("request logging", () => {
  it("gives each request an id, answers with it, and logs one JSON line with it", async () => {
    const { response, requestId } = await get("/healthz");
    expect(response.status).toBe(200);
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const line = await lineFor(requestId);
    expect(line).toMatchObject({ level: "info", service: "shopiq-status", method: "GET", path: "/healthz", status: 200, msg: "request completed" });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(line.time).getTime()).not.toBeNaN();
    expect(lines().filter((l) => l.requestId === requestId)).toHaveLength(1);
  });

  it("keeps the id a proxy sent, and replaces one that could write into the logs", async () => {
    const kept = await get("/healthz", { "x-request-id": "lb-7f3a.2024:abc_def" });
    expect(kept.requestId).toBe("lb-7f3a.2024:abc_def");
    expect((await lineFor(kept.requestId)).path).toBe("/healthz");

    for (const unfit of ['x" "level":"fatal', "a".repeat(200)]) {
      const replaced = await get("/healthz", { "x-request-id": unfit });
      expect(replaced.requestId).not.toBe(unfit);
      expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
      await lineFor(replaced.requestId);
    }
    expect(written.join("")).not.toContain("a".repeat(200));
  });

  it("logs neither the query string, nor a token in the path, nor the Authorization header", async () => {
    const signIn = await get("/merchant/sso?merchant=m_1&expires=1&sig=sig-that-must-not-leak", { authorization: "Bearer bearer-that-must-not-leak", cookie: "session=cookie-that-must-not-leak" });
    expect((await lineFor(signIn.requestId)).path).toBe("/merchant/sso");
    const invite = await get("/invite/invite-token-that-must-not-leak");
    expect((await lineFor(invite.requestId)).path).toBe("/invite/[redacted]");
    const all = written.join("");
    for (const secret of ["sig-that-must-not-leak", "bearer-that-must-not-leak", "cookie-that-must-not-leak", "invite-token-that-must-not-leak"]) {
      expect(all).not.toContain(secret);
    }
  });

  it("leaves out the build's static assets", async () => {
    const asset = readdirSync("public/build").find((name) => name.endsWith(".js"))!;
    const { response, requestId } = await get(`/build/${asset}`);
    expect(response.status).toBe(200);
    expect(requestId).toBeTruthy();
    const { requestId: after } = await get("/healthz");
    await lineFor(after);
    expect(lines().some((l) => l.requestId === requestId)).toBe(false);
  });
});

describe("the logger", () => {
  it("redacts credentials wherever a later change might log them", () => {
    const captured: string[] = [];
    const redacting = createLogger({ level: "info", destination: { write: (line: string) => void captured.push(line) } });
    redacting.info(
      { req: { headers: { authorization: "Bearer a1", cookie: "c1", "set-cookie": "s1", "x-api-key": "k1", accept: "text/html" } }, token: "t1", connection: { credential: "p1", secret: "s2" } },
      "something happened",
    );
    const line = JSON.parse(captured[0]!) as { req: { headers: Record<string, string> }; token: string };
    expect(line.req.headers.accept).toBe("text/html");
    expect(line.token).toBe("[redacted]");
    for (const secret of ["a1", "c1", "s1", "k1", "t1", "p1", "s2"]) expect(captured[0]).not.toContain(`"${secret}"`);
  });

  it("writes nothing below its level", () => {
    const captured: string[] = [];
    const quiet = createLogger({ level: "warn", destination: { write: (line: string) => void captured.push(line) } });
    quiet.info("not shown");
    quiet.warn("shown");
    expect(captured.map((l) => (JSON.parse(l) as LogLine).msg)).toEqual(["shown"]);
  });
});
