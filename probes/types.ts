// The contract between the scheduler and the check kinds. A check kind is one function
// that tests one target and returns what it saw; it never touches the database. The
// pipeline turns failure evidence into a cause (probes/classify) and hands the result to
// the one recording function.

import type { CheckOutcome, CheckKind, IncidentImpact, IncidentStatus, ProviderStatus } from "../db/schema/enums";

/** What went wrong, as observed; the classifier turns it into one of the fixed causes. */
export type FailureEvidence =
  /** No usable answer: timed out, name did not resolve, connection reset or refused, TLS failed. */
  | { kind: "network"; reason: "timeout" | "dns" | "reset" | "refused" | "tls" | "other"; detail: string }
  /** An HTTP answer with a status the check does not accept; the body is kept (truncated) for provider rules. */
  | { kind: "http"; status: number; body?: string; errorCode?: string; message?: string }
  /** The answer arrived but no longer looks as expected (keyword, JSON path, feed format). */
  | { kind: "shape"; detail: string; status?: number }
  /**
   * The check cannot run as set up (invalid settings, an unset environment variable, a
   * component the status page does not list): our own setup to fix, not the provider's doing.
   */
  | { kind: "configuration"; detail: string }
  /** A certificate that is invalid or expired. */
  | { kind: "certificate"; detail: string }
  /** The provider's own status feed reports the problem. */
  | { kind: "upstream"; detail: string }
  /** A failure ShopIQ's integration layer saw and pushed to us, with what the provider answered. */
  | { kind: "reported"; status?: number; errorCode?: string; message?: string };

/** An incident as a provider's own feed describes it, to mirror as ours with source `upstream`. */
export interface UpstreamIncident {
  /** The provider's id for it; mirrored incidents are matched on this, poll after poll. */
  externalId: string;
  title: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** The latest update's text. */
  body: string;
  startedAtMs: number;
  updatedAtMs: number;
}

/** A maintenance window as the provider announces it. */
export interface UpstreamMaintenance {
  externalId: string;
  title: string;
  description: string;
  scheduledForMs: number;
  scheduledUntilMs: number;
}

/**
 * What a provider's own feed says right now. Everything it lists is current: a mirrored
 * incident or maintenance that is no longer listed has ended (or was cancelled) there.
 */
export interface UpstreamReport {
  /** Our provider's status as the feed's components put it. */
  providerStatus: ProviderStatus;
  incidents: UpstreamIncident[];
  maintenances: UpstreamMaintenance[];
}

export interface ProbeResult {
  outcome: CheckOutcome;
  latencyMs: number | null;
  httpStatus: number | null;
  /** Set when the outcome is `down` (or `degraded` for a reason other than slowness). */
  evidence: FailureEvidence | null;
  /** A short human-readable line; never contains a credential. */
  message: string | null;
  upstream?: UpstreamReport;
}

/** A merchant's credential, opened for one run and never logged. */
export interface OpenedCredential {
  /** The secret (API key, token, or "id:secret" for basic auth). */
  secret: string;
}

export interface CheckTarget {
  id: number;
  slug: string;
  kind: CheckKind;
  providerSlug: string;
  /** The check's stored configuration; each kind validates it with its own schema. */
  config: Record<string, unknown>;
  timeoutMs: number;
  credential?: OpenedCredential;
}

export interface RunContext {
  /** Aborted at the check's timeout or when the scheduler shuts down. */
  signal: AbortSignal;
  /** Milliseconds since the epoch; injectable so tests control time. */
  now: () => number;
  /** In demo mode, the local fleet's address that `demoPath` targets resolve against. */
  demoBaseUrl?: string;
}

export type CheckRunner = (target: CheckTarget, context: RunContext) => Promise<ProbeResult>;
