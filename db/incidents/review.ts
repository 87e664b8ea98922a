import { and, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { incident } from "../schema";

/** Detected incidents no one from ops has looked at yet. */
export function countPendingReviews(db: Executor): number {
  return db.select({ n: count() }).from(incident).where(and(eq(incident.source, "probe"), eq(incident.reviewState, "pending"))).get()?.n ?? 0;
}
