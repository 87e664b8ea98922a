import { integer, primaryKey, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { check } from "./check";
import { connection } from "./connection";
import { provider } from "./provider";
import type { CauseCounts } from "./types";

// Counts of results in a bucket. Results taken during maintenance are counted apart and
// left out of uptime; latency is summed so that averages over any window stay exact.
const counts = () => ({
  okCount: integer("ok_count").notNull().default(0),
  degradedCount: integer("degraded_count").notNull().default(0),
  downCount: integer("down_count").notNull().default(0),
  maintenanceCount: integer("maintenance_count").notNull().default(0),
  latencyTotalMs: integer("latency_total_ms").notNull().default(0),
  latencyCount: integer("latency_count").notNull().default(0),
  latencyMaxMs: integer("latency_max_ms").notNull().default(0),
});

/** Hour buckets start on the hour of the page's time zone. */
export const checkHourlyRollup = sqliteTable(
  "check_hourly_rollup",
  {
    checkId: integer("check_id")
      .notNull()
      .references(() => check.id, { onDelete: "cascade" }),
    /** Unix milliseconds. */
    hourStartAt: integer("hour_start_at").notNull(),
    ...counts(),
  },
  (t) => [
    primaryKey({ columns: [t.checkId, t.hourStartAt] }),
    index("check_hourly_rollup_hour_start_at_idx").on(t.hourStartAt),
  ],
);

/** Day buckets are calendar days (YYYY-MM-DD) in the page's time zone. */
export const checkDailyRollup = sqliteTable(
  "check_daily_rollup",
  {
    checkId: integer("check_id")
      .notNull()
      .references(() => check.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    ...counts(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.day] }), index("check_daily_rollup_day_idx").on(t.day)],
);

/** A provider's day, from its provider-level checks (not from merchants' connections). */
export const providerDailyRollup = sqliteTable(
  "provider_daily_rollup",
  {
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    ...counts(),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.day] }),
    index("provider_daily_rollup_day_idx").on(t.day),
  ],
);

/** A connection's day, with the causes of its failures. */
export const connectionDailyRollup = sqliteTable(
  "connection_daily_rollup",
  {
    connectionId: integer("connection_id")
      .notNull()
      .references(() => connection.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    ...counts(),
    causeCounts: text("cause_counts", { mode: "json" }).$type<CauseCounts>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.day] }),
    index("connection_daily_rollup_day_idx").on(t.day),
  ],
);
