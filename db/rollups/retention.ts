import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { DAY_MS, HOUR_MS } from "../time";
import { checkHourlyRollup, checkResult } from "../schema";

/** Raw results are for looking at what just happened; history lives in the rollups. */
export const RAW_RESULT_RETENTION_MS = 48 * HOUR_MS;
/** Hourly rollups feed the 24-hour uptime and the week's response-time chart. */
export const HOURLY_ROLLUP_RETENTION_MS = 14 * DAY_MS;

export function pruneExpiredResults(db: Db, nowMs: number): { results: number; hourlyRollups: number } {
  return db.transaction((tx) => {
    const results = tx.delete(checkResult).where(lt(checkResult.checkedAt, new Date(nowMs - RAW_RESULT_RETENTION_MS))).run();
    const hourly = tx
      .delete(checkHourlyRollup)
      .where(lt(checkHourlyRollup.hourStartAt, nowMs - HOURLY_ROLLUP_RETENTION_MS))
      .run();
    return { results: results.changes, hourlyRollups: hourly.changes };
  });
}
