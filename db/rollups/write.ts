// Adds counts into rollup rows, creating them when missing. The recording of one result
// and the bulk loading of history both go through here, so they cannot disagree.
// Statements are prepared once per database or transaction: bulk loads write hundreds of
// thousands of rows, and building each query anew costs more than running it.

import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import type { ResultCounts } from "../health/uptime";
import { checkDailyRollup, checkHourlyRollup, checkResult, connectionDailyRollup, providerDailyRollup } from "../schema";
import type { CauseCounts } from "../schema/types";

type CountsTable =
  | typeof checkHourlyRollup
  | typeof checkDailyRollup
  | typeof providerDailyRollup
  | typeof connectionDailyRollup;

const COUNT_KEYS = [
  "okCount",
  "degradedCount",
  "downCount",
  "maintenanceCount",
  "latencyTotalMs",
  "latencyCount",
  "latencyMaxMs",
] as const satisfies readonly (keyof ResultCounts)[];

const countPlaceholders = () => Object.fromEntries(COUNT_KEYS.map((k) => [k, sql.placeholder(k)])) as Record<keyof ResultCounts, Placeholder>;

function addedCounts(table: CountsTable): Record<keyof ResultCounts, SQL> {
  return {
    okCount: sql`${table.okCount} + excluded.ok_count`,
    degradedCount: sql`${table.degradedCount} + excluded.degraded_count`,
    downCount: sql`${table.downCount} + excluded.down_count`,
    maintenanceCount: sql`${table.maintenanceCount} + excluded.maintenance_count`,
    latencyTotalMs: sql`${table.latencyTotalMs} + excluded.latency_total_ms`,
    latencyCount: sql`${table.latencyCount} + excluded.latency_count`,
    latencyMaxMs: sql`max(${table.latencyMaxMs}, excluded.latency_max_ms)`,
  };
}

const mergedCauseCounts = sql`(
  select json_group_object(key, total) from (
    select key, sum(value) as total from (
      select key, value from json_each(${connectionDailyRollup.causeCounts})
      union all
      select key, value from json_each(excluded.cause_counts)
    ) group by key
  )
)`;

function prepareWriters(db: Executor) {
  return {
    checkHourly: db
      .insert(checkHourlyRollup)
      .values({ checkId: sql.placeholder("checkId"), hourStartAt: sql.placeholder("hourStartAt"), ...countPlaceholders() })
      .onConflictDoUpdate({ target: [checkHourlyRollup.checkId, checkHourlyRollup.hourStartAt], set: addedCounts(checkHourlyRollup) })
      .prepare(),
    checkDaily: db
      .insert(checkDailyRollup)
      .values({ checkId: sql.placeholder("checkId"), day: sql.placeholder("day"), ...countPlaceholders() })
      .onConflictDoUpdate({ target: [checkDailyRollup.checkId, checkDailyRollup.day], set: addedCounts(checkDailyRollup) })
      .prepare(),
    providerDaily: db
      .insert(providerDailyRollup)
      .values({ providerId: sql.placeholder("providerId"), day: sql.placeholder("day"), ...countPlaceholders() })
      .onConflictDoUpdate({ target: [providerDailyRollup.providerId, providerDailyRollup.day], set: addedCounts(providerDailyRollup) })
      .prepare(),
    connectionDaily: db
      .insert(connectionDailyRollup)
      .values({
        connectionId: sql.placeholder("connectionId"),
        day: sql.placeholder("day"),
        ...countPlaceholders(),
        causeCounts: sql.placeholder("causeCounts"),
      })
      .onConflictDoUpdate({
        target: [connectionDailyRollup.connectionId, connectionDailyRollup.day],
        set: { ...addedCounts(connectionDailyRollup), causeCounts: mergedCauseCounts },
      })
      .prepare(),
    result: insertCheckResult(db).prepare(),
  };
}

/** The insert of one raw result, its values bound by name as in `RawResultRow`. */
export function insertCheckResult(db: Executor) {
  return db.insert(checkResult).values({
    checkId: sql.placeholder("checkId"),
    checkedAt: sql.placeholder("checkedAt"),
    outcome: sql.placeholder("outcome"),
    latencyMs: sql.placeholder("latencyMs"),
    httpStatus: sql.placeholder("httpStatus"),
    causeId: sql.placeholder("causeId"),
    message: sql.placeholder("message"),
    duringMaintenance: sql.placeholder("duringMaintenance"),
  });
}

const writersByExecutor = new WeakMap<Executor, ReturnType<typeof prepareWriters>>();

function writers(db: Executor) {
  let prepared = writersByExecutor.get(db);
  if (!prepared) writersByExecutor.set(db, (prepared = prepareWriters(db)));
  return prepared;
}

export function addCheckHourly(db: Executor, rows: { checkId: number; hourStartAt: number; counts: ResultCounts }[]): void {
  const statement = writers(db).checkHourly;
  for (const r of rows) statement.run({ checkId: r.checkId, hourStartAt: r.hourStartAt, ...r.counts });
}

export function addCheckDaily(db: Executor, rows: { checkId: number; day: string; counts: ResultCounts }[]): void {
  const statement = writers(db).checkDaily;
  for (const r of rows) statement.run({ checkId: r.checkId, day: r.day, ...r.counts });
}

export function addProviderDaily(db: Executor, rows: { providerId: number; day: string; counts: ResultCounts }[]): void {
  const statement = writers(db).providerDaily;
  for (const r of rows) statement.run({ providerId: r.providerId, day: r.day, ...r.counts });
}

export function addConnectionDaily(
  db: Executor,
  rows: { connectionId: number; day: string; counts: ResultCounts; causeCounts: CauseCounts }[],
): void {
  const statement = writers(db).connectionDaily;
  for (const r of rows) {
    statement.run({ connectionId: r.connectionId, day: r.day, ...r.counts, causeCounts: r.causeCounts });
  }
}

export interface RawResultRow {
  checkId: number;
  checkedAt: Date;
  outcome: "ok" | "degraded" | "down";
  latencyMs: number | null;
  httpStatus: number | null;
  causeId: number | null;
  message: string | null;
  duringMaintenance: boolean;
}

/** Raw results in bulk, for loading history; live results go through `recordCheckResult`. */
export function addCheckResults(db: Executor, rows: RawResultRow[]): void {
  const statement = writers(db).result;
  for (const r of rows) statement.run({ ...r });
}
