import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckTarget, RunContext } from "../types";
import { runHttpCheck } from "./http";
import { closedPort, createCertificate, startHttpServer, startHttpsServer, type LocalServer } from "./test-servers";

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const RAZORPAY_INVALID_KEY = '{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid"}}';

let provider: LocalServer & { url: string };
const received: ReceivedRequest[] = [];
let burstRequests = 0;
/** Settles when the connection that carried the unanswered request has closed. */
let unansweredConnectionClosed: Promise<void> | undefined;

function sendJson(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "application/json" }).end(text);
}

/** A provider with one route per behaviour under test. */
const routes: Record<string, (request: IncomingMessage, response: ServerResponse, query: URLSearchParams) => void> = {
  "/ok": (_request, response) => {
    response.end("all systems operational");
  },
  "/status": (_request, response, query) => {
    response.writeHead(Number(query.get("code"))).end();
  },
  "/moved": (_request, response) => {
    response.writeHead(302, { location: "/ok" }).end();
  },
  "/burst": (_request, response) => {
    burstRequests += 1;
    if (burstRequests <= 3) response.writeHead(503).end("upstream connect error or disconnect/reset");
    else response.end("recovered");
  },
  "/error": (_request, response, query) => {
    sendJson(response, Number(query.get("code")), RAZORPAY_INVALID_KEY);
  },
  "/huge-error": (_request, response) => {
    response.writeHead(500).end("x".repeat(10_000));
  },
  "/endless": (_request, response) => {
    response.write("status: operational\n");
    const filler = setInterval(() => response.write(".".repeat(16 * 1024)), 5);
    response.once("close", () => clearInterval(filler));
  },
  "/slow": (_request, response) => {
    setTimeout(() => response.end("late but fine"), 300);
  },
  "/never": (request) => {
    unansweredConnectionClosed = new Promise((resolve) => request.socket.once("close", () => resolve()));
  },
  "/drop": (request) => {
    request.socket.destroy();
  },
  "/summary": (_request, response) => {
    sendJson(
      response,
      200,
      '{"status":{"indicator":"none","description":"All Systems Operational"},"components":[{"status":"operational"}]}'
    );
  },
  "/broken-json": (_request, response) => {
    sendJson(response, 200, '{"status":{"indicator":');
  },
  "/razorpay/v1/status": (_request, response) => {
    response.end("demo fleet");
  },
};

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
  const url = new URL(request.url ?? "/", "http://provider");
  const route = routes[url.pathname];
  if (route) route(request, response, url.searchParams);
  else response.writeHead(404).end("not found");
}

beforeAll(async () => {
  provider = await startHttpServer((request, response) => void handle(request, response));
});
afterAll(() => provider.close());

function httpTarget(config: Record<string, unknown>): CheckTarget {
  return { id: 1, slug: "razorpay-api", kind: "http", providerSlug: "razorpay", config, timeoutMs: 5_000 };
}

function context(overrides: Partial<RunContext> = {}): RunContext {
  return { signal: AbortSignal.timeout(5_000), now: Date.now, ...overrides };
}

