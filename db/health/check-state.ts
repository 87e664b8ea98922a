// A check's confirmed state changes only on evidence: `failureThreshold` failing results
// in a row flip it to failing, `successThreshold` ok results in a row flip it back.
// Within a failing streak the state follows the latest outcome (degraded ↔ down).

import type { CheckOutcome, CheckState } from "../schema/enums";

export interface CheckStateMachine {
  state: CheckState;
  pendingOutcome: CheckState | null;
  pendingCount: number;
}

export interface Thresholds {
  failureThreshold: number;
  successThreshold: number;
}

const isFailing = (s: CheckState | null) => s === "down" || s === "degraded";

export function nextCheckState(
  current: CheckStateMachine,
  outcome: CheckOutcome,
  thresholds: Thresholds,
): CheckStateMachine & { changed: boolean } {
  const failing = isFailing(outcome);
  if (current.state !== "unknown" && failing === isFailing(current.state)) {
    return { state: outcome, pendingOutcome: null, pendingCount: 0, changed: outcome !== current.state };
  }
  const continuesStreak = current.pendingOutcome !== null && isFailing(current.pendingOutcome) === failing;
  const count = continuesStreak ? current.pendingCount + 1 : 1;
  const needed = failing ? thresholds.failureThreshold : thresholds.successThreshold;
  if (count >= needed) return { state: outcome, pendingOutcome: null, pendingCount: 0, changed: true };
  return { state: current.state, pendingOutcome: outcome, pendingCount: count, changed: false };
}
