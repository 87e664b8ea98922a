import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestampMs } from "./columns";
import { merchant } from "./merchant";

/** A merchant's signed-in browser, started by a signed link. The cookie holds a random token; only its SHA-256 is kept. */
export const merchantSession = sqliteTable(
  "merchant_session",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    merchantId: integer("merchant_id")
      .notNull()
      .references(() => merchant.id, { onDelete: "cascade" }),
    expiresAt: timestampMs("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("merchant_session_token_hash_idx").on(t.tokenHash),
    index("merchant_session_merchant_id_idx").on(t.merchantId),
    index("merchant_session_expires_at_idx").on(t.expiresAt),
  ],
);

/** A signed link's nonce, kept until the link expires so that the link works once. */
export const ssoNonce = sqliteTable(
  "sso_nonce",
  {
    nonce: text("nonce").primaryKey(),
    merchantId: integer("merchant_id")
      .notNull()
      .references(() => merchant.id, { onDelete: "cascade" }),
    /** The link's own expiry: after it the link is refused anyway, so the row can go. */
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at").notNull(),
  },
  (t) => [index("sso_nonce_merchant_id_idx").on(t.merchantId), index("sso_nonce_expires_at_idx").on(t.expiresAt)],
);
