import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { BILLING_STATES, CONNECTION_STATES, VERIFICATION_STATES } from "./enums";
import { merchant } from "./merchant";
import { provider } from "./provider";
import type { ConnectionFacts } from "./types";

/** A merchant's account at one provider, with the facts that decide whether it can work. */
export const connection = sqliteTable(
  "connection",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    merchantId: integer("merchant_id")
      .notNull()
      .references(() => merchant.id, { onDelete: "cascade" }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id),
    state: text("state", { enum: CONNECTION_STATES }).notNull().default("connected"),
    credentialExpiresAt: timestampMs("credential_expires_at"),
    billingState: text("billing_state", { enum: BILLING_STATES }).notNull().default("unknown"),
    planExpiresAt: timestampMs("plan_expires_at"),
    verificationState: text("verification_state", { enum: VERIFICATION_STATES })
      .notNull()
      .default("unknown"),
    permissions: text("permissions", { mode: "json" }).$type<string[]>().notNull().default([]),
    usageLimitPerDay: integer("usage_limit_per_day"),
    facts: text("facts", { mode: "json" }).$type<ConnectionFacts>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("connection_merchant_id_provider_id_idx").on(t.merchantId, t.providerId),
    index("connection_provider_id_idx").on(t.providerId),
  ],
);
