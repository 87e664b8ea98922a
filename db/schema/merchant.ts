import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const merchant = sqliteTable("merchant", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The merchant's id on the ShopIQ platform. */
  externalId: text("external_id").notNull(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex("merchant_external_id_idx").on(t.externalId)]);
