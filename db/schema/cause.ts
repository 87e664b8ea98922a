import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { CAUSE_SIDES, CAUSE_SLUGS } from "./enums";
import type { LocalizedText } from "./types";

export const cause = sqliteTable("cause", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug", { enum: CAUSE_SLUGS }).notNull(),
  side: text("side", { enum: CAUSE_SIDES }).notNull(),
  name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
  explanation: text("explanation", { mode: "json" }).$type<LocalizedText>().notNull(),
  position: integer("position").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex("cause_slug_idx").on(t.slug)]);
