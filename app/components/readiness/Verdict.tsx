import type { PeriodKind, ReadinessVerdict } from "../../../db/schema/enums";

export const VERDICT_LABELS: Record<ReadinessVerdict, string> = { fail: "Fail", warning: "Warning", pass: "Pass" };
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { festival: "Festival", sale: "Sale season", "shopping-event": "Shopping event" };

// A shape as well as a word and a colour, so the verdict reads in greyscale print and without colour vision.
const MARKS: Record<ReadinessVerdict, string> = { fail: "✕", warning: "!", pass: "✓" };

export function VerdictLabel({ verdict }: { verdict: ReadinessVerdict }) {
  return (
    <span className={`verdict verdict--${verdict}`}>
      <span className="verdict__mark" aria-hidden="true">
        {MARKS[verdict]}
      </span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

/** A verdict, or a note that the item was not in that report (a connection added or removed since). */
export function VerdictOrNone({ verdict }: { verdict: ReadinessVerdict | null }) {
  return verdict ? <VerdictLabel verdict={verdict} /> : <span className="muted">Not in this report</span>;
}
