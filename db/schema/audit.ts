import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestampMs } from "./columns";
import { user } from "./user";

/** Append-only: every change a person makes, with what it was before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for changes made from the command line. */
    actorUserId: integer("actor_user_id").references(() => user.id),
    /** Who it was, as shown: an email, or "statusctl". Kept even if the user is renamed. */
    actorLabel: text("actor_label").notNull(),
    /** What was done, e.g. `incident.create`, `incident_update.edit`, `user.disable`. */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_entity_type_entity_id_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_user_id_idx").on(t.actorUserId),
  ],
);
