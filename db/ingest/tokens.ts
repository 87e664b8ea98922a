import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { ingestToken } from "../schema";
import type { ApiTokenScope } from "../schema/enums";

const TOKEN_PREFIX = "sqi_";
const TOKEN_BYTES = 32;

// Tokens are 256 random bits, so a plain SHA-256 is enough to make the stored value useless to a reader.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token and returns it: the only time it is ever shown. */
export function createIngestToken(db: Executor, name: string, scope: ApiTokenScope = "ingest"): { id: number; token: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  const row = db.insert(ingestToken).values({ name, tokenHash: hashToken(token), scope }).returning({ id: ingestToken.id }).get();
  return { id: row.id, token };
}

export type TokenVerification =
  | { status: "valid"; id: number; name: string }
  /** Missing from the table or revoked: the caller is not known at all (401). */
  | { status: "unknown" }
  /** A live token made for another API: the caller is known but may not do this (403). */
  | { status: "wrong-scope"; scope: ApiTokenScope };

/** Whether the token is known, not revoked and made for `scope`; only a valid use counts as the token's last use. */
export function verifyIngestToken(db: Executor, token: string, scope: ApiTokenScope, nowMs: number): TokenVerification {
  const row = db
    .select({ id: ingestToken.id, name: ingestToken.name, scope: ingestToken.scope })
    .from(ingestToken)
    .where(and(eq(ingestToken.tokenHash, hashToken(token)), isNull(ingestToken.revokedAt)))
    .get();
  if (!row) return { status: "unknown" };
  if (row.scope !== scope) return { status: "wrong-scope", scope: row.scope };
  db.update(ingestToken).set({ lastUsedAt: new Date(nowMs) }).where(eq(ingestToken.id, row.id)).run();
  return { status: "valid", id: row.id, name: row.name };
}

export function revokeIngestToken(db: Executor, id: number, nowMs: number): boolean {
  return db.update(ingestToken).set({ revokedAt: new Date(nowMs) }).where(and(eq(ingestToken.id, id), isNull(ingestToken.revokedAt))).run().changes > 0;
}
