// The objects Atlassian Statuspage's public API (`/api/v2/*.json`) serves, in its field
// names and words, so that clients and widgets written for Statuspage read ours. The
// enums are Statuspage's, not ours: the checks below fail to compile if one of our words
// would fall outside them. Free of database code, so the OpenAPI document can use it.

import type { MaintenanceStatus } from "../health/maintenance-status";
import type {
  CategorySlug,
  CauseSide,
  CauseSlug,
  IncidentImpact,
  IncidentStatus,
  PageIndicator,
  ProviderImpact,
  ProviderStatus,
} from "../schema/enums";

export const STATUSPAGE_COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export type StatuspageComponentStatus = (typeof STATUSPAGE_COMPONENT_STATUSES)[number];

export const STATUSPAGE_INDICATORS = ["none", "minor", "major", "critical", "maintenance"] as const;
export type StatuspageIndicator = (typeof STATUSPAGE_INDICATORS)[number];

export const STATUSPAGE_INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"] as const;
export type StatuspageIncidentStatus = (typeof STATUSPAGE_INCIDENT_STATUSES)[number];

export const STATUSPAGE_INCIDENT_IMPACTS = ["none", "minor", "major", "critical"] as const;
export type StatuspageIncidentImpact = (typeof STATUSPAGE_INCIDENT_IMPACTS)[number];

/** A scheduled maintenance's impact may also be `maintenance`, which is what ours always say. */
export const STATUSPAGE_MAINTENANCE_IMPACTS = [...STATUSPAGE_INCIDENT_IMPACTS, "maintenance"] as const;
export type StatuspageMaintenanceImpact = (typeof STATUSPAGE_MAINTENANCE_IMPACTS)[number];

/** `verifying` is Statuspage's step between the work ending and ops calling it complete; our windows follow the clock and never stop there. */
export const STATUSPAGE_MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type StatuspageMaintenanceStatus = (typeof STATUSPAGE_MAINTENANCE_STATUSES)[number];

// Our words must be Statuspage's: each line fails to compile if one of ours is not.
type Within<Ours extends Theirs, Theirs> = Ours;
export type OurWordsAreStatuspages = [
  Within<ProviderStatus, StatuspageComponentStatus>,
  Within<PageIndicator, StatuspageIndicator>,
  Within<IncidentStatus, StatuspageIncidentStatus>,
  Within<IncidentImpact, StatuspageIncidentImpact>,
  Within<MaintenanceStatus, StatuspageMaintenanceStatus>,
];

export interface StatuspagePage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface StatuspageStatus {
  indicator: StatuspageIndicator;
  description: string;
}

export interface StatuspageComponent {
  id: string;
  name: string;
  status: StatuspageComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  /** YYYY-MM-DD. */
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on groups: the ids of their components, in order. */
  components?: string[];
}

export interface StatuspageAffectedComponent {
  code: string;
  name: string;
  old_status: StatuspageComponentStatus;
  new_status: StatuspageComponentStatus;
}

export interface StatuspageIncidentUpdate {
  id: string;
  status: StatuspageIncidentStatus | StatuspageMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[] | null;
}

/** Our extension: what ShopIQ knows about an incident that Statuspage has no field for. */
export interface ShopiqIncidentExtension {
  /** The incident's impact on each affected component (Statuspage only has their current status). */
  component_impacts: { component_id: string; impact: ProviderImpact }[];
  cause: { slug: CauseSlug; side: CauseSide } | null;
  /** What merchants lose: workflow slugs such as `online-checkout-payments`. */
  workflows: string[];
}

interface StatuspageIncidentBase {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: StatuspageIncidentUpdate[];
  components: StatuspageComponent[];
}

export interface StatuspageIncident extends StatuspageIncidentBase {
  status: StatuspageIncidentStatus;
  impact: StatuspageIncidentImpact;
  shopiq: ShopiqIncidentExtension;
}

export interface StatuspageMaintenance extends StatuspageIncidentBase {
  status: StatuspageMaintenanceStatus;
  impact: StatuspageMaintenanceImpact;
  scheduled_for: string;
  scheduled_until: string;
}

/** The page, with what it needs from the request: Statuspage's URLs are absolute. */
export interface StatuspageContext {
  /** `https://status.example.com`: the request's origin, no trailing slash. */
  origin: string;
  nowMs: number;
  /** The page's own words for its indicator, so the API and the page say the same thing. */
  describeIndicator: (indicator: PageIndicator) => string;
}

export const STATUSPAGE_PAGE_ID = "shopiq-integration-status";
export const STATUSPAGE_PAGE_NAME = "ShopIQ Integration Status";

/** Statuspage ids are strings; ours are stable strings made from our ids and slugs. */
export const statuspageIds = {
  provider: (slug: string) => slug,
  // Provider slugs have no underscore, so a category's id never equals a provider's.
  category: (slug: CategorySlug) => `cat_${slug}`,
  incident: (id: number) => `inc_${id}`,
  incidentUpdate: (id: number) => `upd_${id}`,
  maintenance: (id: number) => `mnt_${id}`,
  maintenanceAnnouncement: (maintenanceId: number) => `mnt_${maintenanceId}_announcement`,
};
