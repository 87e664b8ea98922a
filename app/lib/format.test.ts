import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatDuration, formatMonth, formatTimeAgo, formatUptime } from "./format";

describe("formatting", () => {
  it("shows times in India with the zone named, and fixed month names", () => {
    expect(formatDateTime(Date.UTC(2026, 8, 30, 18, 45))).toBe("1 Oct 2026, 00:15 IST");
    expect(formatDay("2026-09-07")).toBe("7 Sep 2026");
    expect(formatMonth("2026-11")).toBe("November 2026");
  });

  it("never rounds uptime up to 100 % and says when there is no data", () => {
    expect(formatUptime(0.99999)).toBe("99.99%");
    expect(formatUptime(1)).toBe("100.00%");
    expect(formatUptime(null)).toBe("No data");
  });

  it("says how long something lasted", () => {
    expect(formatDuration(95 * 60_000)).toBe("1 h 35 min");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe("2 d 3 h");
    expect(formatTimeAgo(0, 30_000)).toBe("just now");
  });
});
