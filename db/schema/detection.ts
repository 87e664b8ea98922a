import { index, integer, real, sqliteTable } from "drizzle-orm/sqlite-core";
import { timestampMs } from "./columns";
import { incident } from "./incident";
import { provider } from "./provider";

/** Where provider-wide failure detection stands for one provider. */
export const providerDetection = sqliteTable(
  "provider_detection",
  {
    providerId: integer("provider_id")
      .primaryKey()
      .references(() => provider.id, { onDelete: "cascade" }),
    /** The detected incident while one is open. */
    incidentId: integer("incident_id").references(() => incident.id, { onDelete: "set null" }),
    /** Share of monitored connections failing for provider-side causes at the last evaluation. */
    failingShare: real("failing_share").notNull().default(0),
    failingMerchants: integer("failing_merchants").notNull().default(0),
    /** When the failure fell below the threshold; the incident closes once this holds long enough. */
    recoveringSinceAt: timestampMs("recovering_since_at"),
    evaluatedAt: timestampMs("evaluated_at").notNull(),
  },
  (t) => [index("provider_detection_incident_id_idx").on(t.incidentId)],
);
