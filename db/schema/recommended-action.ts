import { index, uniqueIndex, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { category } from "./category";
import { cause } from "./cause";
import { createdAt, updatedAt } from "./columns";
import { ACTION_KINDS } from "./enums";
import type { LocalizedText } from "./types";

/**
 * One step a merchant can take. Scope comes from the two nullable links: neither set is
 * a general "check first" step, a category alone is that category's checklist, a cause
 * is a cause-specific step (optionally narrowed to one category).
 */
export const recommendedAction = sqliteTable(
  "recommended_action",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    categoryId: integer("category_id").references(() => category.id),
    causeId: integer("cause_id").references(() => cause.id),
    kind: text("kind", { enum: ACTION_KINDS }).notNull().default("check"),
    text: text("text", { mode: "json" }).$type<LocalizedText>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("recommended_action_slug_idx").on(t.slug),
    index("recommended_action_category_id_position_idx").on(t.categoryId, t.position),
    index("recommended_action_cause_id_position_idx").on(t.causeId, t.position),
  ],
);
