import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckTarget, RunContext } from "../types";
import { runDnsCheck } from "./dns";
import { startDnsServer, type DnsRecord, type LocalServer } from "./test-servers";

const RECORDS: DnsRecord[] = [
  { name: "api.razorpay.test", type: "A", address: "203.0.113.10" },
  { name: "api.razorpay.test", type: "A", address: "203.0.113.11" },
  { name: "checkout.razorpay.test", type: "CNAME", target: "cdn.razorpay.test" },
  { name: "razorpay.test", type: "MX", priority: 20, exchange: "backup-mx.razorpay.test" },
  { name: "razorpay.test", type: "MX", priority: 10, exchange: "mx.razorpay.test" },
  { name: "razorpay.test", type: "TXT", text: "v=spf1 include:_spf.razorpay.test ~all" },
];

let nameServer: LocalServer & { server: string };

beforeAll(async () => {
  nameServer = await startDnsServer(RECORDS);
});
afterAll(() => nameServer.close());

function dnsTarget(config: Record<string, unknown>): CheckTarget {
  return {
    id: 3,
    slug: "razorpay-dns",
    kind: "dns",
    providerSlug: "razorpay",
    config: { server: nameServer.server, ...config },
    timeoutMs: 5_000,
  };
}

function context(signal: AbortSignal = AbortSignal.timeout(5_000)): RunContext {
  return { signal, now: Date.now };
}

describe("dns check", () => {
  it("reports a name with answers as ok, with its latency", async () => {
    const result = await runDnsCheck(dnsTarget({ hostname: "api.razorpay.test" }), context());
    expect(result).toMatchObject({ outcome: "ok", evidence: null });
    expect(result.latencyMs).toBeTypeOf("number");
    expect(result.message).toContain("2 answers");
  });

  it("is ok when one answer is the expected one", async () => {
    const result = await runDnsCheck(dnsTarget({ hostname: "api.razorpay.test", expected: "203.0.113.11" }), context());
    expect(result).toMatchObject({ outcome: "ok" });
  });

  it("compares names without regard to case or a trailing dot", async () => {
    const cname = await runDnsCheck(
      dnsTarget({ hostname: "checkout.razorpay.test", recordType: "CNAME", expected: "CDN.Razorpay.test." }),
      context()
    );
    expect(cname).toMatchObject({ outcome: "ok" });
    const mx = await runDnsCheck(
      dnsTarget({ hostname: "razorpay.test", recordType: "MX", expected: "mx.razorpay.test." }),
      context()
    );
    expect(mx).toMatchObject({ outcome: "ok" });
  });

  it("reads TXT records", async () => {
    const result = await runDnsCheck(
      dnsTarget({ hostname: "razorpay.test", recordType: "TXT", expected: "v=spf1 include:_spf.razorpay.test ~all" }),
      context()
    );
    expect(result).toMatchObject({ outcome: "ok" });
  });

  it("reports answers that do not include the expected one as a shape problem", async () => {
    const result = await runDnsCheck(dnsTarget({ hostname: "api.razorpay.test", expected: "198.51.100.7" }), context());
    expect(result).toMatchObject({
      outcome: "down",
      evidence: {
        kind: "shape",
        detail: "A api.razorpay.test answered 203.0.113.10, 203.0.113.11; expected 198.51.100.7",
      },
    });
  });

  it("reports NXDOMAIN as a dns failure", async () => {
    const result = await runDnsCheck(dnsTarget({ hostname: "gone.razorpay.test" }), context());
    expect(result).toMatchObject({ outcome: "down", latencyMs: null, evidence: { kind: "network", reason: "dns" } });
    expect(result.message).toContain("ENOTFOUND");
  });

  it("reports a name without records of the type as a dns failure", async () => {
    const result = await runDnsCheck(dnsTarget({ hostname: "razorpay.test", recordType: "A" }), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "dns" } });
  });

  it("calls a slow resolver degraded", async () => {
    const slowServer = await startDnsServer(RECORDS, { delayMs: 200 });
    try {
      const result = await runDnsCheck(
        dnsTarget({ hostname: "api.razorpay.test", server: slowServer.server, degradedLatencyMs: 50 }),
        context()
      );
      expect(result).toMatchObject({ outcome: "degraded", evidence: null });
    } finally {
      await slowServer.close();
    }
  });

  it("gives up on a resolver that never answers when the run is aborted", async () => {
    const silentServer = await startDnsServer(RECORDS, { answer: false });
    try {
      const startedAt = Date.now();
      const result = await runDnsCheck(
        { ...dnsTarget({ hostname: "api.razorpay.test", server: silentServer.server }), timeoutMs: 300 },
        context(AbortSignal.timeout(300))
      );
      expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "timeout" } });
      // c-ares alone would retry for many seconds; the abort must cut it short.
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    } finally {
      await silentServer.close();
    }
  });

  it("reports a resolver port nothing listens on as refused", async () => {
    const goneServer = await startDnsServer(RECORDS);
    await goneServer.close();
    const result = await runDnsCheck(
      dnsTarget({ hostname: "api.razorpay.test", server: goneServer.server }),
      context()
    );
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "network", reason: "refused" } });
  });

  it("returns down naming the field for an invalid configuration", async () => {
    const badType = await runDnsCheck(dnsTarget({ hostname: "razorpay.test", recordType: "SRV" }), context());
    expect(badType).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(badType.message).toMatch(/^invalid check configuration: recordType: /);
    const badServer = await runDnsCheck(
      dnsTarget({ hostname: "razorpay.test", server: "ns1.razorpay.test" }),
      context()
    );
    expect(badServer).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(badServer.message).toMatch(/^invalid check configuration: server: /);
  });
});
