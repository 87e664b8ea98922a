import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckTarget, RunContext } from "../types";
import {
  closedPort,
  connectionsClosed,
  createCertificate,
  startHttpServer,
  startTlsServer,
  type Certificate,
} from "./test-servers";
import { runTlsCheck } from "./tls";

const DAY_MS = 24 * 60 * 60 * 1000;

let yearCertificate: Certificate;
let yearServer: Awaited<ReturnType<typeof startTlsServer>>;
let fiveDayServer: Awaited<ReturnType<typeof startTlsServer>>;
let fiveDayCertificate: Certificate;

beforeAll(async () => {
  yearCertificate = createCertificate(365);
  fiveDayCertificate = createCertificate(5);
  yearServer = await startTlsServer(yearCertificate);
  fiveDayServer = await startTlsServer(fiveDayCertificate);
});
afterAll(async () => {
  await yearServer.close();
  await fiveDayServer.close();
});

function tlsTarget(config: Record<string, unknown>): CheckTarget {
  return { id: 4, slug: "gupshup-tls", kind: "tls", providerSlug: "gupshup", config, timeoutMs: 5_000 };
}

function context(overrides: Partial<RunContext> = {}): RunContext {
  return { signal: AbortSignal.timeout(5_000), now: Date.now, ...overrides };
}

describe("tls check", () => {
  it("reports a trusted, matching certificate with time left as ok", async () => {
    const result = await runTlsCheck(
      tlsTarget({ host: "127.0.0.1", port: yearServer.port, servername: "localhost", caPem: yearCertificate.certPem }),
      context()
    );
    expect(result).toMatchObject({ outcome: "ok", evidence: null });
    expect(result.latencyMs).toBeTypeOf("number");
    expect(result.message).toMatch(/^certificate for localhost valid for 36[45] days more/);
    expect(await connectionsClosed(yearServer.server)).toBe(true);
  });

  it("accepts an IP address as the name when the certificate lists it", async () => {
    const result = await runTlsCheck(
      tlsTarget({ host: "127.0.0.1", port: yearServer.port, caPem: yearCertificate.certPem }),
      context()
    );
    expect(result).toMatchObject({ outcome: "ok" });
  });

  it("warns with degraded when the certificate expires within warnDays", async () => {
    const result = await runTlsCheck(
      tlsTarget({ host: "localhost", port: fiveDayServer.port, warnDays: 14, caPem: fiveDayCertificate.certPem }),
      context()
    );
    expect(result).toMatchObject({ outcome: "degraded", evidence: { kind: "certificate" } });
    expect(result.message).toMatch(/^certificate for localhost expires in [45] days \(\d{4}-\d{2}-\d{2}\)$/);
  });

  it("reports an expired certificate as down", async () => {
    const result = await runTlsCheck(
      tlsTarget({ host: "localhost", port: fiveDayServer.port, caPem: fiveDayCertificate.certPem }),
      context({ now: () => Date.now() + 6 * DAY_MS })
    );
    expect(result).toMatchObject({
      outcome: "down",
      evidence: { kind: "certificate", detail: expect.stringContaining("expired on") },
    });
  });

  it("reports a certificate that is not yet valid as down", async () => {
    const result = await runTlsCheck(
      tlsTarget({ host: "localhost", port: yearServer.port, caPem: yearCertificate.certPem }),
      context({ now: () => Date.now() - 2 * DAY_MS })
    );
    expect(result).toMatchObject({
      outcome: "down",
      evidence: { kind: "certificate", detail: expect.stringContaining("not valid before") },
    });
  });

  it("reports a certificate from an authority it does not trust as down", async () => {
    const withoutCa = await runTlsCheck(tlsTarget({ host: "localhost", port: yearServer.port }), context());
    expect(withoutCa).toMatchObject({
      outcome: "down",
      evidence: { kind: "certificate", detail: expect.stringContaining("not trusted") },
    });

    const withOtherCa = await runTlsCheck(
      tlsTarget({ host: "localhost", port: yearServer.port, caPem: fiveDayCertificate.certPem }),
      context()
    );
    expect(withOtherCa).toMatchObject({
      outcome: "down",
      evidence: { kind: "certificate", detail: expect.stringContaining("not trusted") },
    });
  });

  it("reports a certificate for another name as down", async () => {
    const result = await runTlsCheck(
      tlsTarget({
        host: "127.0.0.1",
        port: yearServer.port,
        servername: "api.gupshup.test",
        caPem: yearCertificate.certPem,
      }),
      context()
    );
    expect(result).toMatchObject({
      outcome: "down",
      evidence: { kind: "certificate", detail: expect.stringContaining("api.gupshup.test") },
    });
    expect(result.message).toBe("the certificate does not cover api.gupshup.test");
  });

  it("reports a closed port as refused", async () => {
    const result = await runTlsCheck(tlsTarget({ host: "127.0.0.1", port: await closedPort() }), context());
    expect(result).toMatchObject({
      outcome: "down",
      latencyMs: null,
      evidence: { kind: "network", reason: "refused" },
    });
  });

  it("reports a port that does not speak TLS as a tls failure", async () => {
    const plain = await startHttpServer((_request, response) => response.end("plain http"));
    try {
      const result = await runTlsCheck(tlsTarget({ host: "127.0.0.1", port: plain.port }), context());
      expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "tls" } });
    } finally {
      await plain.close();
    }
  });

  it("stops when the run is aborted and leaves no connection open", async () => {
    const controller = new AbortController();
    const run = runTlsCheck(
      tlsTarget({ host: "localhost", port: yearServer.port, caPem: yearCertificate.certPem }),
      context({ signal: controller.signal })
    );
    controller.abort();
    expect(await run).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "timeout" } });
    expect(await connectionsClosed(yearServer.server)).toBe(true);
  });

  it("returns down naming the field for an invalid configuration", async () => {
    const badPort = await runTlsCheck(tlsTarget({ host: "localhost", port: 0 }), context());
    expect(badPort).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(badPort.message).toMatch(/^invalid check configuration: port: /);

    const badCa = await runTlsCheck(
      tlsTarget({ host: "localhost", port: yearServer.port, caPem: "not a certificate" }),
      context()
    );
    expect(badCa).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(badCa.message).toMatch(/^invalid check configuration: caPem: /);
  });
});
