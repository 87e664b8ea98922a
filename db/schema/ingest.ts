import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { checkResult } from "./check-result";
import { createdAt, timestampMs } from "./columns";
import { API_TOKEN_SCOPES } from "./enums";

/** A bearer token for pushing results or for the platform API (its scope); only its SHA-256 is kept. */
export const ingestToken = sqliteTable(
  "ingest_token",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull().default("ingest"),
    lastUsedAt: timestampMs("last_used_at"),
    revokedAt: timestampMs("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ingest_token_token_hash_idx").on(t.tokenHash)],
);

/**
 * One pushed outcome already recorded, by the sender's idempotency key. Kept longer than
 * raw results, so that a replayed batch is recognised after its results were pruned.
 */
export const ingestReceipt = sqliteTable(
  "ingest_receipt",
  {
    idempotencyKey: text("idempotency_key").primaryKey(),
    checkResultId: integer("check_result_id").references(() => checkResult.id, { onDelete: "set null" }),
    receivedAt: timestampMs("received_at").notNull(),
  },
  (t) => [
    index("ingest_receipt_check_result_id_idx").on(t.checkResultId),
    index("ingest_receipt_received_at_idx").on(t.receivedAt),
  ],
);
