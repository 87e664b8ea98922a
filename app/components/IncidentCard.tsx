import { Link } from "@remix-run/react";
import type { IncidentSummary } from "../../db/queries/incidents";
import { formatDateTime, formatDuration, formatTimeAgo } from "~/lib/format";
import { InlineMarkdown } from "~/lib/markdown";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";

export function ImpactTag({ impact }: { impact: IncidentSummary["impact"] }) {
  return <span className={`tag tag--impact-${impact}`}>{IMPACT_LABELS[impact]} impact</span>;
}

export function IncidentStatusTag({ status }: { status: IncidentSummary["status"] }) {
  return <span className={`tag tag--status-${status}`}>{INCIDENT_STATUS_LABELS[status]}</span>;
}

/** Said of an incident our checks opened and no one from ShopIQ has confirmed yet. */
export function DetectedNotice() {
  return (
    <p className="detected-notice">
      Detected automatically by our checks; not yet confirmed by our team. Details may change as we look into it.
    </p>
  );
}

/** An open incident as merchants first see it: what broke, for whom, since when, and the latest word. */
export function IncidentCard({ incident, nowMs }: { incident: IncidentSummary; nowMs: number }) {
  return (
    <article className={`incident-card incident-card--${incident.impact}`} aria-labelledby={`incident-${incident.id}-title`}>
      <header className="incident-card__header">
        <h3 id={`incident-${incident.id}-title`}>
          <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
        </h3>
        <div className="tags">
          <ImpactTag impact={incident.impact} />
          <IncidentStatusTag status={incident.status} />
        </div>
      </header>
      {incident.unconfirmedDetection ? <DetectedNotice /> : null}
      <dl className="facts">
        <div>
          <dt>Affected</dt>
          <dd>
            {incident.providers.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ", " : ""}
                <Link to={`/providers/${p.slug}`}>{p.name}</Link> ({PROVIDER_IMPACT_LABELS[p.impact].toLowerCase()})
              </span>
            ))}
          </dd>
        </div>
        {incident.workflows.length > 0 ? (
          <div>
            <dt>What may not work</dt>
            <dd>{incident.workflows.map((w) => localize(w.name)).join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>Started</dt>
          <dd>
            {formatDateTime(incident.startedAtMs)} ({formatTimeAgo(incident.startedAtMs, nowMs)})
          </dd>
        </div>
      </dl>
      {incident.latestUpdate ? (
        <p className="incident-card__update">
          <strong>{INCIDENT_STATUS_LABELS[incident.latestUpdate.status]}</strong> · {formatTimeAgo(incident.latestUpdate.createdAtMs, nowMs)}
          : <InlineMarkdown source={incident.latestUpdate.body} />
        </p>
      ) : null}
      <p className="incident-card__more">
        <Link to={`/incidents/${incident.id}`}>What to do and full timeline →</Link>
      </p>
    </article>
  );
}

/** A line in a list of incidents: title, impact, dates and how long it lasted. */
export function IncidentListItem({ incident, nowMs, href }: { incident: IncidentSummary; nowMs: number; href?: string }) {
  const end = incident.resolvedAtMs ?? nowMs;
  return (
    <li className="incident-line">
      <Link to={href ?? `/incidents/${incident.id}`} className="incident-line__title">
        {incident.title}
      </Link>
      <div className="tags">
        <ImpactTag impact={incident.impact} />
        <IncidentStatusTag status={incident.status} />
      </div>
      <p className="muted">
        {incident.providers.map((p) => p.name).join(", ")} · {formatDateTime(incident.startedAtMs)} ·{" "}
        {incident.resolvedAtMs === null ? `ongoing for ${formatDuration(end - incident.startedAtMs)}` : `lasted ${formatDuration(end - incident.startedAtMs)}`}
      </p>
    </li>
  );
}
