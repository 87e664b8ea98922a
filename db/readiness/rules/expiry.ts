// Credentials and plans share one question: do they last until the end of the period's
// last day (midnight India time)? Expiring during the period is as bad as before it.

import type { PeriodUnderReview } from "./types";
import type { Phrase } from "./wording";

/** What expires: its sentences are `expiry.<what>.*`, each language agreeing its verb with its own noun. */
export type Expiring = "credentials" | "plan";

/** Whether something expiring at `expiresAtMs` (null: no expiry known) is still valid when the period ends, in words. */
export function expiryAgainstPeriod(
  expiresAtMs: number | null,
  period: PeriodUnderReview,
  nowMs: number,
  what: Expiring,
): { lasts: boolean; text: Phrase } {
  if (expiresAtMs === null) return { lasts: true, text: (w) => w.t(`expiry.${what}.none`) };
  const dates = (w: Parameters<Phrase>[0]) => ({ on: w.instantDay(expiresAtMs), end: w.day(period.endsOn) });
  if (expiresAtMs <= nowMs) return { lasts: false, text: (w) => w.t(`expiry.${what}.expired`, dates(w)) };
  if (expiresAtMs < period.toMs) return { lasts: false, text: (w) => w.t(`expiry.${what}.beforeEnd`, dates(w)) };
  return { lasts: true, text: (w) => w.t(`expiry.${what}.lasts`, dates(w)) };
}
