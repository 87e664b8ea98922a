// The options the incident forms share, so each list reads the same wherever ops choose from it.

import { INCIDENT_IMPACTS, PROVIDER_IMPACTS, type IncidentStatus } from "../../../../db/schema/enums";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS } from "~/lib/labels";

/** The statuses a form offers, in lifecycle order. */
export function StatusOptions({ statuses }: { statuses: readonly IncidentStatus[] }) {
  return (
    <>
      {statuses.map((s) => (
        <option key={s} value={s}>
          {INCIDENT_STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}

/** The impacts a provider can suffer. */
export function ProviderImpactOptions() {
  return (
    <>
      {PROVIDER_IMPACTS.map((impact) => (
        <option key={impact} value={impact}>
          {PROVIDER_IMPACT_LABELS[impact]}
        </option>
      ))}
    </>
  );
}

/** The overall impact: derived from the providers unless ops override it. */
export function ImpactOverrideOptions() {
  return (
    <>
      <option value="">Derived from the providers’ impacts</option>
      {INCIDENT_IMPACTS.map((impact) => (
        <option key={impact} value={impact}>
          {IMPACT_LABELS[impact]} (override)
        </option>
      ))}
    </>
  );
}
