import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckTarget, RunContext } from "../types";
import { runTcpCheck } from "./tcp";
import { closedPort, connectionsClosed, startTcpServer } from "./test-servers";

let smtpRelay: Awaited<ReturnType<typeof startTcpServer>>;

beforeAll(async () => {
  smtpRelay = await startTcpServer();
});
afterAll(() => smtpRelay.close());

function tcpTarget(config: Record<string, unknown>): CheckTarget {
  return { id: 2, slug: "shiprocket-sftp", kind: "tcp", providerSlug: "shiprocket", config, timeoutMs: 5_000 };
}

function context(signal: AbortSignal = AbortSignal.timeout(5_000)): RunContext {
  return { signal, now: Date.now };
}

describe("tcp check", () => {
  it("reports an open port as ok with its latency, and hangs up", async () => {
    const result = await runTcpCheck(tcpTarget({ host: "127.0.0.1", port: smtpRelay.port }), context());
    expect(result).toMatchObject({ outcome: "ok", evidence: null, httpStatus: null });
    expect(result.latencyMs).toBeTypeOf("number");
    expect(await connectionsClosed(smtpRelay.server)).toBe(true);
  });

  it("reports a closed port as refused", async () => {
    const result = await runTcpCheck(tcpTarget({ host: "127.0.0.1", port: await closedPort() }), context());
    expect(result).toMatchObject({
      outcome: "down",
      latencyMs: null,
      evidence: { kind: "network", reason: "refused" },
    });
  });

  it("reports a name that does not resolve as dns", async () => {
    const result = await runTcpCheck(tcpTarget({ host: "sftp.shopiq-provider.invalid", port: 22 }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "dns" } });
  });

  it("stops at once when the run is aborted mid-connect", async () => {
    const controller = new AbortController();
    const run = runTcpCheck(tcpTarget({ host: "127.0.0.1", port: smtpRelay.port }), context(controller.signal));
    controller.abort();
    expect(await run).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "timeout" } });
    expect(await connectionsClosed(smtpRelay.server)).toBe(true);
  });

  it("reports the timeout when the signal has already timed out", async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await runTcpCheck(
      { ...tcpTarget({ host: "127.0.0.1", port: smtpRelay.port }), timeoutMs: 1 },
      context(signal)
    );
    expect(result).toMatchObject({
      outcome: "down",
      evidence: {
        kind: "network",
        reason: "timeout",
        detail: `no connection to 127.0.0.1:${smtpRelay.port} within 1 ms`,
      },
    });
  });

  it("returns down naming the field for an invalid configuration", async () => {
    const result = await runTcpCheck(tcpTarget({ host: "127.0.0.1", port: 70_000 }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(result.message).toMatch(/^invalid check configuration: port: /);
  });
});
