import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { addCounts, type ResultCounts, type UptimeCounts } from "../health/uptime";
import { check, checkHourlyRollup, providerDailyRollup } from "../schema";

const countColumns = <T extends typeof providerDailyRollup | typeof checkHourlyRollup>(t: T) => ({
  okCount: t.okCount,
  degradedCount: t.degradedCount,
  downCount: t.downCount,
  maintenanceCount: t.maintenanceCount,
  latencyTotalMs: t.latencyTotalMs,
  latencyCount: t.latencyCount,
  latencyMaxMs: t.latencyMaxMs,
});

/** Daily rollups from `fromDay` on, by provider and day. */
export function providerDailyCounts(
  db: Executor,
  fromDay: string,
  providerId?: number,
): Map<number, Map<string, ResultCounts>> {
  const rows = db
    .select({ providerId: providerDailyRollup.providerId, day: providerDailyRollup.day, ...countColumns(providerDailyRollup) })
    .from(providerDailyRollup)
    .where(and(gte(providerDailyRollup.day, fromDay), providerId === undefined ? undefined : eq(providerDailyRollup.providerId, providerId)))
    .all();
  const byProvider = new Map<number, Map<string, ResultCounts>>();
  for (const { providerId: id, day, ...counts } of rows) {
    let days = byProvider.get(id);
    if (!days) byProvider.set(id, (days = new Map()));
    days.set(day, counts);
  }
  return byProvider;
}

/**
 * Only what uptime needs, by provider and day, from `fromDay` on. The status page reads
 * this for every provider and day (18,000 rows at 200 providers), so rows come back as
 * arrays rather than objects.
 */
export function providerDailyUptime(db: Executor, fromDay: string): Map<number, Map<string, UptimeCounts>> {
  const r = providerDailyRollup;
  const rows = db
    .select({
      providerId: r.providerId,
      day: r.day,
      up: sql<number>`${r.okCount} + ${r.degradedCount}`,
      counted: sql<number>`${r.okCount} + ${r.degradedCount} + ${r.downCount}`,
    })
    .from(r)
    .where(gte(r.day, fromDay))
    .values();
  const byProvider = new Map<number, Map<string, UptimeCounts>>();
  for (const [providerId, day, up, counted] of rows as [number, string, number, number][]) {
    let days = byProvider.get(providerId);
    if (!days) byProvider.set(providerId, (days = new Map()));
    days.set(day, { up, counted });
  }
  return byProvider;
}

/** A provider's hourly counts from its provider-level checks, summed per hour, oldest first. */
export function providerHourlyCounts(db: Executor, providerId: number, fromMs: number): { hourStartAt: number; counts: ResultCounts }[] {
  const rows = db
    .select({ hourStartAt: checkHourlyRollup.hourStartAt, ...countColumns(checkHourlyRollup) })
    .from(checkHourlyRollup)
    .innerJoin(check, eq(check.id, checkHourlyRollup.checkId))
    .where(and(eq(check.providerId, providerId), isNull(check.connectionId), gte(checkHourlyRollup.hourStartAt, fromMs)))
    .orderBy(asc(checkHourlyRollup.hourStartAt))
    .all();
  const byHour = new Map<number, ResultCounts>();
  for (const { hourStartAt, ...c } of rows) {
    const into = byHour.get(hourStartAt);
    byHour.set(hourStartAt, into ? addCounts(into, c) : c);
  }
  return [...byHour].map(([hourStartAt, counts]) => ({ hourStartAt, counts }));
}
