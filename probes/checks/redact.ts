import type { FailureEvidence, ProbeResult } from "../types";

const REDACTED = "[redacted]";

/** `text` with every secret replaced: providers sometimes echo back the key they were sent. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.replaceAll(secret, REDACTED) : out), text);
}

function redactEvidence(evidence: FailureEvidence, secrets: readonly string[]): FailureEvidence {
  const scrub = (value: string | undefined) => (value === undefined ? undefined : redact(value, secrets));
  switch (evidence.kind) {
    case "http":
      return { ...evidence, body: scrub(evidence.body), errorCode: scrub(evidence.errorCode), message: scrub(evidence.message) };
    case "reported":
      return { ...evidence, errorCode: scrub(evidence.errorCode), message: scrub(evidence.message) };
    default:
      return { ...evidence, detail: redact(evidence.detail, secrets) };
  }
}

/** The result with the secrets removed from everything that may be stored, logged or shown. */
export function redactResult(result: ProbeResult, secrets: readonly string[]): ProbeResult {
  return {
    ...result,
    message: result.message === null ? null : redact(result.message, secrets),
    evidence: result.evidence === null ? null : redactEvidence(result.evidence, secrets),
  };
}
