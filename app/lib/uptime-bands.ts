/** Colour bands of a day's uptime, best first; the last band takes everything below. Their words are `uptime.band.<name>`. */
export const UPTIME_BANDS = [
  { name: "full", minRatio: 0.9995 },
  { name: "minor", minRatio: 0.99 },
  { name: "partial", minRatio: 0.95 },
  { name: "major", minRatio: 0 },
] as const;

export type UptimeBand = (typeof UPTIME_BANDS)[number]["name"] | "none";

export function uptimeBand(ratio: number | null): UptimeBand {
  if (ratio === null) return "none";
  return UPTIME_BANDS.find((b) => ratio >= b.minRatio)!.name;
}
