// Enumerations shared by the drizzle schema, zod schemas and the pages. Each list is
// ordered where order means something (severity, lifecycle).

export const CATEGORY_SLUGS = [
  "payments",
  "logistics",
  "messaging",
  "analytics",
  "advertising",
  "marketplaces",
] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export const CAUSE_SIDES = ["provider", "merchant", "unknown"] as const;
export type CauseSide = (typeof CAUSE_SIDES)[number];

/** The fixed list of reasons an integration fails, from the merchant help article. */
export const CAUSE_SLUGS = [
  "provider-downtime",
  "expired-authentication",
  "invalid-api-key",
  "changed-account-access",
  "missing-permissions",
  "provider-billing-issue",
  "provider-plan-expiry",
  "account-verification",
  "policy-restriction",
  "app-disconnected",
  "connected-app-limit",
  "incorrect-configuration",
  "data-sync-delay",
  "provider-api-change",
  "network-or-technical-issue",
] as const;
export type CauseSlug = (typeof CAUSE_SLUGS)[number];

export const CHECK_KINDS = [
  "http",
  "tcp",
  "dns",
  "tls",
  "statuspage",
  "payment-downtime",
  "connection",
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/**
 * Kinds that read what a provider says about itself. Their news is mirrored as upstream
 * incidents and maintenance, so they do not also count as our own view of the provider.
 */
export const FEED_CHECK_KINDS = ["statuspage", "payment-downtime"] as const satisfies readonly CheckKind[];

export const CHECK_OUTCOMES = ["ok", "degraded", "down"] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** A check's confirmed state: `unknown` until enough results in a row say otherwise. */
export const CHECK_STATES = ["unknown", "ok", "degraded", "down"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export const INCIDENT_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Overall incident impact, least to most severe (Statuspage's words). */
export const INCIDENT_IMPACTS = ["none", "minor", "major", "critical"] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/** An incident's impact on one provider, least to most severe. */
export const PROVIDER_IMPACTS = ["degraded_performance", "partial_outage", "major_outage"] as const;
export type ProviderImpact = (typeof PROVIDER_IMPACTS)[number];

/** A provider's current status, least to most severe. */
export const PROVIDER_STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** The whole page's indicator, least to most severe. */
export const PAGE_INDICATORS = ["none", "maintenance", "minor", "major", "critical"] as const;
export type PageIndicator = (typeof PAGE_INDICATORS)[number];

export const INCIDENT_SOURCES = ["ops", "probe", "upstream"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const MAINTENANCE_SOURCES = ["ops", "upstream"] as const;
export type MaintenanceSource = (typeof MAINTENANCE_SOURCES)[number];

/** `check`: a step to verify. `advice`: guidance with weight, shown with emphasis. */
export const ACTION_KINDS = ["check", "advice"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const CONNECTION_STATES = ["connected", "disconnected"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const BILLING_STATES = ["active", "trial", "past_due", "expired", "unknown"] as const;
export type BillingState = (typeof BILLING_STATES)[number];

export const VERIFICATION_STATES = ["verified", "pending", "rejected", "not_required", "unknown"] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const LOCALES = ["en", "hi", "as"] as const;
export type Locale = (typeof LOCALES)[number];

/** `admin` manages people; `ops` manages incidents, maintenance and actions. Admins can do both. */
export const USER_ROLES = ["admin", "ops"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Where a detected incident stands with ops: published as detected, confirmed, merged or dismissed. */
export const REVIEW_STATES = ["pending", "confirmed", "merged", "dismissed"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What a bearer token may do: push probe outcomes, or upsert merchants' connections as the ShopIQ platform. */
export const API_TOKEN_SCOPES = ["ingest", "platform"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** The seeded calendar's kinds of high-order period. */
export const PERIOD_KINDS = ["festival", "sale", "shopping-event"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A readiness item's verdict, most severe first. */
export const READINESS_VERDICTS = ["fail", "warning", "pass"] as const;
export type ReadinessVerdict = (typeof READINESS_VERDICTS)[number];

/** How a subscriber hears from us: an email address (double opt-in) or a signed webhook. */
export const SUBSCRIBER_KINDS = ["email", "webhook"] as const;
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[number];

/**
 * What subscribers are told about. `subscription.confirm` is the confirmation email of one
 * subscriber, sent through the same outbox so that it is retried and logged like the rest.
 */
export const NOTIFICATION_EVENT_KINDS = [
  "incident.created",
  "incident.updated",
  "incident.resolved",
  "maintenance.scheduled",
  "maintenance.started",
  "maintenance.completed",
  "subscription.confirm",
] as const;
export type NotificationEventKind = (typeof NOTIFICATION_EVENT_KINDS)[number];

/**
 * A delivery's place in the outbox: waiting, claimed by a worker, done, waiting for a
 * retry, given up on after the last retry, or dropped (the subscriber was disabled or the
 * incident is no longer public).
 */
export const DELIVERY_STATES = ["pending", "sending", "delivered", "failed", "dead", "cancelled"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
