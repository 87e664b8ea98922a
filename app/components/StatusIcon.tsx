import type { ProviderStatus } from "../../db/schema/enums";

// Each status has its own shape as well as its own colour, so that it reads without colour.
const PATHS: Record<ProviderStatus, string> = {
  operational: "M4 8.5l2.5 2.5L12 5.5",
  under_maintenance: "M5 5h6M5 8h6M5 11h6",
  degraded_performance: "M8 4v5M8 11.5v.5",
  partial_outage: "M4 8h8",
  major_outage: "M5 5l6 6M11 5l-6 6",
};

export function StatusIcon({ status }: { status: ProviderStatus }) {
  return (
    <svg className={`status-icon status-icon--${status}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="8" />
      <path d={PATHS[status]} />
    </svg>
  );
}
