import { index, uniqueIndex, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { category } from "./category";
import { createdAt, updatedAt } from "./columns";

export const provider = sqliteTable(
  "provider",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => category.id),
    description: text("description").notNull().default(""),
    websiteUrl: text("website_url"),
    statusPageUrl: text("status_page_url"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("provider_slug_idx").on(t.slug),index("provider_category_id_position_idx").on(t.categoryId, t.position)],
);
