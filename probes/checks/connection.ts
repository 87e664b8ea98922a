import { ConnectionCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, ProbeResult } from "../types";
import { runHttpCheck } from "./http";

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
  const parsed = ConnectionCheckConfigSchema.safeParse(target.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const detail = `invalid check configuration: ${issue.path.join(".") || "config"}: ${issue.message}`;
    return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "shape", detail }, message: detail };
  }
  if (!target.credential) {
    const detail = "no credential is stored for this connection";
    return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "reported", message: detail }, message: detail };
  }
  const { auth, headerName, ...request } = parsed.data;
  return runHttpCheck({ ...target, config: { ...request, headers: authHeaders(auth, headerName, target.credential.secret) } }, context);
};
