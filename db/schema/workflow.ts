import { index, uniqueIndex, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { category } from "./category";
import { createdAt, updatedAt } from "./columns";
import type { LocalizedText } from "./types";

/** What a merchant loses when a provider of this category fails. */
export const workflow = sqliteTable(
  "workflow",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => category.id),
    name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
    /** What the merchant sees when this workflow breaks. */
    effect: text("effect", { mode: "json" }).$type<LocalizedText>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("workflow_slug_idx").on(t.slug),index("workflow_category_id_position_idx").on(t.categoryId, t.position)],
);
