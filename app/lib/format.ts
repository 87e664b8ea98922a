// Formatting for pages. Times are shown in India Standard Time with the zone named, and
// computed from the loader's clock so the server and the browser render the same text.
// Month names come from our own table: browsers and Node ship different locale data
// ("Sep" against "Sept"), and any difference breaks hydration.

const PAGE_TIME_ZONE = "Asia/Kolkata";
const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const MONTHS_LONG = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

const numericParts = new Intl.DateTimeFormat("en-US", {
  timeZone: PAGE_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

function partsInIndia(ms: number) {
  const parts: Record<string, number> = {};
  for (const p of numericParts.formatToParts(ms)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

const pad = (n: number) => String(n).padStart(2, "0");
const shortMonth = (month: number) => MONTHS_SHORT[month - 1]!;

export function formatDateTime(ms: number): string {
  const p = partsInIndia(ms);
  return `${p.day} ${shortMonth(p.month)} ${p.year}, ${pad(p.hour)}:${pad(p.minute)} IST`;
}

/** The date of an instant in India, as "27 Nov". */
export function formatShortDate(ms: number): string {
  const p = partsInIndia(ms);
  return `${p.day} ${shortMonth(p.month)}`;
}

/** A calendar day key (YYYY-MM-DD) as "27 Nov 2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date} ${shortMonth(month)} ${year}`;
}

/** A month key (YYYY-MM) as "November 2026". */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS_LONG[m - 1]} ${year}`;
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
