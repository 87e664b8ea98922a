import { count, eq, isNull, lt, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { demoDatabase, type TestDatabase } from "../../tests/support/database";
import { RAW_RESULT_RETENTION_MS } from "../rollups/retention";
import { category, check, checkResult, connection, incident, incidentUpdate, maintenance, merchant, provider, providerDailyRollup } from "../schema";
import { seedDemo } from ".";

let t: TestDatabase;
beforeAll(() => {
  t = demoDatabase();
});
afterAll(() => t.close());

const n = (rows: { n: number } | undefined) => rows?.n ?? 0;

describe("demo seed", () => {
  it("has at least 24 real providers across all six categories and 200 merchants with connections", () => {
    expect(n(t.db.select({ n: count() }).from(provider).get())).toBeGreaterThanOrEqual(24);
    const perCategory = t.db
      .select({ slug: category.slug, n: count(provider.id) })
      .from(category)
      .leftJoin(provider, eq(provider.categoryId, category.id))
      .groupBy(category.slug)
      .all();
    expect(perCategory).toHaveLength(6);
    for (const c of perCategory) expect(c.n, c.slug).toBeGreaterThanOrEqual(2);
    expect(n(t.db.select({ n: count() }).from(merchant).get())).toBeGreaterThanOrEqual(200);
    expect(n(t.db.select({ n: count() }).from(connection).get())).toBeGreaterThanOrEqual(200);
  });

  it("has 90 days of daily rollups for every provider, mostly up but not perfectly", () => {
    const days = t.db.selectDistinct({ day: providerDailyRollup.day }).from(providerDailyRollup).all();
    expect(days).toHaveLength(90);
    const totals = t.db
      .select({ ok: providerDailyRollup.okCount, degraded: providerDailyRollup.degradedCount, down: providerDailyRollup.downCount })
      .from(providerDailyRollup)
      .all()
      .reduce((s, r) => ({ up: s.up + r.ok + r.degraded, all: s.all + r.ok + r.degraded + r.down }), { up: 0, all: 0 });
    const uptime = totals.up / totals.all;
    expect(uptime).toBeGreaterThan(0.99);
    expect(uptime).toBeLessThan(1);
  });

  it("keeps raw results only within the retention window", () => {
    const seededAt = inject("demoSeededAtMs");
    const old = t.db.select({ n: count() }).from(checkResult).where(lt(checkResult.checkedAt, new Date(seededAt - RAW_RESULT_RETENTION_MS - 60_000))).get();
    expect(n(old)).toBe(0);
    expect(n(t.db.select({ n: count() }).from(checkResult).get())).toBeGreaterThan(0);
  });

  it("has resolved incidents with full timelines, one open incident and an upcoming maintenance", () => {
    const open = t.db.select().from(incident).where(notInArray(incident.status, ["resolved", "postmortem"])).all();
    expect(open).toHaveLength(1);
    const resolved = t.db.select().from(incident).where(eq(incident.status, "resolved")).all();
    expect(resolved.length).toBeGreaterThanOrEqual(3);
    const timeline = t.db.select({ status: incidentUpdate.status }).from(incidentUpdate).where(eq(incidentUpdate.incidentId, resolved[0]!.id)).orderBy(incidentUpdate.createdAt).all();
    expect(timeline.map((u) => u.status)).toEqual(["investigating", "identified", "monitoring", "resolved"]);
    const upcoming = t.db.select().from(maintenance).all().filter((m) => m.scheduledFor.getTime() > Date.now());
    expect(upcoming.length).toBeGreaterThanOrEqual(1);
  });

  it("has merchant-side failures with their causes, and connections failing right now", () => {
    const failing = t.db.select({ n: count() }).from(check).where(eq(check.state, "down")).get();
    expect(n(failing)).toBeGreaterThan(0);
    const merchantCauses = t.db.select({ causeId: checkResult.causeId }).from(checkResult).where(eq(checkResult.outcome, "down")).all();
    expect(merchantCauses.some((r) => r.causeId !== null)).toBe(true);
    expect(n(t.db.select({ n: count() }).from(check).where(isNull(check.lastResultAt)).get())).toBe(0);
  });

  it("does not seed twice", () => {
    const before = n(t.db.select({ n: count() }).from(merchant).get());
    const outcome = seedDemo(t.db);
    expect(outcome.seeded).toBe(false);
    expect(n(t.db.select({ n: count() }).from(merchant).get())).toBe(before);
  });
});
