import { describe, expect, it } from "vitest";
import { formatterIn } from "../../tests/support/i18n";
import { formatDateTime, formatDuration, formatTimeAgo } from "./format";

const en = formatterIn("en");
const hi = formatterIn("hi");
const as = formatterIn("as");
// 1 Oct 2026, a quarter past midnight in India: the day differs from the UTC one.
const MIDNIGHT_IN_INDIA_MS = Date.UTC(2026, 8, 30, 18, 45);

describe("formatting in the reader's language", () => {
  it("shows times in India with the zone named, in each language's month names and digits", () => {
    expect(en.dateTime(MIDNIGHT_IN_INDIA_MS)).toBe("1 Oct 2026, 00:15 IST");
    expect(hi.dateTime(MIDNIGHT_IN_INDIA_MS)).toBe("1 अक्टू॰ 2026, 00:15 IST");
    expect(as.dateTime(MIDNIGHT_IN_INDIA_MS)).toBe("১ অক্টো ২০২৬, ০০:১৫ IST");
    expect(en.day("2026-11-07")).toBe("7 Nov 2026");
    expect(hi.month("2026-11")).toBe("नवंबर 2026");
    expect(as.month("2026-11")).toBe("নৱেম্বৰ ২০২৬");
    expect(en.dayRange("2027-10-16", "2027-10-31")).toBe("16 Oct 2027 to 31 Oct 2027");
    expect(en.dayRange("2027-10-16", "2027-10-16")).toBe("16 Oct 2027");
  });

  it("groups numbers the Indian way, in Assamese digits for Assamese", () => {
    expect(en.count(1_234_567)).toBe("12,34,567");
    expect(hi.count(100_000)).toBe("1,00,000");
    expect(as.count(100_000)).toBe("১,০০,০০০");
    expect(en.count(999)).toBe("999");
  });

  it("never rounds uptime up to 100 % and says when there is no data", () => {
    expect(en.uptime(0.99999)).toBe("99.99%");
    expect(en.uptime(1)).toBe("100.00%");
    expect(as.uptime(0.5)).toBe("৫০.০০%");
    expect(en.uptime(null)).toBe("No data");
    expect(hi.uptime(null)).toBe("कोई डेटा नहीं");
  });

  it("says how long something lasted and how long ago", () => {
    expect(en.duration(95 * 60_000)).toBe("1 h 35 min");
    expect(en.duration(2 * 86_400_000 + 3 * 3_600_000)).toBe("2 d 3 h");
    expect(en.timeAgo(0, 30_000)).toBe("just now");
    expect(en.timeAgo(0, 2 * 3_600_000)).toBe("2 h ago");
    expect(as.latency(235)).toBe("২৩৫ ms");
  });
});

describe("the ops console's English", () => {
  it("keeps its fixed month names and units", () => {
    expect(formatDateTime(Date.UTC(2026, 8, 7, 6, 30))).toBe("7 Sep 2026, 12:00 IST");
    expect(formatDuration(95 * 60_000)).toBe("1 h 35 min");
    expect(formatTimeAgo(0, 30_000)).toBe("just now");
  });
});
