import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { cause } from "./cause";
import { check } from "./check";
import { timestampMs } from "./columns";
import { CHECK_OUTCOMES } from "./enums";

/** One execution of a check. Raw and bounded: pages read the rollups instead. */
export const checkResult = sqliteTable(
  "check_result",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    checkId: integer("check_id")
      .notNull()
      .references(() => check.id, { onDelete: "cascade" }),
    checkedAt: timestampMs("checked_at").notNull(),
    outcome: text("outcome", { enum: CHECK_OUTCOMES }).notNull(),
    latencyMs: integer("latency_ms"),
    httpStatus: integer("http_status"),
    causeId: integer("cause_id").references(() => cause.id),
    message: text("message"),
    /** Set when a provider maintenance was in progress: reported apart from uptime. */
    duringMaintenance: integer("during_maintenance", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("check_result_check_id_checked_at_idx").on(t.checkId, t.checkedAt),
    index("check_result_checked_at_idx").on(t.checkedAt),
    index("check_result_cause_id_idx").on(t.causeId),
  ],
);
