import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const merchant = sqliteTable("merchant", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The merchant's id on the ShopIQ platform. */
  externalId: text("external_id").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
