import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { deriveProviderStatus } from "../health/status";
import { check } from "../schema";
import type { CheckState, ProviderImpact, ProviderStatus } from "../schema/enums";
import type { IncidentSummary } from "./incidents";
import type { MaintenanceSummary } from "./maintenance";

/** States of the enabled provider-level checks, by provider. */
export function providerCheckStates(db: Executor, providerId?: number): Map<number, CheckState[]> {
  const rows = db
    .select({ providerId: check.providerId, state: check.state })
    .from(check)
    .where(and(isNull(check.connectionId), eq(check.enabled, true), providerId === undefined ? undefined : eq(check.providerId, providerId)))
    .all();
  const byProvider = new Map<number, CheckState[]>();
  for (const r of rows) byProvider.set(r.providerId, [...(byProvider.get(r.providerId) ?? []), r.state]);
  return byProvider;
}

/** Each provider's current status, from what the page already loaded: open incidents, maintenance and checks. */
export function deriveProviderStatuses(
  providerIds: number[],
  signals: { openIncidents: IncidentSummary[]; maintenance: MaintenanceSummary[]; checkStates: Map<number, CheckState[]> },
): Map<number, ProviderStatus> {
  const impacts = new Map<number, ProviderImpact[]>();
  for (const i of signals.openIncidents) {
    for (const p of i.providers) impacts.set(p.id, [...(impacts.get(p.id) ?? []), p.impact]);
  }
  const inMaintenance = new Set(
    signals.maintenance.filter((m) => m.status === "in_progress").flatMap((m) => m.providers.map((p) => p.id)),
  );
  return new Map(
    providerIds.map((id) => [
      id,
      deriveProviderStatus({
        incidentImpacts: impacts.get(id) ?? [],
        maintenanceInProgress: inMaintenance.has(id),
        checkStates: signals.checkStates.get(id) ?? [],
      }),
    ]),
  );
}
