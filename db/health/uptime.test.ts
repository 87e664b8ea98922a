import { describe, expect, it } from "vitest";
import {
  addCounts,
  averageLatencyMs,
  countsOfResult,
  dailyUptime,
  emptyCounts,
  sumCounts,
  uptimeRatio,
  type ResultCounts,
} from "./uptime";

const counts = (over: Partial<ResultCounts>): ResultCounts => ({ ...emptyCounts(), ...over });

describe("uptime", () => {
  it("counts ok and degraded as up and down as down", () => {
    expect(uptimeRatio(counts({ okCount: 90, degradedCount: 5, downCount: 5 }))).toBeCloseTo(0.95);
  });

  it("has no uptime when there are no results, never 100 %", () => {
    expect(uptimeRatio(emptyCounts())).toBeNull();
  });

  it("leaves results taken during maintenance out of uptime", () => {
    const c = counts({ okCount: 50, downCount: 0, maintenanceCount: 50 });
    expect(uptimeRatio(c)).toBe(1);
    expect(uptimeRatio(counts({ maintenanceCount: 10 }))).toBeNull();
  });

  it("weights a window by results, not by days", () => {
    const total = sumCounts([counts({ okCount: 1 }), counts({ okCount: 99, downCount: 100 })]);
    expect(uptimeRatio(total)).toBeCloseTo(0.5);
  });

  it("turns one result into counts, maintenance first", () => {
    expect(countsOfResult("down", 120, true)).toMatchObject({ downCount: 0, maintenanceCount: 1, latencyCount: 1 });
    expect(countsOfResult("degraded", null, false)).toMatchObject({ degradedCount: 1, latencyCount: 0 });
  });

  it("keeps exact average and maximum latency when adding buckets", () => {
    const c = addCounts(countsOfResult("ok", 100, false), countsOfResult("ok", 301, false));
    expect(averageLatencyMs(c)).toBe(201);
    expect(c.latencyMaxMs).toBe(301);
    expect(averageLatencyMs(emptyCounts())).toBeNull();
  });

  it("marks days without rows as no data", () => {
    const series = dailyUptime(["2026-11-01", "2026-11-02"], new Map([["2026-11-02", counts({ okCount: 3, downCount: 1 })]]));
    expect(series[0]).toEqual({ day: "2026-11-01", uptime: null, counts: null });
    expect(series[1]?.uptime).toBeCloseTo(0.75);
  });
});
