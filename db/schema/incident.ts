import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cause } from "./cause";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { INCIDENT_IMPACTS, INCIDENT_SOURCES, INCIDENT_STATUSES, PROVIDER_IMPACTS } from "./enums";
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("incident_started_at_idx").on(t.startedAt),
    index("incident_resolved_at_idx").on(t.resolvedAt),
    index("incident_cause_id_idx").on(t.causeId),
    uniqueIndex("incident_source_external_ref_idx").on(t.source, t.externalRef),
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
    createdAt: createdAt(),
  },
  (t) => [index("incident_update_incident_id_created_at_idx").on(t.incidentId, t.createdAt)],
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