describe("http check", () => {
  it("reports a 200 answer as ok, with its latency", async () => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/ok` }), context());
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200, evidence: null });
    expect(result.latencyMs).toBeTypeOf("number");
  });

  it("accepts any status from the expected list and nothing else", async () => {
    const accepted = await runHttpCheck(
      httpTarget({ url: `${provider.url}/status?code=204`, expectedStatus: [200, 204] }),
      context()
    );
    expect(accepted).toMatchObject({ outcome: "ok", httpStatus: 204 });

    const refused = await runHttpCheck(httpTarget({ url: `${provider.url}/status?code=204` }), context());
    expect(refused).toMatchObject({ outcome: "down", httpStatus: 204, evidence: { kind: "http", status: 204 } });
  });

  it("follows redirects and judges the final answer", async () => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/moved` }), context());
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200 });
  });

  it("reports each 503 of a burst as down with the body kept, then ok once it recovers", async () => {
    const outcomes = [];
    for (let run = 0; run < 4; run += 1)
      outcomes.push(await runHttpCheck(httpTarget({ url: `${provider.url}/burst` }), context()));
    for (const result of outcomes.slice(0, 3)) {
      expect(result).toMatchObject({
        outcome: "down",
        httpStatus: 503,
        evidence: { kind: "http", status: 503, body: "upstream connect error or disconnect/reset" },
      });
    }
    expect(outcomes[3]).toMatchObject({ outcome: "ok", httpStatus: 200 });
  });

  it.each([401, 402, 403, 429])("keeps the provider's JSON error body on a %i for the classifier", async (code) => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/error?code=${code}` }), context());
    expect(result).toMatchObject({
      outcome: "down",
      httpStatus: code,
      evidence: { kind: "http", status: code, body: RAZORPAY_INVALID_KEY },
    });
    expect(result.message).toContain(String(code));
    expect(result.message).not.toContain("api key provided");
  });

  it("keeps only the first 2 KB of a large error body", async () => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/huge-error` }), context());
    expect(result.evidence).toMatchObject({ kind: "http", status: 500 });
    expect(result.evidence?.kind === "http" && result.evidence.body).toHaveLength(2048);
  });

  it("stops reading an endless body after 64 KB and judges what it read", async () => {
    const url = `${provider.url}/endless`;
    const found = await runHttpCheck(httpTarget({ url, bodyContains: "operational" }), context());
    expect(found).toMatchObject({ outcome: "ok", httpStatus: 200 });

    const missing = await runHttpCheck(httpTarget({ url, bodyContains: "maintenance" }), context());
    expect(missing).toMatchObject({
      outcome: "down",
      evidence: { kind: "shape", detail: 'the response does not contain "maintenance" in its first 64 KB' },
    });
  });

  it("calls a slow but correct answer degraded, never down", async () => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/slow`, degradedLatencyMs: 100 }), context());
    expect(result).toMatchObject({ outcome: "degraded", httpStatus: 200, evidence: null });
    expect(result.latencyMs).toBeGreaterThan(100);
    expect(result.message).toMatch(/\d+ ms/);
  });

  it("gives up at the timeout and leaves no connection open", async () => {
    const result = await runHttpCheck(
      { ...httpTarget({ url: `${provider.url}/never` }), timeoutMs: 300 },
      context({ signal: AbortSignal.timeout(300) })
    );
    expect(result).toMatchObject({
      outcome: "down",
      latencyMs: null,
      evidence: { kind: "network", reason: "timeout" },
    });
    expect(result.evidence).toMatchObject({ detail: "no answer within 300 ms" });
    // Node 20's undici may open a spare idle connection after an abort and reap it after
    // its 4 s keep-alive; what matters is that the request's own connection is gone.
    const closedWithinMs = await Promise.race([
      unansweredConnectionClosed?.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 2_000)),
    ]);
    expect(closedWithinMs).toBe(true);
  });

  it("reports a dropped connection as a reset", async () => {
    const result = await runHttpCheck(httpTarget({ url: `${provider.url}/drop` }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "reset" } });
  });

  it("reports a closed port as refused", async () => {
    const result = await runHttpCheck(httpTarget({ url: `http://127.0.0.1:${await closedPort()}/` }), context());
    expect(result).toMatchObject({
      outcome: "down",
      httpStatus: null,
      evidence: { kind: "network", reason: "refused" },
    });
  });

  it("reports a name that does not resolve as dns", async () => {
    const result = await runHttpCheck(httpTarget({ url: "http://api.shopiq-provider.invalid/" }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "dns" } });
  });

  it("reports an untrusted certificate as a tls failure", async () => {
    const https = await startHttpsServer(createCertificate(30), (_request, response) => response.end("ok"));
    try {
      const result = await runHttpCheck(httpTarget({ url: https.url }), context());
      expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "tls" } });
    } finally {
      await https.close();
    }
  });

  it("checks that the body holds the expected text and not the forbidden one", async () => {
    const url = `${provider.url}/ok`;
    expect(await runHttpCheck(httpTarget({ url, bodyContains: "operational" }), context())).toMatchObject({
      outcome: "ok",
    });
    expect(await runHttpCheck(httpTarget({ url, bodyContains: "All Systems Go" }), context())).toMatchObject({
      outcome: "down",
      httpStatus: 200,
      evidence: { kind: "shape", status: 200, detail: 'the response does not contain "All Systems Go"' },
    });
    expect(await runHttpCheck(httpTarget({ url, bodyNotContains: "outage" }), context())).toMatchObject({
      outcome: "ok",
    });
    expect(await runHttpCheck(httpTarget({ url, bodyNotContains: "operational" }), context())).toMatchObject({
      outcome: "down",
      evidence: { kind: "shape", status: 200 },
    });
  });

  it("checks a value at a JSON path", async () => {
    const url = `${provider.url}/summary`;
    const match = await runHttpCheck(
      httpTarget({ url, jsonPath: { path: "$.status.indicator", equals: "none" } }),
      context()
    );
    expect(match).toMatchObject({ outcome: "ok" });

    const inList = await runHttpCheck(
      httpTarget({ url, jsonPath: { path: "$.components[0].status", equals: "operational" } }),
      context()
    );
    expect(inList).toMatchObject({ outcome: "ok" });

    const mismatch = await runHttpCheck(
      httpTarget({ url, jsonPath: { path: "$.status.indicator", equals: "major" } }),
      context()
    );
    expect(mismatch).toMatchObject({
      outcome: "down",
      evidence: { kind: "shape", status: 200, detail: '$.status.indicator is "none"; expected "major"' },
    });

    const missing = await runHttpCheck(httpTarget({ url, jsonPath: { path: "$.page.id", equals: "abc" } }), context());
    expect(missing).toMatchObject({
      outcome: "down",
      evidence: { kind: "shape", detail: expect.stringContaining("missing") },
    });
  });

  it("reports malformed JSON as a shape problem when a JSON path is checked", async () => {
    const result = await runHttpCheck(
      httpTarget({ url: `${provider.url}/broken-json`, jsonPath: { path: "$.status.indicator", equals: "none" } }),
      context()
    );
    expect(result).toMatchObject({
      outcome: "down",
      httpStatus: 200,
      evidence: { kind: "shape", status: 200, detail: expect.stringContaining("not valid JSON") },
    });
  });

  it("sends the configured method, headers and body, and never repeats a header value", async () => {
    received.length = 0;
    const result = await runHttpCheck(
      httpTarget({
        url: `${provider.url}/error?code=401`,
        method: "POST",
        headers: { authorization: "Bearer sk_live_do_not_log", "content-type": "application/json" },
        body: '{"amount":100}',
      }),
      context()
    );
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "POST",
      body: '{"amount":100}',
      headers: { authorization: "Bearer sk_live_do_not_log", "content-type": "application/json" },
    });
    expect(result).toMatchObject({ outcome: "down", httpStatus: 401 });
    expect(JSON.stringify(result)).not.toContain("sk_live_do_not_log");
  });

  it("calls the demo fleet instead of the provider in demo mode", async () => {
    received.length = 0;
    const result = await runHttpCheck(
      httpTarget({
        url: "https://api.razorpay.invalid/v1/status",
        demoPath: "/razorpay/v1/status",
        bodyContains: "demo fleet",
      }),
      context({ demoBaseUrl: provider.url })
    );
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200 });
    expect(received.map((request) => request.url)).toEqual(["/razorpay/v1/status"]);
  });

  it.each([
    [{ url: "not a url" }, "url"],
    [{ url: "https://api.razorpay.com/", expectedStatus: [700] }, "expectedStatus.0"],
    [{ url: "https://api.razorpay.com/", body: "{}" }, "body"],
    [{ url: "https://api.razorpay.com/", headers: { "x-api-key": "line\nbreak" } }, "headers.x-api-key"],
  ])("returns down naming the field for an invalid configuration %#", async (config, field) => {
    const result = await runHttpCheck(httpTarget(config), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(result.evidence?.kind === "configuration" && result.evidence.detail).toMatch(
      new RegExp(`^invalid check configuration: ${field.replace(".", "\\.")}: `)
    );
  });
});
