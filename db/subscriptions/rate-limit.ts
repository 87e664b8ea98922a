// Subscribing sends an email to whatever address is typed, so the form is limited per
// client address (one source flooding many inboxes) and per email address or URL (many
// sources flooding one inbox). Fixed windows, in the spirit of db/users/throttle.ts.

import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { subscribeRateLimit } from "../schema";
import { HOUR_MS } from "../time";

export const SUBSCRIBE_RATE_WINDOW_MS = HOUR_MS;
export const SUBSCRIBES_PER_CLIENT_PER_WINDOW = 10;
export const SUBSCRIBES_PER_TARGET_PER_WINDOW = 3;

export interface RateKey {
  key: string;
  limit: number;
}

export const subscribeRateKeys = (clientAddress: string, target: string): RateKey[] => [
  { key: `ip:${clientAddress}`, limit: SUBSCRIBES_PER_CLIENT_PER_WINDOW },
  { key: `target:${target}`, limit: SUBSCRIBES_PER_TARGET_PER_WINDOW },
];

/** When the next attempt will be allowed, or null when one is allowed now. */
export function rateLimitedUntil(db: Executor, keys: RateKey[], nowMs: number): number | null {
  const rows = db.select().from(subscribeRateLimit).where(inArray(subscribeRateLimit.key, keys.map((k) => k.key))).all();
  let until: number | null = null;
  for (const row of rows) {
    const windowEndsMs = row.windowStartedAt.getTime() + SUBSCRIBE_RATE_WINDOW_MS;
    const limit = keys.find((k) => k.key === row.key)!.limit;
    if (windowEndsMs > nowMs && row.attempts >= limit) until = Math.max(until ?? 0, windowEndsMs);
  }
  return until;
}

/** Counts an accepted attempt against each key. */
export function countAttempt(db: Executor, keys: RateKey[], nowMs: number): void {
  for (const { key } of keys) {
    const row = db.select().from(subscribeRateLimit).where(eq(subscribeRateLimit.key, key)).get();
    const fresh = !row || nowMs - row.windowStartedAt.getTime() >= SUBSCRIBE_RATE_WINDOW_MS;
    const values = { attempts: fresh ? 1 : row.attempts + 1, windowStartedAt: fresh ? new Date(nowMs) : row.windowStartedAt };
    db.insert(subscribeRateLimit).values({ key, ...values }).onConflictDoUpdate({ target: subscribeRateLimit.key, set: values }).run();
  }
}
