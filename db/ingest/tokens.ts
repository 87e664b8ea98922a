import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { ingestToken } from "../schema";

const TOKEN_PREFIX = "sqi_";
const TOKEN_BYTES = 32;

// Tokens are 256 random bits, so a plain SHA-256 is enough to make the stored value useless to a reader.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token and returns it: the only time it is ever shown. */
export function createIngestToken(db: Executor, name: string): { id: number; token: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  const row = db.insert(ingestToken).values({ name, tokenHash: hashToken(token) }).returning({ id: ingestToken.id }).get();
  return { id: row.id, token };
}

/** The token's id when it is known and not revoked. */
export function verifyIngestToken(db: Executor, token: string, nowMs: number): number | null {
  const row = db
    .select({ id: ingestToken.id })
    .from(ingestToken)
    .where(and(eq(ingestToken.tokenHash, hashToken(token)), isNull(ingestToken.revokedAt)))
    .get();
  if (!row) return null;
  db.update(ingestToken).set({ lastUsedAt: new Date(nowMs) }).where(eq(ingestToken.id, row.id)).run();
  return row.id;
}

export function revokeIngestToken(db: Executor, id: number, nowMs: number): boolean {
  return db.update(ingestToken).set({ revokedAt: new Date(nowMs) }).where(and(eq(ingestToken.id, id), isNull(ingestToken.revokedAt))).run().changes > 0;
}
