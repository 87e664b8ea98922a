// Placeholder until the classifier lands: every failure is a network or technical issue.
import type { CauseSlug } from "../../db/schema/enums";
import type { FailureEvidence } from "../types";

export interface Classification {
  cause: CauseSlug;
  /** The raw detail that decided it (status, provider code, message), kept with the result. */
  detail: string;
}

export function classifyFailure(_providerSlug: string, evidence: FailureEvidence): Classification {
  return { cause: "network-or-technical-issue", detail: evidence.kind };
}
