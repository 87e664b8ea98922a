// Formatting for pages. Times are shown in India Standard Time with the zone named, and
// computed from the loader's clock so the server and the browser render the same text.

const PAGE_TIME_ZONE = "Asia/Kolkata";

const dateTime = new Intl.DateTimeFormat("en-IN", {
  timeZone: PAGE_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const shortDate = new Intl.DateTimeFormat("en-IN", { timeZone: PAGE_TIME_ZONE, day: "numeric", month: "short" });
const dateOnly = new Intl.DateTimeFormat("en-IN", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const monthName = new Intl.DateTimeFormat("en-IN", { timeZone: "UTC", month: "long", year: "numeric" });

export function formatDateTime(ms: number): string {
  return `${dateTime.format(ms)} IST`;
}

/** The date of an instant in India, as "27 Nov". */
export function formatShortDate(ms: number): string {
  return shortDate.format(ms);
}

/** A calendar day key (YYYY-MM-DD) as "27 Nov 2026". */
export function formatDay(day: string): string {
  return dateOnly.format(new Date(`${day}T00:00:00Z`));
}

/** A month key (YYYY-MM) as "November 2026". */
export function formatMonth(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** Uptime as a percentage with two decimals, never rounded up to 100 %. */
export function formatUptime(ratio: number | null): string {
  if (ratio === null) return "No data";
  const floored = Math.floor(ratio * 10_000) / 100;
  return `${floored.toFixed(2)}%`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", rest && !days ? `${rest} min` : ""].filter(Boolean);
  return parts.join(" ");
}

export function formatTimeAgo(ms: number, nowMs: number): string {
  const elapsed = nowMs - ms;
  if (elapsed < 60_000) return "just now";
  return `${formatDuration(elapsed)} ago`;
}

export function formatLatency(ms: number | null): string {
  return ms === null ? "No data" : `${ms} ms`;
}
