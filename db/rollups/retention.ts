import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { DAY_MS, HOUR_MS } from "../time";
import { checkHourlyRollup, checkResult, ingestReceipt } from "../schema";

/** Raw results are for looking at what just happened; history lives in the rollups. */
export const RAW_RESULT_RETENTION_MS = 48 * HOUR_MS;
/** A check that runs very often keeps no more than this many raw results. */
export const RAW_RESULTS_PER_CHECK = 5_000;
/** Hourly rollups feed the 24-hour uptime and the week's response-time chart. Daily rollups are kept for good. */
export const HOURLY_ROLLUP_RETENTION_MS = 30 * DAY_MS;
/** How long a pushed batch is recognised as already received. */
export const INGEST_RECEIPT_RETENTION_MS = 30 * DAY_MS;

export interface Pruned {
  resultsByAge: number;
  resultsByCount: number;
  hourlyRollups: number;
  ingestReceipts: number;
}

export function pruneExpiredResults(db: Executor, nowMs: number): Pruned {
  return db.transaction((tx) => {
    const byAge = tx.delete(checkResult).where(lt(checkResult.checkedAt, new Date(nowMs - RAW_RESULT_RETENTION_MS))).run();
    // Only checks over the cap are touched; for each, everything older than its Nth newest result goes.
    const crowded = tx
      .select({ checkId: checkResult.checkId })
      .from(checkResult)
      .groupBy(checkResult.checkId)
      .having(sql`count(*) > ${RAW_RESULTS_PER_CHECK}`)
      .all();
    let byCount = 0;
    for (const { checkId } of crowded) {
      const cutoff = sql`(select ${checkResult.id} from ${checkResult} where ${checkResult.checkId} = ${checkId} order by ${checkResult.id} desc limit 1 offset ${RAW_RESULTS_PER_CHECK - 1})`;
      byCount += tx.delete(checkResult).where(and(eq(checkResult.checkId, checkId), lt(checkResult.id, cutoff))).run().changes;
    }
    const hourly = tx.delete(checkHourlyRollup).where(lt(checkHourlyRollup.hourStartAt, nowMs - HOURLY_ROLLUP_RETENTION_MS)).run();
    const receipts = tx.delete(ingestReceipt).where(lt(ingestReceipt.receivedAt, new Date(nowMs - INGEST_RECEIPT_RETENTION_MS))).run();
    return { resultsByAge: byAge.changes, resultsByCount: byCount, hourlyRollups: hourly.changes, ingestReceipts: receipts.changes };
  });
}

