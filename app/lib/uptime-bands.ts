/** Colour bands of a day's uptime, best first; the last band takes everything below. */
export const UPTIME_BANDS = [
  { name: "full", minRatio: 0.9995, label: "no downtime" },
  { name: "minor", minRatio: 0.99, label: "minor downtime" },
  { name: "partial", minRatio: 0.95, label: "partial outage" },
  { name: "major", minRatio: 0, label: "major outage" },
] as const;

export type UptimeBand = (typeof UPTIME_BANDS)[number]["name"] | "none";

export function uptimeBand(ratio: number | null): UptimeBand {
  if (ratio === null) return "none";
  return UPTIME_BANDS.find((b) => ratio >= b.minRatio)!.name;
}
