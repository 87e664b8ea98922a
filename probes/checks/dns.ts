import { Resolver } from "node:dns/promises";
import { DnsCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, ProbeResult } from "../types";
import { invalidConfiguration, parseCheckConfig } from "./configuration";
import { errorCode, networkResult, stoppedResult, withCode, type NetworkReason } from "./failures";

type RecordType = ReturnType<typeof DnsCheckConfigSchema.parse>["recordType"];

// TXT answers can be long (SPF, verification tokens); the evidence needs only a glimpse.
const EVIDENCE_ANSWERS_LIMIT_CHARS = 300;

/** Each record type's answers as comparable strings; MX by exchange, best priority first. */
const QUERY_BY_TYPE: Record<RecordType, (resolver: Resolver, hostname: string) => Promise<string[]>> = {
  A: (resolver, hostname) => resolver.resolve4(hostname),
  AAAA: (resolver, hostname) => resolver.resolve6(hostname),
  CNAME: (resolver, hostname) => resolver.resolveCname(hostname),
  NS: (resolver, hostname) => resolver.resolveNs(hostname),
  // A TXT record arrives in 255-byte chunks that only mean something joined.
  TXT: async (resolver, hostname) => (await resolver.resolveTxt(hostname)).map((chunks) => chunks.join("")),
  MX: async (resolver, hostname) =>
    (await resolver.resolveMx(hostname)).sort((a, b) => a.priority - b.priority).map((mx) => mx.exchange),
};

// Not the shared table: c-ares has codes of its own (ETIMEOUT, ENODATA, ESERVFAIL) and its
// ENOTFOUND is NXDOMAIN, so every resolver error but these two is the name's problem ("dns").
const NETWORK_REASON_BY_CODE: Readonly<Record<string, NetworkReason>> = {
  ETIMEOUT: "timeout",
  ECONNREFUSED: "refused",
};

export const runDnsCheck: CheckRunner = async (target, context) => {
  const parsed = parseCheckConfig(DnsCheckConfigSchema, target.config);
  if (!parsed.ok) return parsed.result;
  const { hostname, recordType, expected, server, degradedLatencyMs } = parsed.config;
  const question = `${recordType} ${hostname}`;

  const resolver = new Resolver();
  if (server !== undefined) {
    try {
      resolver.setServers([server]);
    } catch {
      // c-ares takes addresses only; resolving a resolver's own name would need another resolver.
      return invalidConfiguration("server", "must be an IP address, optionally with a port (1.1.1.1 or 10.0.0.2:5353)");
    }
  }
  if (context.signal.aborted) return stopped(context.signal, question, target.timeoutMs);

  const cancel = () => resolver.cancel();
  context.signal.addEventListener("abort", cancel, { once: true });
  const startedAt = performance.now();
  let answers: string[];
  try {
    answers = await QUERY_BY_TYPE[recordType](resolver, hostname);
  } catch (error) {
    if (context.signal.aborted) return stopped(context.signal, question, target.timeoutMs);
    const code = errorCode(error);
    const reason = (code && NETWORK_REASON_BY_CODE[code]) || "dns";
    const detail = error instanceof Error ? error.message : String(error);
    return networkResult(reason, detail, withCode(`${question} did not resolve`, code));
  } finally {
    context.signal.removeEventListener("abort", cancel);
  }
  const latencyMs = Math.round(performance.now() - startedAt);

  if (answers.length === 0) return networkResult("dns", `no ${question} records`, `${question} has no answer`);
  if (expected !== undefined && !answers.some((answer) => sameName(answer, expected))) {
    const heard = answers.join(", ").slice(0, EVIDENCE_ANSWERS_LIMIT_CHARS);
    return {
      outcome: "down",
      latencyMs,
      httpStatus: null,
      evidence: { kind: "shape", detail: `${question} answered ${heard}; expected ${expected}` },
      message: `${question} does not include ${expected}`,
    };
  }
  const count = `${answers.length} answer${answers.length === 1 ? "" : "s"}`;
  if (degradedLatencyMs !== undefined && latencyMs > degradedLatencyMs) {
    return {
      outcome: "degraded",
      latencyMs,
      httpStatus: null,
      evidence: null,
      message: `slow: ${question}: ${count} in ${latencyMs} ms (over ${degradedLatencyMs} ms)`,
    };
  }
  return {
    outcome: "ok",
    latencyMs,
    httpStatus: null,
    evidence: null,
    message: `${question}: ${count} in ${latencyMs} ms`,
  };
};

/** DNS names compare case-insensitively, and `example.com.` is `example.com`. */
function sameName(a: string, b: string): boolean {
  const normalise = (name: string) => name.toLowerCase().replace(/\.$/, "");
  return normalise(a) === normalise(b);
}

function stopped(signal: AbortSignal, question: string, timeoutMs: number): ProbeResult {
  return stoppedResult(signal, {
    timedOut: `no answer to ${question} within ${timeoutMs} ms`,
    stopped: `stopped before ${question} resolved`,
  });
}
