import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Executor } from "../client";
import { nextCheckState } from "../health/check-state";
import { countsOfResult } from "../health/uptime";
import { cause, check, checkResult, maintenance, maintenanceProvider } from "../schema";
import type { CauseSlug, CheckOutcome, CheckState } from "../schema/enums";
import { dayKey, hourStartMs } from "../time";
import { addCheckDaily, addCheckHourly, addConnectionDaily, addProviderDaily } from "./write";

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

function maintenanceInProgress(db: Executor, providerId: number, at: Date): boolean {
  const row = db
    .select({ id: maintenance.id })
    .from(maintenance)
    .innerJoin(maintenanceProvider, eq(maintenanceProvider.maintenanceId, maintenance.id))
    .where(
      and(
        eq(maintenanceProvider.providerId, providerId),
        isNull(maintenance.cancelledAt),
        lte(maintenance.scheduledFor, at),
        gt(maintenance.scheduledUntil, at),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** Writes one result, its rollups and the check's state change in one transaction. */
export function recordCheckResult(db: Executor, input: CheckResultInput): RecordedResult {
  return db.transaction((tx) => {
    const target = tx.select().from(check).where(eq(check.id, input.checkId)).get();
    if (!target) throw new UnknownCheckError(input.checkId);
    const atMs = input.checkedAt.getTime();
    const duringMaintenance = maintenanceInProgress(tx, target.providerId, input.checkedAt);
    const causeRow =
      input.outcome !== "ok" && input.cause
        ? tx.select({ id: cause.id }).from(cause).where(eq(cause.slug, input.cause)).get()
        : undefined;

    const inserted = tx
      .insert(checkResult)
      .values({
        checkId: target.id,
        checkedAt: input.checkedAt,
        outcome: input.outcome,
        latencyMs: input.latencyMs ?? null,
        httpStatus: input.httpStatus ?? null,
        causeId: causeRow?.id ?? null,
        message: input.message ?? null,
        duringMaintenance,
      })
      .returning({ id: checkResult.id })
      .get();

    const counts = countsOfResult(input.outcome, input.latencyMs, duringMaintenance);
    const day = dayKey(atMs);
    addCheckHourly(tx, [{ checkId: target.id, hourStartAt: hourStartMs(atMs), counts }]);
    addCheckDaily(tx, [{ checkId: target.id, day, counts }]);
    if (target.connectionId === null) {
      addProviderDaily(tx, [{ providerId: target.providerId, day, counts }]);
    } else {
      const causeCounts = input.outcome === "down" && input.cause && !duringMaintenance ? { [input.cause]: 1 } : {};
      addConnectionDaily(tx, [{ connectionId: target.connectionId, day, counts, causeCounts }]);
    }

    const next = nextCheckState(target, input.outcome, target);
    tx.update(check)
      .set({
        state: next.state,
        pendingOutcome: next.pendingOutcome,
        pendingCount: next.pendingCount,
        lastResultAt: input.checkedAt,
        ...(next.changed ? { stateChangedAt: input.checkedAt } : {}),
      })
      .where(eq(check.id, target.id))
      .run();

    return {
      resultId: inserted.id,
      state: next.state,
      previousState: target.state,
      stateChanged: next.changed,
      duringMaintenance,
    };
  });
}
