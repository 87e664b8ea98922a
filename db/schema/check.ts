import { index, uniqueIndex, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { cause } from "./cause";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { connection } from "./connection";
import { CHECK_KINDS, CHECK_STATES } from "./enums";
import { provider } from "./provider";
import type { StoredCheckConfig } from "./check-config";

/**
 * A probe definition. Every check belongs to a provider; a check with a connection tests
 * that one merchant's connection, a check without one tests the provider itself.
 */
export const check = sqliteTable(
  "check",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: CHECK_KINDS }).notNull(),
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id),
    connectionId: integer("connection_id").references(() => connection.id, { onDelete: "cascade" }),
    config: text("config", { mode: "json" }).$type<StoredCheckConfig>().notNull().default({}),
    intervalSeconds: integer("interval_seconds").notNull().default(60),
    timeoutMs: integer("timeout_ms").notNull().default(10_000),
    /** Failures in a row before the state flips to down (or degraded). */
    failureThreshold: integer("failure_threshold").notNull().default(3),
    /** Successes in a row before the state flips back to ok. */
    successThreshold: integer("success_threshold").notNull().default(2),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    state: text("state", { enum: CHECK_STATES }).notNull().default("unknown"),
    stateChangedAt: timestampMs("state_changed_at"),
    /** Consecutive results that disagree with `state`, and the outcome they agree on. */
    pendingOutcome: text("pending_outcome", { enum: CHECK_STATES }),
    pendingCount: integer("pending_count").notNull().default(0),
    lastResultAt: timestampMs("last_result_at"),
    /** The cause of the latest result when it failed: tells a provider's failure from one of our own making. */
    lastCauseId: integer("last_cause_id").references(() => cause.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("check_slug_idx").on(t.slug),
    index("check_provider_id_connection_id_idx").on(t.providerId, t.connectionId),
    index("check_connection_id_idx").on(t.connectionId),
    index("check_last_cause_id_idx").on(t.lastCauseId),
  ],
);
