// One run of one check, end to end: build its target (opening the merchant's credential
// for a connection check), run its kind with a deadline, classify a failure into a cause,
// record the result, mirror what a provider's own feed reports, and re-evaluate
// provider-wide detection when the result could change it.

import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { loadCredential } from "../db/credentials/store";
import type { Keyring } from "../db/credentials/keyring";
import { DEFAULT_DETECTION, evaluateProviderDetection, type DetectionSettings } from "../db/incidents/detection";
import { recordCheckResult, type RecordedResult } from "../db/rollups/record-result";
import { check, connection, merchant, provider } from "../db/schema";
import type { CauseSlug, CheckKind, CheckOutcome } from "../db/schema/enums";
import { mirrorUpstream } from "../db/upstream/mirror";
import { classifyFailure } from "./classify";
import type { DetectionThrottle } from "./detection-throttle";
import type { CheckRunner, CheckTarget, ProbeResult } from "./types";

export interface ProbeDeps {
  db: Db;
  runners: Record<CheckKind, CheckRunner>;
  keyring: Keyring;
  now: () => number;
  demoBaseUrl?: string;
  detection?: DetectionSettings;
  /** Spaces out detection in a long-running scheduler; without it every result is evaluated at once. */
  detectionThrottle?: DetectionThrottle;
  log: (line: string) => void;
}

export interface CheckRun {
  checkId: number;
  slug: string;
  kind: CheckKind;
  /** The provider, and the merchant for a connection check. */
  target: string;
  outcome: CheckOutcome;
  latencyMs: number | null;
  cause: CauseSlug | null;
  message: string | null;
  state: RecordedResult["state"];
  stateChanged: boolean;
}

/** Re-evaluates provider-wide detection for one provider and says so when it changed something. */
export function evaluateDetection(deps: ProbeDeps, providerId: number): void {
  try {
    const detection = evaluateProviderDetection(deps.db, providerId, deps.now(), deps.detection ?? DEFAULT_DETECTION);
    if (detection.action !== "none") {
      const slug = deps.db.select({ slug: provider.slug }).from(provider).where(eq(provider.id, providerId)).get()?.slug;
      deps.log(`detection: ${slug} ${detection.action} (${Math.round(detection.failingShare * 100)}% of ${detection.monitored} connections failing)`);
    }
  } catch (error) {
    deps.log(`detection for provider ${providerId} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function loadTarget(deps: ProbeDeps, checkId: number) {
  const row = deps.db
    .select({
      id: check.id,
      slug: check.slug,
      kind: check.kind,
      config: check.config,
      timeoutMs: check.timeoutMs,
      providerId: check.providerId,
      providerSlug: provider.slug,
      connectionId: check.connectionId,
      connectionState: connection.state,
      merchant: merchant.externalId,
    })
    .from(check)
    .innerJoin(provider, eq(provider.id, check.providerId))
    .leftJoin(connection, eq(connection.id, check.connectionId))
    .leftJoin(merchant, eq(merchant.id, connection.merchantId))
    .where(eq(check.id, checkId))
    .get();
  if (!row) throw new Error(`no check with id ${checkId}`);
  return row;
}

/**
 * The run's own signal, aborted at the deadline or at shutdown. Built by hand rather than
 * with AbortSignal.any and AbortSignal.timeout: on Node 20 a combined signal nobody holds
 * can be garbage-collected with its timer, and the run then never times out.
 */
function deadlineSignal(shutdown: AbortSignal, timeoutMs: number): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  const onShutdown = () => controller.abort(shutdown.reason);
  if (shutdown.aborted) onShutdown();
  else shutdown.addEventListener("abort", onShutdown, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      shutdown.removeEventListener("abort", onShutdown);
    },
  };
}

async function probe(runner: CheckRunner, target: CheckTarget, deps: ProbeDeps, signal: AbortSignal, timeoutMs: number): Promise<ProbeResult> {
  const deadline = deadlineSignal(signal, timeoutMs);
  try {
    return await runner(target, { signal: deadline.signal, now: deps.now, demoBaseUrl: deps.demoBaseUrl });
  } catch (error) {
    // A runner must not throw; if one does, the check still gets a result rather than a gap.
    const detail = `check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "network", reason: "other", detail }, message: detail };
  } finally {
    deadline.release();
  }
}

/** Runs and records one check; null when the run was abandoned because probing is shutting down. */
export async function runCheck(deps: ProbeDeps, checkId: number, signal: AbortSignal): Promise<CheckRun | null> {
  const row = loadTarget(deps, checkId);
  const startedAt = deps.now();
  const isConnection = row.connectionId !== null;
  let result: ProbeResult;
  let cause: CauseSlug | null = null;
  if (isConnection && row.connectionState === "disconnected") {
    // The merchant disconnected the app: calling the provider would only fail with their old key.
    result = { outcome: "down", latencyMs: null, httpStatus: null, evidence: null, message: "the merchant disconnected this integration" };
    cause = "app-disconnected";
  } else {
    const secret = isConnection ? loadCredential(deps.db, deps.keyring, row.connectionId!) : null;
    const target: CheckTarget = {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      providerSlug: row.providerSlug,
      config: row.config,
      timeoutMs: row.timeoutMs,
      ...(secret === null ? {} : { credential: { secret } }),
    };
    result = await probe(deps.runners[row.kind], target, deps, signal, row.timeoutMs);
    // Cut short by shutdown, the run says nothing about the provider: record nothing rather than a false failure.
    if (signal.aborted) return null;
    if (result.evidence && result.outcome !== "ok") {
      const classification = classifyFailure(row.providerSlug, result.evidence);
      cause = classification.cause;
      // The raw facts that decided the cause (status, provider code, message) are what ops need later.
      result = { ...result, message: classification.detail };
    }
  }

  const recorded = recordCheckResult(deps.db, {
    checkId: row.id,
    checkedAt: new Date(startedAt),
    outcome: result.outcome,
    latencyMs: result.latencyMs,
    httpStatus: result.httpStatus,
    cause,
    message: result.message,
  });
  if (result.upstream) {
    mirrorUpstream(deps.db, { providerId: row.providerId, checkSlug: row.slug, report: result.upstream, nowMs: deps.now() });
  }
  // Connection results move the failing share; a provider-level check matters when its state changes.
  if (isConnection || recorded.stateChanged) {
    if (deps.detectionThrottle) deps.detectionThrottle.request(row.providerId, recorded.stateChanged);
    else evaluateDetection(deps, row.providerId);
  }
  return {
    checkId: row.id,
    slug: row.slug,
    kind: row.kind,
    target: isConnection ? `${row.providerSlug} · ${row.merchant}` : row.providerSlug,
    outcome: result.outcome,
    latencyMs: result.latencyMs,
    cause,
    message: result.message,
    state: recorded.state,
    stateChanged: recorded.stateChanged,
  };
}
