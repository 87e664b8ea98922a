import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { USER_ROLES } from "./enums";

/** A person at ShopIQ who runs the ops console. */
export const user = sqliteTable(
  "user",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored lower-case: one account per address, however it is typed. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    /** `scrypt$N$r$p$salt$hash`; null until an invited user sets a password. */
    passwordHash: text("password_hash"),
    disabledAt: timestampMs("disabled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("user_email_idx").on(t.email)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is kept. */
export const session = sqliteTable(
  "session",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    expiresAt: timestampMs("expires_at").notNull(),
    lastSeenAt: timestampMs("last_seen_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("session_token_hash_idx").on(t.tokenHash), index("session_user_id_idx").on(t.userId), index("session_expires_at_idx").on(t.expiresAt)],
);

/** A one-time link an admin gives a new colleague to set their password. */
export const userInvite = sqliteTable(
  "user_invite",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_invite_token_hash_idx").on(t.tokenHash), index("user_invite_user_id_idx").on(t.userId)],
);

/** Failed sign-ins per account and per address, to slow down and then lock out guessing. */
export const loginThrottle = sqliteTable("login_throttle", {
  /** `account:<email>` or `ip:<address>`. */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestampMs("window_started_at").notNull(),
  lockedUntil: timestampMs("locked_until"),
});
