// Credentials and plans share one question: do they last until the end of the period's
// last day (midnight India time)? Expiring during the period is as bad as before it.

import type { PeriodUnderReview } from "./types";
import { dayText, instantDayText } from "./wording";

/** What expires, for the sentence: "The plan expires…", "The credentials expire…". */
export interface Expiring {
  noun: string;
  plural: boolean;
}

/** Whether something expiring at `expiresAtMs` (null: no expiry known) is still valid when the period ends, in words. */
export function expiryAgainstPeriod(
  expiresAtMs: number | null,
  period: PeriodUnderReview,
  nowMs: number,
  what: Expiring,
): { lasts: boolean; text: string } {
  const [expire, are] = what.plural ? ["expire", "are"] : ["expires", "is"];
  if (expiresAtMs === null) return { lasts: true, text: `No expiry date is recorded for the ${what.noun}.` };
  const on = instantDayText(expiresAtMs);
  if (expiresAtMs <= nowMs) return { lasts: false, text: `The ${what.noun} expired on ${on}.` };
  if (expiresAtMs < period.toMs) {
    return { lasts: false, text: `The ${what.noun} ${expire} on ${on}, before the period ends on ${dayText(period.endsOn)}.` };
  }
  return { lasts: true, text: `The ${what.noun} ${are} valid until ${on}, after the period ends on ${dayText(period.endsOn)}.` };
}
