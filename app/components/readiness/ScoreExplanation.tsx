import { countVerdicts, MAX_READINESS_SCORE, PENALTY_POINTS, scoreSum } from "../../../db/readiness/score";
import type { ReadinessVerdict } from "../../../db/schema/enums";

/** How the score was reached, with the report's own numbers. */
export function ScoreExplanation({ items }: { items: { verdict: ReadinessVerdict }[] }) {
  const counts = countVerdicts(items);
  return (
    <div className="score-explanation">
      <p>
        The score starts at {MAX_READINESS_SCORE}. Each <strong>fail</strong> takes away {PENALTY_POINTS.fail} points and each{" "}
        <strong>warning</strong> {PENALTY_POINTS.warning}; passes cost nothing, and the score never goes below 0. A fail is something
        that will stop orders, payments, shipping or messages during the period unless you fix it; a warning is a risk or something
        ShopIQ cannot see.
      </p>
      <p className="score-explanation__sum">
        This report: {scoreSum(counts)} ({counts.pass} {counts.pass === 1 ? "pass" : "passes"}).
      </p>
    </div>
  );
}
