// Days and hours as merchants read them: in the page's time zone (India by default).
// Day keys are calendar dates (YYYY-MM-DD); hour buckets start on the local hour, so
// every hour bucket falls inside exactly one day even where the zone is offset by 30 min.

export const PAGE_TIME_ZONE = "Asia/Kolkata";
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: PAGE_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsFromIntl(atMs: number): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(atMs)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

// Offsets only change on a quarter hour, so each quarter hour asks Intl once: recording
// computes a day and an hour for every result, and Intl is slow.
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const OFFSET_CACHE_LIMIT = 50_000;
const offsetByQuarterHour = new Map<number, number>();

/** Milliseconds the page's zone is ahead of UTC at this instant. */
export function zoneOffsetMs(atMs: number): number {
  const quarter = Math.floor(atMs / QUARTER_HOUR_MS);
  let offset = offsetByQuarterHour.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const p = partsFromIntl(start);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
    if (offsetByQuarterHour.size >= OFFSET_CACHE_LIMIT) offsetByQuarterHour.clear();
    offsetByQuarterHour.set(quarter, offset);
  }
  return offset;
}

function localParts(atMs: number): LocalParts {
  const local = new Date(atMs + zoneOffsetMs(atMs));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function dayKey(atMs: number): string {
  const p = localParts(atMs);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function hourStartMs(atMs: number): number {
  const offset = zoneOffsetMs(atMs);
  return Math.floor((atMs + offset) / HOUR_MS) * HOUR_MS - offset;
}

/** The hour of day (0–23) in the page's time zone. */
export function localHourOf(atMs: number): number {
  return localParts(atMs).hour;
}

/** The instant a local calendar day starts. */
export function dayStartMs(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  return guess - zoneOffsetMs(guess);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The last `count` local days ending with today, oldest first. */
export function lastDays(nowMs: number, count: number): string[] {
  const today = dayKey(nowMs);
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}
