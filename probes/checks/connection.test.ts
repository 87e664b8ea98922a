import { describe, expect, it } from "vitest";
import { classifyFailure } from "../classify";
import type { CheckTarget, RunContext } from "../types";
import { runConnectionCheck } from "./connection";

function connectionTarget(config: Record<string, unknown>, secret?: string): CheckTarget {
  const target: CheckTarget = { id: 7, slug: "razorpay-merchant-42", kind: "connection", providerSlug: "razorpay", config, timeoutMs: 5_000 };
  return secret === undefined ? target : { ...target, credential: { secret } };
}

const context = (): RunContext => ({ signal: AbortSignal.timeout(5_000), now: Date.now });

describe("the connection check", () => {
  it("blames our setup, not the provider, for a configuration it cannot use", async () => {
    const result = await runConnectionCheck(connectionTarget({ url: "not a url" }, "rzp_live_secret"), context());
    expect(result).toMatchObject({ outcome: "down", evidence: { kind: "configuration" } });
    expect(result.message).toMatch(/^invalid check configuration: url: /);
    expect(classifyFailure("razorpay", result.evidence!).cause).toBe("incorrect-configuration");
  });

  it("reads a connection without a stored credential as disconnected", async () => {
    const result = await runConnectionCheck(connectionTarget({ url: "https://api.razorpay.com/v1/payments" }), context());
    expect(result).toEqual({
      outcome: "down",
      latencyMs: null,
      httpStatus: null,
      evidence: { kind: "reported", message: "not connected: no credential is stored for this connection" },
      message: "no credential is stored for this connection",
    });
    expect(classifyFailure("razorpay", result.evidence!).cause).toBe("app-disconnected");
  });
});
