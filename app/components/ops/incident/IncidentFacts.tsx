import { Link } from "@remix-run/react";
import type { ConsoleIncident } from "../../../../db/incidents/console/detail";
import { formatDateTime } from "~/lib/format";
import { IMPACT_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";

/** What the incident is about, as merchants are told it, and where they read it. */
export function IncidentFacts({ incident }: { incident: ConsoleIncident }) {
  const { summary, impactOverride } = incident;
  return (
    <dl className="facts facts--wide">
      <div>
        <dt>Affected providers</dt>
        <dd>{summary.providers.map((p) => `${p.name} (${PROVIDER_IMPACT_LABELS[p.impact].toLowerCase()})`).join(", ")}</dd>
      </div>
      <div>
        <dt>Overall impact</dt>
        <dd>
          {IMPACT_LABELS[summary.impact]} {impactOverride ? "(set by ops)" : "(derived from the providers)"}
        </dd>
      </div>
      {summary.workflows.length > 0 ? (
        <div>
          <dt>Workflows</dt>
          <dd>{summary.workflows.map((w) => localize(w.name)).join(", ")}</dd>
        </div>
      ) : null}
      <div>
        <dt>Cause</dt>
        <dd>{summary.cause ? localize(summary.cause.name) : "Not known yet"}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(summary.startedAtMs)}</dd>
      </div>
      <div>
        <dt>Public page</dt>
        <dd>
          <Link to={`/incidents/${summary.id}`}>/incidents/{summary.id}</Link>
        </dd>
      </div>
    </dl>
  );
}
