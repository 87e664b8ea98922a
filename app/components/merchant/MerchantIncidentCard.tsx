import { Link } from "@remix-run/react";
import type { MerchantIncident } from "../../../db/merchants/connections-view";
import { ActionList } from "~/components/ActionList";
import { DetectedNotice, ImpactTag, IncidentStatusTag } from "~/components/IncidentCard";
import { formatDateTime, formatTimeAgo } from "~/lib/format";
import { INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";
import { InlineMarkdown } from "~/lib/markdown";

interface Props {
  incident: MerchantIncident;
  /** The merchant's own providers among those the incident affects. */
  yourProviders: string[];
  nowMs: number;
}

/** An open provider incident that reaches this merchant: what it breaks in their store, and what to do, from the incident itself. */
export function MerchantIncidentCard({ incident, yourProviders, nowMs }: Props) {
  const titleId = `incident-${incident.id}-title`;
  return (
    <article id={`incident-${incident.id}`} className={`incident-card incident-card--${incident.impact}`} aria-labelledby={titleId}>
      <header className="incident-card__header">
        <h3 id={titleId}>
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
          <dt>Your connections</dt>
          <dd>{yourProviders.join(", ")}</dd>
        </div>
        <div>
          <dt>Affected</dt>
          <dd>
            {incident.providers.map((p) => `${p.name} (${PROVIDER_IMPACT_LABELS[p.impact].toLowerCase()})`).join(", ")}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            {formatDateTime(incident.startedAtMs)} ({formatTimeAgo(incident.startedAtMs, nowMs)})
          </dd>
        </div>
      </dl>
      {incident.workflows.length > 0 ? (
        <>
          <h4>What may not work in your store</h4>
          <ul className="incident-workflows">
            {incident.workflows.map((w) => (
              <li key={w.slug}>
                <strong>{localize(w.name)}</strong>: {localize(w.effect)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {incident.latestUpdate ? (
        <p className="incident-card__update">
          <strong>{INCIDENT_STATUS_LABELS[incident.latestUpdate.status]}</strong> · {formatTimeAgo(incident.latestUpdate.createdAtMs, nowMs)}
          : <InlineMarkdown source={incident.latestUpdate.body} />
        </p>
      ) : null}
      {incident.actions.length > 0 ? (
        <>
          <h4>What to do</h4>
          <ActionList actions={incident.actions} />
        </>
      ) : null}
      <p className="incident-card__more">
        <Link to={`/incidents/${incident.id}`}>Full timeline of this incident →</Link>
      </p>
    </article>
  );
}
