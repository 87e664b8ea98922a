import { connect } from "node:net";
import { TcpCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner } from "../types";
import { parseCheckConfig } from "./configuration";
import { errorCode, NETWORK_REASON_SUMMARY, networkReason, networkResult, stoppedResult, withCode } from "./failures";

const REASON_SUMMARY = { ...NETWORK_REASON_SUMMARY, timeout: "no connection in time", other: "the connection failed" };

export const runTcpCheck: CheckRunner = async (target, context) => {
  const parsed = parseCheckConfig(TcpCheckConfigSchema, target.config);
  if (!parsed.ok) return parsed.result;
  const { host, port, degradedLatencyMs } = parsed.config;
  const address = `${host}:${port}`;

  const startedAt = performance.now();
  const failure = await attemptConnection(host, port, context.signal);
  const latencyMs = Math.round(performance.now() - startedAt);

  if (failure === "aborted") {
    return stoppedResult(context.signal, {
      timedOut: `no connection to ${address} within ${target.timeoutMs} ms`,
      stopped: `stopped before ${address} answered`,
    });
  }
  if (failure) {
    const code = errorCode(failure);
    const reason = networkReason(code, failure.message);
    return networkResult(reason, failure.message, withCode(`${REASON_SUMMARY[reason]}: ${address}`, code));
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
