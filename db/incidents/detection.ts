// Provider-wide failure detection. One merchant's expired key is that merchant's problem;
// the same provider failing for many merchants at once, or the provider's own checks
// failing, is an outage of the provider and deserves a public incident.

import { and, eq, gte, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { statusFromChecks } from "../health/status";
import { providerCheckStates } from "../queries/provider-status";
import { category, cause, check, checkResult, connection, incident, incidentProvider, provider, providerDetection, workflow } from "../schema";
import type { ProviderImpact, ReviewState } from "../schema/enums";
import { MINUTE_MS, HOUR_MS } from "../time";
import { CLOSED_INCIDENT_STATUSES, isClosedStatus } from "../health/incident-status";
import { createIncident, postIncidentUpdate } from "./write";

export interface DetectionSettings {
  /** Share of monitored connections failing for non-merchant causes that means an outage. */
  failingShare: number;
  /** …across at least this many merchants, so that a few accounts cannot raise an alarm. */
  minMerchants: number;
  /** Only each connection's latest result within this window counts. */
  windowMs: number;
  /** A connection is monitored when it had a result within this horizon. */
  monitoredHorizonMs: number;
  /** Failure must stay below the threshold this long before the incident closes. */
  recoveryHoldMs: number;
}

export const DEFAULT_DETECTION: DetectionSettings = {
  failingShare: 0.3,
  minMerchants: 5,
  windowMs: 10 * MINUTE_MS,
  monitoredHorizonMs: 24 * HOUR_MS,
  recoveryHoldMs: 10 * MINUTE_MS,
};

/** Review outcomes after which the detected incident is ops' business, not detection's. */
const HANDLED_REVIEW_STATES: readonly ReviewState[] = ["dismissed", "merged"];

/** Above this share of failing connections the outage is major rather than partial. */
const MAJOR_OUTAGE_SHARE = 0.75;

export type DetectionAction = "none" | "opened" | "updated" | "recovering" | "resolved";

export interface DetectionOutcome {
  action: DetectionAction;
  failingShare: number;
  failingMerchants: number;
  monitored: number;
  incidentId: number | null;
}

interface Evidence {
  monitored: number;
  failing: number;
  failingMerchants: number;
  share: number;
  checksImpact: ProviderImpact | null;
}

function gatherEvidence(db: Executor, providerId: number, nowMs: number, settings: DetectionSettings): Evidence {
  const latest = db
    .select({ merchantId: connection.merchantId, outcome: checkResult.outcome, side: cause.side })
    .from(check)
    .innerJoin(connection, eq(connection.id, check.connectionId))
    .leftJoin(
      checkResult,
      eq(
        checkResult.id,
        sql`(select r.id from ${checkResult} r where r.check_id = ${check.id} and r.checked_at >= ${nowMs - settings.windowMs} order by r.checked_at desc limit 1)`,
      ),
    )
    .leftJoin(cause, eq(cause.id, checkResult.causeId))
    .where(and(eq(check.providerId, providerId), isNotNull(check.connectionId), gte(check.lastResultAt, new Date(nowMs - settings.monitoredHorizonMs))))
    .all();
  const failingRows = latest.filter((r) => r.outcome === "down" && r.side !== "merchant");
  const fromChecks = statusFromChecks(providerCheckStates(db, providerId).get(providerId) ?? []);
  return {
    monitored: latest.length,
    failing: failingRows.length,
    failingMerchants: new Set(failingRows.map((r) => r.merchantId)).size,
    share: latest.length === 0 ? 0 : failingRows.length / latest.length,
    checksImpact: fromChecks === "major_outage" || fromChecks === "partial_outage" ? fromChecks : null,
  };
}

function impactOf(evidence: Evidence, settings: DetectionSettings): ProviderImpact | null {
  const byShare =
    evidence.share >= settings.failingShare && evidence.failingMerchants >= settings.minMerchants
      ? evidence.share >= MAJOR_OUTAGE_SHARE
        ? "major_outage"
        : "partial_outage"
      : null;
  if (byShare === "major_outage" || evidence.checksImpact === "major_outage") return "major_outage";
  return byShare ?? evidence.checksImpact;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function describe(providerName: string, evidence: Evidence, settings: DetectionSettings): string {
  const parts: string[] = [];
  if (evidence.failing > 0) {
    parts.push(
      `${percent(evidence.share)} of merchants' ${providerName} connections (${evidence.failing} of ${evidence.monitored}, ${evidence.failingMerchants} merchants) failed in the last ${Math.round(settings.windowMs / MINUTE_MS)} minutes for reasons on ${providerName}'s side`,
    );
  }
  if (evidence.checksImpact) parts.push(`our own checks of ${providerName} are failing`);
  return parts.join(", and ");
}

/** Opens, updates or closes the detected incident of one provider from what its checks and connections show now. */
export function evaluateProviderDetection(
  db: Executor,
  providerId: number,
  nowMs: number,
  settings: DetectionSettings = DEFAULT_DETECTION,
): DetectionOutcome {
  return db.transaction((tx) => {
    const target = tx
      .select({ name: provider.name, categoryId: provider.categoryId })
      .from(provider)
      .innerJoin(category, eq(category.id, provider.categoryId))
      .where(eq(provider.id, providerId))
      .get();
    if (!target) throw new Error(`no provider with id ${providerId}`);
    const evidence = gatherEvidence(tx, providerId, nowMs, settings);
    const impact = impactOf(evidence, settings);
    const state = tx.select().from(providerDetection).where(eq(providerDetection.providerId, providerId)).get();
    const linked = state?.incidentId
      ? tx
          .select({ id: incident.id, status: incident.status, reviewState: incident.reviewState })
          .from(incident)
          .where(eq(incident.id, state.incidentId))
          .get()
      : undefined;
    const handled = linked !== undefined && linked.reviewState !== null && HANDLED_REVIEW_STATES.includes(linked.reviewState);
    const openIncident = linked && !handled && !isClosedStatus(linked.status) ? linked : undefined;
    const at = new Date(nowMs);
    let recoveringSinceAt = state?.recoveringSinceAt ?? null;

    if (handled) {
      // Ops dismissed or merged this episode's incident: stay quiet until the failure has
      // cleared for the recovery hold, so the same episode never opens a duplicate. The
      // pointer to the handled incident is what marks the episode; releasing it re-arms detection.
      const released = !impact && recoveringSinceAt !== null && nowMs - recoveringSinceAt.getTime() >= settings.recoveryHoldMs;
      const row = {
        incidentId: released ? null : linked.id,
        failingShare: evidence.share,
        failingMerchants: evidence.failingMerchants,
        recoveringSinceAt: impact || released ? null : (recoveringSinceAt ?? at),
        evaluatedAt: at,
      };
      tx.update(providerDetection).set(row).where(eq(providerDetection.providerId, providerId)).run();
      return { action: "none", failingShare: evidence.share, failingMerchants: evidence.failingMerchants, monitored: evidence.monitored, incidentId: null };
    }

    let action: DetectionAction = "none";
    let incidentId = openIncident?.id ?? null;
    const coveredElsewhere =
      !openIncident &&
      tx
        .select({ id: incident.id })
        .from(incident)
        .innerJoin(incidentProvider, eq(incidentProvider.incidentId, incident.id))
        .where(and(eq(incidentProvider.providerId, providerId), notInArray(incident.status, [...CLOSED_INCIDENT_STATUSES])))
        .get() !== undefined;

    if (impact && coveredElsewhere) {
      // Ops or the provider's own status page already tell merchants about it; a second incident would only confuse.
      recoveringSinceAt = null;
    } else if (impact) {
      recoveringSinceAt = null;
      if (!openIncident) {
        const causeRow = tx.select({ id: cause.id }).from(cause).where(eq(cause.slug, "provider-downtime")).get();
        incidentId = createIncident(tx, {
          title: `${target.name}: failures detected`,
          providers: [{ providerId, impact }],
          workflowIds: tx.select({ id: workflow.id }).from(workflow).where(eq(workflow.categoryId, target.categoryId)).all().map((w) => w.id),
          causeId: causeRow?.id ?? null,
          source: "probe",
          externalRef: `detected:${providerId}:${nowMs}`,
          startedAt: at,
          firstUpdate: { status: "investigating", body: `${describe(target.name, evidence, settings)}. We are investigating.` },
          reviewState: "pending",
        });
        action = "opened";
      } else {
        const current = tx
          .select({ impact: incidentProvider.impact })
          .from(incidentProvider)
          .where(and(eq(incidentProvider.incidentId, openIncident.id), eq(incidentProvider.providerId, providerId)))
          .get();
        const wasRecovering = state?.recoveringSinceAt != null;
        if (current?.impact !== impact || wasRecovering) {
          tx.update(incidentProvider)
            .set({ impact })
            .where(and(eq(incidentProvider.incidentId, openIncident.id), eq(incidentProvider.providerId, providerId)))
            .run();
          const status = openIncident.status === "monitoring" ? "investigating" : openIncident.status;
          postIncidentUpdate(tx, { incidentId: openIncident.id, status, body: `${describe(target.name, evidence, settings)}.`, at });
          action = "updated";
        }
      }
    } else if (openIncident) {
      if (recoveringSinceAt === null) {
        recoveringSinceAt = at;
        postIncidentUpdate(tx, {
          incidentId: openIncident.id,
          status: "monitoring",
          body: `${target.name} is answering normally again for most merchants. We are watching before we call it resolved.`,
          at,
        });
        action = "recovering";
      } else if (nowMs - recoveringSinceAt.getTime() >= settings.recoveryHoldMs) {
        postIncidentUpdate(tx, {
          incidentId: openIncident.id,
          status: "resolved",
          body: `${target.name} has worked normally for ${Math.round(settings.recoveryHoldMs / MINUTE_MS)} minutes. This incident is resolved.`,
          at,
        });
        incidentId = null;
        recoveringSinceAt = null;
        action = "resolved";
      }
    }

    const row = {
      incidentId,
      failingShare: evidence.share,
      failingMerchants: evidence.failingMerchants,
      recoveringSinceAt,
      evaluatedAt: at,
    };
    tx.insert(providerDetection).values({ providerId, ...row }).onConflictDoUpdate({ target: providerDetection.providerId, set: row }).run();
    return { action, failingShare: evidence.share, failingMerchants: evidence.failingMerchants, monitored: evidence.monitored, incidentId };
  });
}
