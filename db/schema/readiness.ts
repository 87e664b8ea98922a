import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { PERIOD_KINDS } from "./enums";
import { merchant } from "./merchant";
import type { LocalizedText, StoredReadinessItem } from "./types";

/** A sale season or festival on the shared calendar. Days are calendar days in India (YYYY-MM-DD), both ends included. */
export const highOrderPeriod = sqliteTable(
  "high_order_period",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
    kind: text("kind", { enum: PERIOD_KINDS }).notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("high_order_period_slug_idx").on(t.slug), index("high_order_period_ends_on_idx").on(t.endsOn)],
);

/** A merchant's own sale, campaign or launch. */
export const merchantCampaign = sqliteTable(
  "merchant_campaign",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    merchantId: integer("merchant_id")
      .notNull()
      .references(() => merchant.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    expectedOrdersPerDay: integer("expected_orders_per_day").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("merchant_campaign_merchant_id_starts_on_idx").on(t.merchantId, t.startsOn)],
);

/**
 * A readiness report as it was generated: kept whole, so that "two weeks before" can be
 * compared with "the day before" even after the period, the campaign or the facts change.
 */
export const readinessSnapshot = sqliteTable(
  "readiness_snapshot",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    merchantId: integer("merchant_id")
      .notNull()
      .references(() => merchant.id, { onDelete: "cascade" }),
    periodId: integer("period_id").references(() => highOrderPeriod.id, { onDelete: "set null" }),
    campaignId: integer("campaign_id").references(() => merchantCampaign.id, { onDelete: "set null" }),
    periodName: text("period_name").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    expectedOrdersPerDay: integer("expected_orders_per_day").notNull(),
    /** 0–100. */
    score: integer("score").notNull(),
    items: text("items", { mode: "json" }).$type<StoredReadinessItem[]>().notNull(),
    generatedAt: timestampMs("generated_at").notNull(),
  },
  (t) => [
    index("readiness_snapshot_merchant_id_generated_at_idx").on(t.merchantId, t.generatedAt),
    index("readiness_snapshot_period_id_idx").on(t.periodId),
    index("readiness_snapshot_campaign_id_idx").on(t.campaignId),
  ],
);
