import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { connection } from "./connection";

/**
 * A merchant's credential for one connection, sealed with AES-256-GCM. `key_id` names the
 * key it was sealed with, so keys can be rotated: old rows open with the old key and are
 * resealed with the current one.
 */
export const connectionCredential = sqliteTable("connection_credential", {
  connectionId: integer("connection_id")
    .primaryKey()
    .references(() => connection.id, { onDelete: "cascade" }),
  keyId: text("key_id").notNull(),
  iv: text("iv").notNull(),
  ciphertext: text("ciphertext").notNull(),
  authTag: text("auth_tag").notNull(),
  updatedAt: updatedAt(),
});
