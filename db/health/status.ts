// Status is derived, never stored twice: a provider's status is the worst of its open
// incidents' impact on it, a maintenance in progress, and what its provider-level
// checks say; the page's indicator is the worst over providers and open incidents.

import {
  INCIDENT_IMPACTS,
  PAGE_INDICATORS,
  PROVIDER_STATUSES,
  type CheckState,
  type IncidentImpact,
  type PageIndicator,
  type ProviderImpact,
  type ProviderStatus,
} from "../schema/enums";

const rank = <T extends string>(order: readonly T[], value: T) => order.indexOf(value);

function worstOf<T extends string>(order: readonly T[], values: Iterable<T>, none: T): T {
  let worst = none;
  for (const v of values) if (rank(order, v) > rank(order, worst)) worst = v;
  return worst;
}

export const worstProviderStatus = (statuses: Iterable<ProviderStatus>) =>
  worstOf(PROVIDER_STATUSES, statuses, "operational");

/** What the provider-level checks say: all failing is a major outage, some is partial. */
export function statusFromChecks(states: Iterable<CheckState>): ProviderStatus {
  let known = 0;
  let down = 0;
  let degraded = 0;
  for (const s of states) {
    if (s === "unknown") continue;
    known += 1;
    if (s === "down") down += 1;
    if (s === "degraded") degraded += 1;
  }
  if (known === 0) return "operational";
  if (down === known) return "major_outage";
  if (down > 0) return "partial_outage";
  if (degraded > 0) return "degraded_performance";
  return "operational";
}

export interface ProviderSignals {
  incidentImpacts: Iterable<ProviderImpact>;
  maintenanceInProgress: boolean;
  checkStates: Iterable<CheckState>;
}

/**
 * During maintenance failing checks are expected, so they do not raise the status;
 * an incident ops or probes declared still does.
 */
export function deriveProviderStatus(signals: ProviderSignals): ProviderStatus {
  const fromIncidents = worstProviderStatus(signals.incidentImpacts);
  if (signals.maintenanceInProgress) return worstProviderStatus([fromIncidents, "under_maintenance"]);
  return worstProviderStatus([fromIncidents, statusFromChecks(signals.checkStates)]);
}

const INDICATOR_OF_STATUS: Record<ProviderStatus, PageIndicator> = {
  operational: "none",
  under_maintenance: "maintenance",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

const INDICATOR_OF_IMPACT: Record<IncidentImpact, PageIndicator> = {
  none: "none",
  minor: "minor",
  major: "major",
  critical: "critical",
};

export function pageIndicator(
  providerStatuses: Iterable<ProviderStatus>,
  openIncidentImpacts: Iterable<IncidentImpact>,
): PageIndicator {
  const all: PageIndicator[] = [];
  for (const s of providerStatuses) all.push(INDICATOR_OF_STATUS[s]);
  for (const i of openIncidentImpacts) all.push(INDICATOR_OF_IMPACT[i]);
  return worstOf(PAGE_INDICATORS, all, "none");
}

const IMPACT_OF_PROVIDER_IMPACT: Record<ProviderImpact, IncidentImpact> = {
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

/** An incident's overall impact: ops' override, else the worst impact on any provider. */
export function incidentImpact(
  providerImpacts: Iterable<ProviderImpact>,
  override: IncidentImpact | null,
): IncidentImpact {
  if (override) return override;
  const impacts: IncidentImpact[] = [];
  for (const p of providerImpacts) impacts.push(IMPACT_OF_PROVIDER_IMPACT[p]);
  return worstOf(INCIDENT_IMPACTS, impacts, "none");
}
