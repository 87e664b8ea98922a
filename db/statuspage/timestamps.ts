// Statuspage writes times in the page's time zone with its offset
// (`2024-03-05T14:07:09.120+05:30`), and component start dates as calendar days.

import { zoneOffsetMs } from "../time";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function offsetText(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO 8601 with milliseconds and the page zone's offset at that instant. */
export function pageZoneIso(atMs: number): string {
  const offsetMs = zoneOffsetMs(atMs);
  // Shifting by the offset and reading the UTC fields gives the local wall-clock time.
  const local = new Date(atMs + offsetMs).toISOString();
  return `${local.slice(0, -1)}${offsetText(offsetMs)}`;
}

export const pageZoneIsoOrNull = (atMs: number | null | undefined) => (atMs === null || atMs === undefined ? null : pageZoneIso(atMs));

/** The latest of some instants, missing ones left out; 0 when none is known. */
export const latestMs = (...times: (number | null | undefined)[]) => Math.max(0, ...times.map((t) => t ?? 0));
