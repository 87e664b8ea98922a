import { describe, expect, it } from "vitest";
import { addDays, dayKey, dayStartMs, hourStartMs, lastDays } from "./time";

describe("page time", () => {
  // 2026-11-27T18:29:59Z is 23:59:59 in India; one second later is the next day there.
  const beforeMidnightIst = Date.UTC(2026, 10, 27, 18, 29, 59);

  it("keys days by the calendar date in India", () => {
    expect(dayKey(beforeMidnightIst)).toBe("2026-11-27");
    expect(dayKey(beforeMidnightIst + 1000)).toBe("2026-11-28");
  });

  it("starts hours on the local hour, so an hour never straddles two days", () => {
    expect(hourStartMs(beforeMidnightIst)).toBe(Date.UTC(2026, 10, 27, 17, 30));
    expect(dayKey(hourStartMs(beforeMidnightIst))).toBe("2026-11-27");
  });

  it("finds the instant a local day starts", () => {
    expect(dayStartMs("2026-11-28")).toBe(Date.UTC(2026, 10, 27, 18, 30));
  });

  it("lists the last days oldest first, across month ends", () => {
    expect(lastDays(Date.UTC(2026, 11, 1, 12), 3)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
