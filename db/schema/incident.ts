import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { cause } from "./cause";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { INCIDENT_IMPACTS, INCIDENT_SOURCES, INCIDENT_STATUSES, PROVIDER_IMPACTS, REVIEW_STATES } from "./enums";
import { user } from "./user";
import { provider } from "./provider";
import { recommendedAction } from "./recommended-action";
import { workflow } from "./workflow";
import type { LocalizedText } from "./types";

export const incident = sqliteTable(
  "incident",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    /** The status of the latest update; written together with that update. */
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    /** Set only when ops override the impact derived from the affected providers. */
    impactOverride: text("impact_override", { enum: INCIDENT_IMPACTS }),
    causeId: integer("cause_id").references(() => cause.id),
    source: text("source", { enum: INCIDENT_SOURCES }).notNull().default("ops"),
    /** The upstream incident id or the probe's detection key, for mirrored and detected incidents. */
    externalRef: text("external_ref"),
    startedAt: timestampMs("started_at").notNull(),
    identifiedAt: timestampMs("identified_at"),
    monitoringAt: timestampMs("monitoring_at"),
    resolvedAt: timestampMs("resolved_at"),
    postmortem: text("postmortem"),
    /** For detected incidents: whether ops have confirmed, merged or dismissed it. Null for others. */
    reviewState: text("review_state", { enum: REVIEW_STATES }),
    /** Why ops dismissed it as a false positive. Ops-only. */
    dismissedReason: text("dismissed_reason"),
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => incident.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("incident_started_at_idx").on(t.startedAt),
    index("incident_resolved_at_idx").on(t.resolvedAt),
    index("incident_cause_id_idx").on(t.causeId),
    uniqueIndex("incident_source_external_ref_idx").on(t.source, t.externalRef),
    index("incident_merged_into_id_idx").on(t.mergedIntoId),
    index("incident_review_state_idx").on(t.reviewState),
  ],
);

export const incidentProvider = sqliteTable(
  "incident_provider",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id),
    impact: text("impact", { enum: PROVIDER_IMPACTS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.providerId] }),
    index("incident_provider_provider_id_idx").on(t.providerId),
  ],
);

export const incidentWorkflow = sqliteTable(
  "incident_workflow",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    workflowId: integer("workflow_id")
      .notNull()
      .references(() => workflow.id),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.workflowId] }),
    index("incident_workflow_workflow_id_idx").on(t.workflowId),
  ],
);

/** Append-only: a correction is a new update. */
export const incidentUpdate = sqliteTable(
  "incident_update",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    body: text("body").notNull(),
    /** Who posted it; null for probes, mirrored feeds and the demo. Ops-only. */
    authorUserId: integer("author_user_id").references(() => user.id),
    /** Set when ops corrected the text; merchants see that it was edited, the audit log keeps what it said. */
    editedAt: timestampMs("edited_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("incident_update_incident_id_created_at_idx").on(t.incidentId, t.createdAt),
    index("incident_update_author_user_id_idx").on(t.authorUserId),
  ],
);

/** What ops tell each other about an incident. Never shown to merchants. */
export const incidentNote = sqliteTable(
  "incident_note",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    authorUserId: integer("author_user_id").references(() => user.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("incident_note_incident_id_idx").on(t.incidentId), index("incident_note_author_user_id_idx").on(t.authorUserId)],
);

/** The actions merchants are shown for an incident, in order: a library action or an incident-specific step. */
export const incidentAction = sqliteTable(
  "incident_action",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    recommendedActionId: integer("recommended_action_id").references(() => recommendedAction.id),
    customText: text("custom_text", { mode: "json" }).$type<LocalizedText>(),
    position: integer("position").notNull(),
  },
  (t) => [
    index("incident_action_incident_id_position_idx").on(t.incidentId, t.position),
    index("incident_action_recommended_action_id_idx").on(t.recommendedActionId),
  ],
);
