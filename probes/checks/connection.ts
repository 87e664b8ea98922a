import { ConnectionCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, ProbeResult } from "../types";
import { parseCheckConfig } from "./configuration";
import { runHttpCheck } from "./http";
import { redactResult } from "./redact";

function authHeaders(auth: "basic" | "bearer" | "header", headerName: string | undefined, secret: string): Record<string, string> {
  if (auth === "basic") return { authorization: `Basic ${Buffer.from(secret).toString("base64")}` };
  if (auth === "header") return { [headerName ?? "x-api-key"]: secret };
  return { authorization: `Bearer ${secret}` };
}

/**
 * One merchant's connection: an authenticated call with that merchant's credential. It is
 * an HTTP check with the credential added, so what it reports is classified the same way.
 */
export const runConnectionCheck: CheckRunner = async (target, context): Promise<ProbeResult> => {
  const parsed = parseCheckConfig(ConnectionCheckConfigSchema, target.config);
  if (!parsed.ok) return parsed.result;
  if (!target.credential) {
    // Not our configuration but the merchant's: they never connected, or disconnected. The
    // classifier's "no credential … stored" rule turns this into app-disconnected.
    const message = "no credential is stored for this connection";
    return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "reported", message: `not connected: ${message}` }, message };
  }
  const { auth, headerName, ...request } = parsed.config;
  const headers = authHeaders(auth, headerName, target.credential.secret);
  const result = await runHttpCheck({ ...target, config: { ...request, headers } }, context);
  // Whatever the provider echoes back, neither the secret nor the header built from it is kept.
  return redactResult(result, [target.credential.secret, ...Object.values(headers)]);
};
