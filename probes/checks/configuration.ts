// A check that cannot run as set up says so as a `down` result, never a throw, with
// `configuration` evidence: the fix is in our own setup, so the provider is not blamed.

import type { z } from "zod";
import type { ProbeResult } from "../types";

/** `field` is dotted, as the ops console and catalogue import name fields (`expectedStatus.0`). */
export function invalidConfiguration(field: string, problem: string): ProbeResult {
  const detail = `invalid check configuration: ${field || "(config)"}: ${problem}`;
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "configuration", detail }, message: detail };
}

type ParsedConfig<T> = { ok: true; config: T } | { ok: false; result: ProbeResult };

/** The stored configuration through its kind's schema, or a result naming the first field at fault. */
export function parseCheckConfig<S extends z.ZodType>(schema: S, config: unknown): ParsedConfig<z.output<S>> {
  const parsed = schema.safeParse(config);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, result: invalidConfiguration(issue?.path.map(String).join(".") ?? "", issue?.message ?? "invalid") };
}
