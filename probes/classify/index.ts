// Turns failure evidence into one cause from the fixed list. Provider rules come first
// because a status alone misleads (Razorpay's unactivated account and Meta's expired token
// both arrive as 400); the generic mapping decides everything the rules do not know. The
// detail keeps what was seen, so a wrong guess can be seen and corrected later.

import type { CauseSlug } from "../../db/schema/enums";
import type { FailureEvidence } from "../types";
import { responseFacts, type ResponseFacts } from "./extract";
import { genericCause, responseCause } from "./generic";
import { findMatchingRule } from "./rules";

export type { ClassificationRule } from "./rules";
export { findMatchingRule } from "./rules";

export interface Classification {
  cause: CauseSlug;
  /** The raw detail that decided it (status, provider code, message), kept with the result. */
  detail: string;
}

/** A result row holds the detail; a provider's full error page does not belong there. */
const DETAIL_MAX_CHARS = 500;

export function classifyFailure(providerSlug: string, evidence: FailureEvidence): Classification {
  if (evidence.kind === "http" || evidence.kind === "reported") {
    const facts = responseFacts(evidence);
    const cause = findMatchingRule(providerSlug, facts)?.cause ?? responseCause(facts);
    return { cause, detail: finishDetail(describeResponse(evidence.kind, facts)) };
  }
  return { cause: genericCause(evidence), detail: finishDetail(describeOther(evidence)) };
}

function describeResponse(kind: "http" | "reported", facts: ResponseFacts): string {
  const status = facts.status === undefined ? undefined : `HTTP ${facts.status}`;
  // Shiprocket and Cashfree repeat the status as a code; "HTTP 401 401" says nothing more.
  const code = facts.code === String(facts.status) ? undefined : facts.code;
  const subcode = facts.subcode === String(facts.status) ? undefined : facts.subcode;
  const codes = code === undefined ? subcode : subcode === undefined ? code : `${code} (${subcode})`;
  const head = [kind === "reported" ? "reported" : undefined, status, codes].filter(Boolean).join(" ");
  if (facts.message !== undefined) return `${head}: ${facts.message}`;
  return kind === "reported" && status === undefined && codes === undefined ? "reported failure without details" : head;
}

function describeOther(evidence: Exclude<FailureEvidence, { kind: "http" | "reported" }>): string {
  switch (evidence.kind) {
    case "network":
      return `network ${evidence.reason}: ${evidence.detail}`;
    case "certificate":
      return `certificate: ${evidence.detail}`;
    case "shape":
      return evidence.status === undefined ? `unexpected answer: ${evidence.detail}` : `unexpected answer (HTTP ${evidence.status}): ${evidence.detail}`;
    case "upstream":
      return `provider status feed: ${evidence.detail}`;
    case "configuration":
      // The detail already names the setting at fault ("invalid check configuration: url: …").
      return evidence.detail;
  }
}

// Some providers echo the token they rejected ("Access token expired: 3fa85f64-…"); a
// result must never hold a credential. Long runs of token characters that mix letters and
// digits are tokens; words, codes and short ids are not.
const TOKEN_LIKE = /[A-Za-z0-9_\-.]{32,}/g;

function finishDetail(detail: string): string {
  const redacted = detail.replace(TOKEN_LIKE, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? "[redacted]" : run));
  return redacted.length > DETAIL_MAX_CHARS ? `${redacted.slice(0, DETAIL_MAX_CHARS - 1)}…` : redacted;
}
