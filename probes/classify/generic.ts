// The cause a failure has when no provider rule knows better: what the kind of evidence
// and the HTTP status say on their own, the same for every provider.

import type { CauseSlug } from "../../db/schema/enums";
import type { FailureEvidence } from "../types";
import { responseFacts, type ResponseFacts } from "./extract";

// A 401 that says the token, session or key expired needs a new login, not a new key.
const EXPIRED_WORDS = /expir/i;
// A 403 is usually a permission the connection lacks, unless the provider says it acted on the account.
const POLICY_WORDS = /polic(y|ies)|blocked|restricted|suspended|banned|violat/i;

/** Statuses whose meaning does not depend on what the body says. */
const CAUSE_BY_STATUS: Readonly<Record<number, CauseSlug>> = {
  400: "incorrect-configuration",
  402: "provider-billing-issue",
  // An endpoint a check was set up against used to answer; now it is not there.
  404: "provider-api-change",
  410: "provider-api-change",
  422: "incorrect-configuration",
  429: "connected-app-limit",
};

// When ShopIQ's integration layer reports a failure without an HTTP status, the code and
// message still say which status family it belongs to. Checked in order: an auth word wins
// over a generic "invalid request".
const STATUS_BY_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/unauthori[sz]ed|unauthenticated|invalid[ _-]?(api[ _-]?)?(key|token|credentials?)|authentication[ _-]?(failed|failure|error|required)|invalid_client|expired/i, 401],
  [/forbidden|permission[ _-]?denied|access[ _-]?denied|not[ _-]?permitted|insufficient[ _-]?(scope|permissions?)|blocked|suspended|restricted/i, 403],
  [/payment[ _-]?required/i, 402],
  [/rate[ _-]?limit|too[ _-]?many[ _-]?requests|quota|resource[ _-]?exhausted|throttl/i, 429],
  [/internal[ _-]?(server[ _-]?)?error|service[ _-]?unavailable|temporarily[ _-]?unavailable|\bunavailable\b|bad[ _-]?gateway|gateway[ _-]?time-?out|deadline[ _-]?exceeded|^internal\b/i, 503],
  [/bad[ _-]?request|invalid[ _-]?(input|request|parameter|argument)|validation|failed[ _-]?precondition/i, 400],
];

/** The generic cause of any failure evidence. */
export function genericCause(evidence: FailureEvidence): CauseSlug {
  switch (evidence.kind) {
    case "network":
    case "certificate":
      return "network-or-technical-issue";
    case "shape":
      // The provider answered, but no longer in the form the check was written for.
      return "provider-api-change";
    case "configuration":
      // The check could not run as set up; the provider was not asked, or not at fault.
      return "incorrect-configuration";
    case "upstream":
      return "provider-downtime";
    case "http":
    case "reported":
      return responseCause(responseFacts(evidence));
  }
}

/** The generic cause of a provider's answer, from its status (or, without one, its words). */
export function responseCause(facts: ResponseFacts): CauseSlug {
  const words = [facts.code, facts.subcode, facts.message].filter(Boolean).join(" ");
  const status = facts.status ?? STATUS_BY_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  if (status === undefined) return "network-or-technical-issue";
  if (status === 401) return EXPIRED_WORDS.test(words) ? "expired-authentication" : "invalid-api-key";
  if (status === 403) return POLICY_WORDS.test(words) ? "policy-restriction" : "missing-permissions";
  if (status >= 500 && status <= 599) return "provider-downtime";
  return CAUSE_BY_STATUS[status] ?? "network-or-technical-issue";
}
