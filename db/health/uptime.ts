// The uptime arithmetic, in one place. Uptime over a window is (ok + degraded) / total
// of the results in it; results taken during maintenance are counted apart and left out;
// a window without results has no uptime (never 100 %).

import type { CheckOutcome } from "../schema/enums";

/** Days of history an uptime bar covers: the status page and the provider pages show the same span. */
export const UPTIME_BAR_DAYS = 90;

export interface ResultCounts {
  okCount: number;
  degradedCount: number;
  downCount: number;
  maintenanceCount: number;
  latencyTotalMs: number;
  latencyCount: number;
  latencyMaxMs: number;
}

export const emptyCounts = (): ResultCounts => ({
  okCount: 0,
  degradedCount: 0,
  downCount: 0,
  maintenanceCount: 0,
  latencyTotalMs: 0,
  latencyCount: 0,
  latencyMaxMs: 0,
});

/** Counts one result into `into` and returns it. */
export function addResult(
  into: ResultCounts,
  outcome: CheckOutcome,
  latencyMs: number | null | undefined,
  duringMaintenance: boolean,
): ResultCounts {
  if (duringMaintenance) into.maintenanceCount += 1;
  else if (outcome === "ok") into.okCount += 1;
  else if (outcome === "degraded") into.degradedCount += 1;
  else into.downCount += 1;
  if (latencyMs != null) {
    const rounded = Math.round(latencyMs);
    into.latencyTotalMs += rounded;
    into.latencyCount += 1;
    into.latencyMaxMs = Math.max(into.latencyMaxMs, rounded);
  }
  return into;
}

/** The counts one result adds to its buckets. */
export function countsOfResult(
  outcome: CheckOutcome,
  latencyMs: number | null | undefined,
  duringMaintenance: boolean,
): ResultCounts {
  return addResult(emptyCounts(), outcome, latencyMs, duringMaintenance);
}

/** Adds `more` into `into` and returns it. */
export function addCounts(into: ResultCounts, more: ResultCounts): ResultCounts {
  into.okCount += more.okCount;
  into.degradedCount += more.degradedCount;
  into.downCount += more.downCount;
  into.maintenanceCount += more.maintenanceCount;
  into.latencyTotalMs += more.latencyTotalMs;
  into.latencyCount += more.latencyCount;
  into.latencyMaxMs = Math.max(into.latencyMaxMs, more.latencyMaxMs);
  return into;
}

export function sumCounts(rows: Iterable<ResultCounts>): ResultCounts {
  const total = emptyCounts();
  for (const row of rows) addCounts(total, row);
  return total;
}

/** Results that were up (ok or degraded) among those that count towards uptime (maintenance excluded). */
export interface UptimeCounts {
  up: number;
  counted: number;
}

export function toUptimeCounts(c: ResultCounts): UptimeCounts {
  return { up: c.okCount + c.degradedCount, counted: c.okCount + c.degradedCount + c.downCount };
}

/** A ratio in [0, 1], or null when there is no data. */
export function uptimeOf(c: UptimeCounts): number | null {
  return c.counted === 0 ? null : c.up / c.counted;
}

export function uptimeRatio(c: ResultCounts): number | null {
  return uptimeOf(toUptimeCounts(c));
}

export function averageLatencyMs(c: ResultCounts): number | null {
  return c.latencyCount === 0 ? null : Math.round(c.latencyTotalMs / c.latencyCount);
}

/** Days as keys, in order, each with its counts or nothing. */
export function dailyUptime(
  days: readonly string[],
  rows: ReadonlyMap<string, ResultCounts>,
): { day: string; uptime: number | null; counts: ResultCounts | null }[] {
  return days.map((day) => {
    const counts = rows.get(day) ?? null;
    return { day, uptime: counts ? uptimeRatio(counts) : null, counts };
  });
}
