import { index, uniqueIndex, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { CATEGORY_SLUGS } from "./enums";
import type { LocalizedText } from "./types";

export const category = sqliteTable(
  "category",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug", { enum: CATEGORY_SLUGS }).notNull(),
    name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
    description: text("description", { mode: "json" }).$type<LocalizedText>().notNull(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("category_slug_idx").on(t.slug),index("category_position_idx").on(t.position)],
);
