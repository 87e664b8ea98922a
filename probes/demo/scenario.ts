// What the demo's simulated providers do over time. Times are in "demo seconds": real
// seconds multiplied by the time scale, so a test can play the same story in seconds.

/** The story repeats with this period; each round another provider has an outage. */
export const ROUND_SECONDS = 20 * 60;
export const OUTAGE_STARTS_AT_SECONDS = 60;
export const OUTAGE_SECONDS = 120;
/** Providers whose outage the rounds take turns with. */
export const OUTAGE_ROTATION = ["shiprocket", "cashfree", "gupshup", "delhivery"] as const;
/** Razorpay's status page reports an incident in this part of each round. */
export const STATUSPAGE_INCIDENT_SECONDS = { from: 5 * 60, to: 12 * 60 } as const;
/** Razorpay's downtime feed: a UPI downtime starts and resolves within each round. */
export const UPI_DOWNTIME_SECONDS = { scheduledFrom: 0, startsAt: 8 * 60, endsAt: 14 * 60 } as const;

export interface Moment {
  round: number;
  secondsIntoRound: number;
  /** The provider that is down right now, if any. */
  outage: string | null;
  statuspageIncident: boolean;
  upiDowntime: "scheduled" | "started" | "resolved";
}

export function momentAt(demoSeconds: number): Moment {
  const round = Math.floor(demoSeconds / ROUND_SECONDS);
  const secondsIntoRound = demoSeconds - round * ROUND_SECONDS;
  const inOutage = secondsIntoRound >= OUTAGE_STARTS_AT_SECONDS && secondsIntoRound < OUTAGE_STARTS_AT_SECONDS + OUTAGE_SECONDS;
  return {
    round,
    secondsIntoRound,
    outage: inOutage ? OUTAGE_ROTATION[round % OUTAGE_ROTATION.length]! : null,
    statuspageIncident: secondsIntoRound >= STATUSPAGE_INCIDENT_SECONDS.from && secondsIntoRound < STATUSPAGE_INCIDENT_SECONDS.to,
    upiDowntime:
      secondsIntoRound < UPI_DOWNTIME_SECONDS.startsAt ? "scheduled" : secondsIntoRound < UPI_DOWNTIME_SECONDS.endsAt ? "started" : "resolved",
  };
}

/** A slow spell: each provider is slow for a few minutes of every round, at its own time. */
export function isSlow(providerSlug: string, secondsIntoRound: number): boolean {
  let h = 0;
  for (const ch of providerSlug) h = (h * 31 + ch.charCodeAt(0)) % ROUND_SECONDS;
  const from = h;
  return secondsIntoRound >= from && secondsIntoRound < from + 180;
}
