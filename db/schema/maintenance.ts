import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { MAINTENANCE_SOURCES } from "./enums";
import { provider } from "./provider";

/** A window announced by a provider. Its status (scheduled, in progress, completed) follows from the clock. */
export const maintenance = sqliteTable(
  "maintenance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    scheduledFor: timestampMs("scheduled_for").notNull(),
    scheduledUntil: timestampMs("scheduled_until").notNull(),
    /** Called off before it happened; no longer shown. */
    cancelledAt: timestampMs("cancelled_at"),
    source: text("source", { enum: MAINTENANCE_SOURCES }).notNull().default("ops"),
    /** The provider's own id for a mirrored window (a scheduled payment downtime…). */
    externalRef: text("external_ref"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("maintenance_scheduled_until_scheduled_for_idx").on(t.scheduledUntil, t.scheduledFor),
    uniqueIndex("maintenance_source_external_ref_idx").on(t.source, t.externalRef),
  ],
);

export const maintenanceProvider = sqliteTable(
  "maintenance_provider",
  {
    maintenanceId: integer("maintenance_id")
      .notNull()
      .references(() => maintenance.id, { onDelete: "cascade" }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id),
  },
  (t) => [
    primaryKey({ columns: [t.maintenanceId, t.providerId] }),
    index("maintenance_provider_provider_id_idx").on(t.providerId),
  ],
);
