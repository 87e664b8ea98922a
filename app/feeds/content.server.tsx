// An incident as HTML for feed readers: what the incident page says first (status,
// impact, affected providers) and the whole update trail, newest first. Update bodies go
// through the same safe Markdown as the pages, rendered by React, so whatever ops typed
// arrives as text and only checked links become links.

import { renderToStaticMarkup } from "react-dom/server";
import type { FeedIncident } from "../../db/feeds/incidents";
import { formatDateTime } from "~/lib/format";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS } from "~/lib/labels";
import { Markdown } from "~/lib/markdown";

function IncidentContent({ incident, origin }: { incident: FeedIncident; origin: string }) {
  return (
    <>
      <p>
        <strong>{INCIDENT_STATUS_LABELS[incident.status]}</strong> · {IMPACT_LABELS[incident.impact]} impact · started{" "}
        {formatDateTime(incident.startedAtMs)}
        {incident.resolvedAtMs === null ? null : `, resolved ${formatDateTime(incident.resolvedAtMs)}`}
      </p>
      {incident.unconfirmedDetection ? (
        <p>Detected automatically by our checks; not yet confirmed by our team. Details may change as we look into it.</p>
      ) : null}
      {incident.providers.length > 0 ? (
        <ul>
          {incident.providers.map((p) => (
            <li key={p.slug}>
              <a href={`${origin}/providers/${encodeURIComponent(p.slug)}`}>{p.name}</a>: {PROVIDER_IMPACT_LABELS[p.impact]}
            </li>
          ))}
        </ul>
      ) : null}
      {incident.updates.map((u) => (
        <div key={u.id}>
          <h3>
            {INCIDENT_STATUS_LABELS[u.status]} · {formatDateTime(u.createdAtMs)}
            {u.editedAtMs === null ? null : ` (edited ${formatDateTime(u.editedAtMs)})`}
          </h3>
          <Markdown source={u.body} />
        </div>
      ))}
    </>
  );
}

/** The HTML of an entry's content, to be escaped once more into the XML around it. */
export function incidentContentHtml(incident: FeedIncident, origin: string): string {
  return renderToStaticMarkup(<IncidentContent incident={incident} origin={origin} />);
}
