import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { nextCheckState } from "../health/check-state";
import { countsOfResult } from "../health/uptime";
import { cause, check, checkResult, maintenance, maintenanceProvider } from "../schema";
import type { CauseSlug, CheckOutcome, CheckState } from "../schema/enums";
import { dayKey, hourStartMs } from "../time";
import { addCheckDaily, addCheckHourly, addConnectionDaily, addProviderDaily, insertCheckResult } from "./write";

export interface CheckResultInput {
  checkId: number;
  checkedAt: Date;
  outcome: CheckOutcome;
  latencyMs?: number | null;
  httpStatus?: number | null;
  cause?: CauseSlug | null;
  message?: string | null;
}

export interface RecordedResult {
  resultId: number;
  state: CheckState;
  previousState: CheckState;
  stateChanged: boolean;
  duringMaintenance: boolean;
}

export class UnknownCheckError extends Error {
  constructor(checkId: number) {
    super(`no check with id ${checkId}`);
  }
}

// Recording is the hottest path of the system, so every statement is prepared once per
// database (the drizzle query builder costs more than SQLite running the statement) and
// batches share one transaction.

function prepareRecorder(db: Executor) {
  const at = sql.placeholder("atMs");
  return {
    target: db
      .select({
        id: check.id,
        providerId: check.providerId,
        connectionId: check.connectionId,
        state: check.state,
        pendingOutcome: check.pendingOutcome,
        pendingCount: check.pendingCount,
        failureThreshold: check.failureThreshold,
        successThreshold: check.successThreshold,
      })
      .from(check)
      .where(eq(check.id, sql.placeholder("checkId")))
      .prepare(),
    maintenance: db
      .select({ id: maintenance.id })
      .from(maintenance)
      .innerJoin(maintenanceProvider, eq(maintenanceProvider.maintenanceId, maintenance.id))
      .where(
        and(
          eq(maintenanceProvider.providerId, sql.placeholder("providerId")),
          isNull(maintenance.cancelledAt),
          lte(maintenance.scheduledFor, at),
          gt(maintenance.scheduledUntil, at),
        ),
      )
      .limit(1)
      .prepare(),
    cause: db.select({ id: cause.id }).from(cause).where(eq(cause.slug, sql.placeholder("slug"))).prepare(),
    result: insertCheckResult(db).returning({ id: checkResult.id }).prepare(),
    state: db
      .update(check)
      .set({
        state: sql`${sql.placeholder("state")}`,
        pendingOutcome: sql`${sql.placeholder("pendingOutcome")}`,
        pendingCount: sql`${sql.placeholder("pendingCount")}`,
        lastResultAt: sql`${at}`,
        lastCauseId: sql`${sql.placeholder("causeId")}`,
        stateChangedAt: sql`case when ${sql.placeholder("changed")} = 1 then ${at} else ${check.stateChangedAt} end`,
      })
      .where(eq(check.id, sql.placeholder("checkId")))
      .prepare(),
  };
}

type Recorder = ReturnType<typeof prepareRecorder>;
const recorders = new WeakMap<Executor, Recorder>();

function recorderFor(db: Executor): Recorder {
  let recorder = recorders.get(db);
  if (!recorder) recorders.set(db, (recorder = prepareRecorder(db)));
  return recorder;
}

function recordOne(db: Executor, recorder: Recorder, input: CheckResultInput): RecordedResult {
  const target = recorder.target.get({ checkId: input.checkId });
  if (!target) throw new UnknownCheckError(input.checkId);
  const atMs = input.checkedAt.getTime();
  const duringMaintenance = recorder.maintenance.get({ providerId: target.providerId, atMs }) !== undefined;
  const causeId = input.outcome !== "ok" && input.cause ? (recorder.cause.get({ slug: input.cause })?.id ?? null) : null;
  const inserted = recorder.result.get({
    checkId: target.id,
    checkedAt: input.checkedAt,
    outcome: input.outcome,
    latencyMs: input.latencyMs ?? null,
    httpStatus: input.httpStatus ?? null,
    causeId,
    message: input.message ?? null,
    duringMaintenance,
  })!;

  const counts = countsOfResult(input.outcome, input.latencyMs, duringMaintenance);
  const day = dayKey(atMs);
  addCheckHourly(db, [{ checkId: target.id, hourStartAt: hourStartMs(atMs), counts }]);
  addCheckDaily(db, [{ checkId: target.id, day, counts }]);
  if (target.connectionId === null) {
    addProviderDaily(db, [{ providerId: target.providerId, day, counts }]);
  } else {
    const causeCounts = input.outcome === "down" && input.cause && !duringMaintenance ? { [input.cause]: 1 } : {};
    addConnectionDaily(db, [{ connectionId: target.connectionId, day, counts, causeCounts }]);
  }

  const next = nextCheckState(target, input.outcome, target);
  recorder.state.run({
    checkId: target.id,
    state: next.state,
    pendingOutcome: next.pendingOutcome,
    pendingCount: next.pendingCount,
    changed: next.changed ? 1 : 0,
    atMs,
    causeId,
  });
  return { resultId: inserted.id, state: next.state, previousState: target.state, stateChanged: next.changed, duringMaintenance };
}

/** Writes one result, its rollups and the check's state change in one transaction. */
export function recordCheckResult(db: Executor, input: CheckResultInput): RecordedResult {
  const recorder = recorderFor(db);
  // Statements prepared on `db` run inside its transaction: one connection, one transaction.
  return db.transaction(() => recordOne(db, recorder, input));
}

/** Writes many results in one transaction, in order, as a batch from an agent arrives. */
export function recordCheckResults(db: Executor, inputs: CheckResultInput[]): RecordedResult[] {
  const recorder = recorderFor(db);
  return db.transaction(() => inputs.map((input) => recordOne(db, recorder, input)));
}
