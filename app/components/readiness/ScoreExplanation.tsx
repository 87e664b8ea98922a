import { Trans } from "react-i18next";
import { countVerdicts, MAX_READINESS_SCORE, PENALTY_POINTS, unclampedScore } from "../../../db/readiness/score";
import type { ReadinessVerdict } from "../../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";

/** How the score was reached, with the report's own numbers: "100 − 2 fails × 20 − 3 warnings × 5 = 45". */
export function ScoreExplanation({ items }: { items: { verdict: ReadinessVerdict }[] }) {
  const { t, format } = useI18n();
  const counts = countVerdicts(items);
  const raw = unclampedScore(counts);
  const sum = t("readiness.score.sum", {
    max: format.count(MAX_READINESS_SCORE),
    fails: t("readiness.score.fails", { count: counts.fail, n: format.count(counts.fail) }),
    failPoints: format.count(PENALTY_POINTS.fail),
    warnings: t("readiness.score.warnings", { count: counts.warning, n: format.count(counts.warning) }),
    warningPoints: format.count(PENALTY_POINTS.warning),
    // Written with a true minus sign, as the sum's other signs.
    result: raw < 0 ? t("readiness.score.belowZero", { raw: `−${format.count(-raw)}` }) : format.count(raw),
  });
  return (
    <div className="score-explanation">
      <p>
        <Trans
          i18nKey="readiness.score.explained"
          values={{ max: format.count(MAX_READINESS_SCORE), failPoints: format.count(PENALTY_POINTS.fail), warningPoints: format.count(PENALTY_POINTS.warning) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p className="score-explanation__sum">
        {t("readiness.score.thisReport", { sum, passes: t("readiness.score.passes", { count: counts.pass, n: format.count(counts.pass) }) })}
      </p>
    </div>
  );
}
