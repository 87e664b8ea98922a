// A provider's own word on its health as this check's outcome, for the checks that read a
// provider's feed (statuspage, payment-downtime).

import type { ProviderStatus } from "../../db/schema/enums";
import type { ProbeResult, UpstreamReport } from "../types";

const statusWords = (status: ProviderStatus) => status.replaceAll("_", " ");

/**
 * Maintenance is announced, so it is not a failure of this check; an outage is, with the
 * provider's own account as evidence.
 */
export function upstreamResult(
  providerName: string,
  report: UpstreamReport,
  answer: { httpStatus: number; latencyMs: number },
  /** What to name when no incident explains the status (the failing components…). */
  fallbackSubject: string,
): ProbeResult {
  const base = { latencyMs: answer.latencyMs, httpStatus: answer.httpStatus, upstream: report };
  const status = report.providerStatus;
  if (status === "operational" || status === "under_maintenance") {
    return { ...base, outcome: "ok", evidence: null, message: `${providerName} reports ${statusWords(status)}` };
  }
  const detail = `${providerName} reports ${statusWords(status)}: ${report.incidents[0]?.title ?? fallbackSubject}`;
  return {
    ...base,
    outcome: status === "degraded_performance" ? "degraded" : "down",
    evidence: { kind: "upstream", detail },
    message: detail,
  };
}
