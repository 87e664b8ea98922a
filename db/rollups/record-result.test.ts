import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cause, check, checkDailyRollup, checkHourlyRollup, checkResult, connection, connectionDailyRollup, maintenance, maintenanceProvider, merchant, providerDailyRollup } from "../schema";
import { dayKey, hourStartMs } from "../time";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { addProvider } from "../../tests/support/builders";
import { recordCheckResult, UnknownCheckError } from "./record-result";
import { pruneExpiredResults, RAW_RESULT_RETENTION_MS, RAW_RESULTS_PER_CHECK } from "./retention";
import { addCheckResults } from "./write";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const at = Date.UTC(2026, 10, 20, 6, 0);

describe("recording a check result", () => {
  it("writes the raw result and adds it to the hourly, daily and provider rollups in one go", () => {
    const { provider, check: c } = addProvider(t.db, "razorpay");
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at), outcome: "ok", latencyMs: 200 });
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + 60_000), outcome: "down", cause: "provider-downtime", httpStatus: 503 });
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + 120_000), outcome: "degraded", latencyMs: 2400 });

    expect(t.db.select().from(checkResult).all()).toHaveLength(3);
    const hourly = t.db.select().from(checkHourlyRollup).all();
    expect(hourly).toEqual([
      expect.objectContaining({ hourStartAt: hourStartMs(at), okCount: 1, downCount: 1, degradedCount: 1, latencyTotalMs: 2600, latencyCount: 2, latencyMaxMs: 2400 }),
    ]);
    const daily = t.db.select().from(providerDailyRollup).where(eq(providerDailyRollup.providerId, provider.id)).get();
    expect(daily).toMatchObject({ day: dayKey(at), okCount: 1, downCount: 1, degradedCount: 1 });
    expect(t.db.select().from(checkDailyRollup).get()).toMatchObject({ okCount: 1, downCount: 1, degradedCount: 1 });
  });

  it("flips the check to down only after the failure threshold, and reports the change once", () => {
    const { check: c } = addProvider(t.db, "cashfree");
    const states = [0, 1, 2, 3].map((i) =>
      recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + i * 60_000), outcome: i === 0 ? "ok" : "down", cause: "provider-downtime" }),
    );
    expect(states.map((s) => s.state)).toEqual(["unknown", "unknown", "unknown", "down"]);
    expect(states.map((s) => s.stateChanged)).toEqual([false, false, false, true]);
    const stored = t.db.select().from(check).where(eq(check.id, c.id)).get()!;
    expect(stored.state).toBe("down");
    expect(stored.stateChangedAt?.getTime()).toBe(at + 3 * 60_000);
    const downtime = t.db.select({ id: cause.id }).from(cause).where(eq(cause.slug, "provider-downtime")).get()!;
    expect(stored.lastCauseId).toBe(downtime.id);
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + 4 * 60_000), outcome: "ok" });
    expect(t.db.select().from(check).where(eq(check.id, c.id)).get()!.lastCauseId).toBeNull();
  });

  it("counts results during a provider's maintenance apart from uptime", () => {
    const { provider, check: c } = addProvider(t.db, "delhivery", "logistics");
    const m = t.db.insert(maintenance).values({ title: "Upgrade", scheduledFor: new Date(at - 60_000), scheduledUntil: new Date(at + 60_000) }).returning().get();
    t.db.insert(maintenanceProvider).values({ maintenanceId: m.id, providerId: provider.id }).run();
    const r = recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at), outcome: "down" });
    expect(r.duringMaintenance).toBe(true);
    expect(t.db.select().from(providerDailyRollup).get()).toMatchObject({ downCount: 0, maintenanceCount: 1 });
  });

  it("keeps the causes of a connection's failures per day", () => {
    const { provider } = addProvider(t.db, "shiprocket", "logistics");
    const m = t.db.insert(merchant).values({ externalId: "m_1", name: "Kavya Handlooms" }).returning().get();
    const conn = t.db.insert(connection).values({ merchantId: m.id, providerId: provider.id }).returning().get();
    const c = t.db.insert(check).values({ slug: "connection-1", name: "Connection", kind: "connection", providerId: provider.id, connectionId: conn.id }).returning().get();
    for (const [i, cause] of (["expired-authentication", "expired-authentication", "provider-downtime"] as const).entries()) {
      recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + i * 60_000), outcome: "down", cause });
    }
    const row = t.db.select().from(connectionDailyRollup).get()!;
    expect(row.downCount).toBe(3);
    expect(row.causeCounts).toEqual({ "expired-authentication": 2, "provider-downtime": 1 });
    expect(t.db.select().from(providerDailyRollup).all()).toHaveLength(0);
  });

  it("writes nothing for an unknown check", () => {
    expect(() => recordCheckResult(t.db, { checkId: 999, checkedAt: new Date(at), outcome: "ok" })).toThrow(UnknownCheckError);
    expect(t.db.select().from(checkResult).all()).toHaveLength(0);
    expect(t.db.select().from(checkHourlyRollup).all()).toHaveLength(0);
  });

  it("prunes raw results past retention and keeps the rollups", () => {
    const { check: c } = addProvider(t.db, "payu");
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at), outcome: "ok", latencyMs: 100 });
    recordCheckResult(t.db, { checkId: c.id, checkedAt: new Date(at + RAW_RESULT_RETENTION_MS), outcome: "ok", latencyMs: 100 });
    const pruned = pruneExpiredResults(t.db, at + RAW_RESULT_RETENTION_MS + 1);
    expect(pruned.resultsByAge).toBe(1);
    expect(t.db.select().from(checkResult).all()).toHaveLength(1);
    expect(t.db.select().from(checkDailyRollup).all().reduce((n, r) => n + r.okCount, 0)).toBe(2);
  });

  it("keeps at most the newest results of a check that runs very often, and leaves others alone", () => {
    const { check: busy } = addProvider(t.db, "busy-pay");
    const { check: quiet } = addProvider(t.db, "quiet-pay");
    const now = at + 3_600_000;
    const rows = (checkId: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        checkId,
        checkedAt: new Date(now - (n - i) * 100),
        outcome: "ok" as const,
        latencyMs: 100,
        httpStatus: 200,
        causeId: null,
        message: null,
        duringMaintenance: false,
      }));
    t.db.transaction((tx) => {
      addCheckResults(tx, rows(busy.id, RAW_RESULTS_PER_CHECK + 250));
      addCheckResults(tx, rows(quiet.id, 10));
    });
    const pruned = pruneExpiredResults(t.db, now);
    expect(pruned.resultsByCount).toBe(250);
    const left = t.db.select().from(checkResult).where(eq(checkResult.checkId, busy.id)).all();
    expect(left).toHaveLength(RAW_RESULTS_PER_CHECK);
    expect(Math.max(...left.map((r) => r.checkedAt.getTime()))).toBe(now - 100);
    expect(t.db.select().from(checkResult).where(eq(checkResult.checkId, quiet.id)).all()).toHaveLength(10);
  });
});
