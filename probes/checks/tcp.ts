import { connect } from "node:net";
import { TcpCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, FailureEvidence, ProbeResult } from "../types";

// A bare connection has no TLS to fail.
type NetworkReason = Exclude<Extract<FailureEvidence, { kind: "network" }>["reason"], "tls">;

const NETWORK_REASON_BY_CODE: Record<string, NetworkReason> = {
  ETIMEDOUT: "timeout",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNRESET: "reset",
  ECONNREFUSED: "refused",
};

const REASON_SUMMARY: Record<NetworkReason, string> = {
  timeout: "no connection in time",
  dns: "the host name did not resolve",
  reset: "the connection was reset",
  refused: "the connection was refused",
  other: "the connection failed",
};

export const runTcpCheck: CheckRunner = async (target, context) => {
  const parsed = TcpCheckConfigSchema.safeParse(target.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalidConfiguration(issue?.path.map(String).join(".") ?? "", issue?.message ?? "invalid");
  }
  const { host, port, degradedLatencyMs } = parsed.data;
  const address = `${host}:${port}`;

  const startedAt = performance.now();
  const failure = await attemptConnection(host, port, context.signal);
  const latencyMs = Math.round(performance.now() - startedAt);

  if (failure === "aborted") {
    const stoppedByTimeout =
      context.signal.reason instanceof DOMException && context.signal.reason.name === "TimeoutError";
    const detail = stoppedByTimeout
      ? `no connection to ${address} within ${target.timeoutMs} ms`
      : `stopped before ${address} answered`;
    return networkResult("timeout", detail, detail);
  }
  if (failure) {
    const reason = (failure.code && NETWORK_REASON_BY_CODE[failure.code]) || "other";
    const summary = `${REASON_SUMMARY[reason]}: ${address}`;
    return networkResult(reason, failure.message, failure.code ? `${summary} (${failure.code})` : summary);
  }
  if (degradedLatencyMs !== undefined && latencyMs > degradedLatencyMs) {
    return {
      outcome: "degraded",
      latencyMs,
      httpStatus: null,
      evidence: null,
      message: `slow: connected to ${address} in ${latencyMs} ms (over ${degradedLatencyMs} ms)`,
    };
  }
  return {
    outcome: "ok",
    latencyMs,
    httpStatus: null,
    evidence: null,
    message: `connected to ${address} in ${latencyMs} ms`,
  };
};

/** Opens and closes one connection; resolves with what stopped it, or null once connected. */
function attemptConnection(
  host: string,
  port: number,
  signal: AbortSignal
): Promise<NodeJS.ErrnoException | "aborted" | null> {
  if (signal.aborted) return Promise.resolve("aborted");
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (failure: NodeJS.ErrnoException | "aborted" | null) => {
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(failure);
    };
    const onAbort = () => finish("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    socket.once("connect", () => finish(null));
    socket.once("error", finish);
  });
}

function networkResult(reason: NetworkReason, detail: string, message: string): ProbeResult {
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "network", reason, detail }, message };
}

function invalidConfiguration(field: string, problem: string): ProbeResult {
  const detail = `invalid check configuration: ${field || "(config)"}: ${problem}`;
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "shape", detail }, message: detail };
}
