// Status words in English, for what stays English (decision 013): the ops console, the
// Statuspage-compatible API, feeds and badges. Public and merchant pages take theirs from
// app/i18n/locales in the reader's language.

import type {
  IncidentImpact,
  IncidentStatus,
  PageIndicator,
  ProviderImpact,
  ProviderStatus,
} from "../../db/schema/enums";
import type { MaintenanceStatus } from "../../db/health/maintenance-status";

export const PROVIDER_STATUS_LABELS: Record<ProviderStatus, string> = {
  operational: "Operational",
  under_maintenance: "Under maintenance",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

export const PROVIDER_IMPACT_LABELS: Record<ProviderImpact, string> = {
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

export const INDICATOR_LABELS: Record<PageIndicator, string> = {
  none: "All integrations operational",
  maintenance: "Provider maintenance in progress",
  minor: "Minor problems with some integrations",
  major: "Partial outage of some integrations",
  critical: "Major outage of some integrations",
};

export const IMPACT_LABELS: Record<IncidentImpact, string> = {
  none: "No impact",
  minor: "Minor",
  major: "Major",
  critical: "Critical",
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
};

/** Database text in one language, English by default. */
export { localize } from "../../db/locales";
