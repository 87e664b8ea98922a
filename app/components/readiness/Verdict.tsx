import type { ReadinessVerdict } from "../../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";

// A shape as well as a word and a colour, so the verdict reads in greyscale print and without colour vision.
const MARKS: Record<ReadinessVerdict, string> = { fail: "✕", warning: "!", pass: "✓" };

export function VerdictLabel({ verdict }: { verdict: ReadinessVerdict }) {
  const { t } = useI18n();
  return (
    <span className={`verdict verdict--${verdict}`}>
      <span className="verdict__mark" aria-hidden="true">
        {MARKS[verdict]}
      </span>
      {t(`readiness.verdict.${verdict}`)}
    </span>
  );
}

/** A verdict, or a note that the item was not in that report (a connection added or removed since). */
export function VerdictOrNone({ verdict }: { verdict: ReadinessVerdict | null }) {
  const { t } = useI18n();
  return verdict ? <VerdictLabel verdict={verdict} /> : <span className="muted">{t("readiness.compare.notInReport")}</span>;
}
