// Sign-in throttling, per account and per address: after a few wrong passwords each
// attempt waits longer, and after many the key is locked for a while. Keys exist for
// addresses that have no account too, so the answers never tell which accounts exist.

import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { loginThrottle } from "../schema";
import { MINUTE_MS } from "../time";

export const LOGIN_THROTTLE = {
  windowMs: 15 * MINUTE_MS,
  /** Failures answered at full speed; the attempt after them waits. */
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 4_000,
  lockAfterFailures: 10,
  lockMs: 15 * MINUTE_MS,
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export interface ThrottleState {
  lockedUntilMs: number | null;
  /** How long to hold back the answer to this attempt. */
  delayMs: number;
}

export function throttleState(db: Executor, keys: string[], nowMs: number): ThrottleState {
  const rows = db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys)).all();
  let lockedUntilMs: number | null = null;
  let failures = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > nowMs) lockedUntilMs = Math.max(lockedUntilMs ?? 0, row.lockedUntil.getTime());
    if (nowMs - row.windowStartedAt.getTime() < LOGIN_THROTTLE.windowMs) failures = Math.max(failures, row.failures);
  }
  // Once the free failures are used up, each further attempt waits twice as long as the last.
  const over = failures - LOGIN_THROTTLE.freeFailures;
  const delayMs = over < 0 ? 0 : Math.min(LOGIN_THROTTLE.maxDelayMs, LOGIN_THROTTLE.firstDelayMs * 2 ** over);
  return { lockedUntilMs, delayMs };
}

export function recordLoginFailure(db: Executor, keys: string[], nowMs: number): void {
  db.transaction((tx) => {
    for (const key of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || nowMs - row.windowStartedAt.getTime() >= LOGIN_THROTTLE.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const values = {
        failures,
        windowStartedAt: fresh ? new Date(nowMs) : row.windowStartedAt,
        lockedUntil: failures >= LOGIN_THROTTLE.lockAfterFailures ? new Date(nowMs + LOGIN_THROTTLE.lockMs) : (row?.lockedUntil ?? null),
      };
      tx.insert(loginThrottle).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
    }
  });
}

/** A right password clears the account's failures; the address keeps its own count. */
export function clearAccountFailures(db: Executor, email: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email))).run();
}
