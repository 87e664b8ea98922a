import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/ActionList";
import { ImpactTag, IncidentStatusTag } from "~/components/IncidentCard";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getIncidentPage } from "~/data/public.server";
import { formatDateTime, formatDuration } from "~/lib/format";
import { Markdown } from "~/lib/markdown";
import { idParam } from "~/lib/params";
import { INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";

const SIDE_LABELS = {
  provider: "on the provider's side",
  merchant: "in the merchant's own account",
  unknown: "on either side",
} as const;

export async function loader({ context, params }: LoaderFunctionArgs) {
  const page = getIncidentPage(context.db, idParam(params, "Incident not found"), Date.now());
  if (!page) throw new Response("Incident not found", { status: 404 });
  return json(page);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.incident.title} · ShopIQ Integration Status` : "Incident not found" },
];

export default function IncidentPage() {
  const { incident, updates, actions, nowMs } = useLoaderData<typeof loader>();
  const end = incident.resolvedAtMs ?? nowMs;
  const actionNote = (a: (typeof actions)[number]) =>
    a.kind === "advice"
      ? undefined
      : a.scope.incidentOnly
      ? "for this incident"
      : a.scope.cause
        ? localize(a.scope.cause.name).toLowerCase()
        : a.scope.category
          ? `${localize(a.scope.category.name).toLowerCase()} checklist`
          : undefined;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Status</Link> › <Link to="/history">History</Link> › <span>Incident {incident.id}</span>
      </nav>
      <header className="page-header page-header--incident">
        <h1>{incident.title}</h1>
        <div className="tags">
          <ImpactTag impact={incident.impact} />
          <IncidentStatusTag status={incident.status} />
        </div>
      </header>

      <dl className="facts facts--wide">
        <div>
          <dt>Affected providers</dt>
          <dd>
            <ul className="plain">
              {incident.providers.map((p) => (
                <li key={p.slug}>
                  <Link to={`/providers/${p.slug}`}>{p.name}</Link>: {PROVIDER_IMPACT_LABELS[p.impact]}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {incident.workflows.length > 0 ? (
          <div>
            <dt>What may not work</dt>
            <dd>
              <ul className="plain">
                {incident.workflows.map((w) => (
                  <li key={w.slug}>
                    <strong>{localize(w.name)}</strong>: {localize(w.effect)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(incident.startedAtMs)}</dd>
        </div>
        <div>
          <dt>{incident.resolvedAtMs === null ? "Ongoing for" : "Resolved"}</dt>
          <dd>
            {incident.resolvedAtMs === null
              ? formatDuration(end - incident.startedAtMs)
              : `${formatDateTime(incident.resolvedAtMs)} (lasted ${formatDuration(end - incident.startedAtMs)})`}
          </dd>
        </div>
        {incident.cause ? (
          <div>
            <dt>Cause</dt>
            <dd>
              {localize(incident.cause.name)}, {SIDE_LABELS[incident.cause.side]}.
              {incident.causeExplanation ? ` ${localize(incident.causeExplanation)}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="section" aria-labelledby="what-to-do">
        <h2 id="what-to-do">What to do</h2>
        {actions.length > 0 ? (
          <ActionList actions={actions.map((a) => ({ kind: a.kind, text: a.text, note: actionNote(a) }))} />
        ) : (
          <p>No specific steps for this incident. See what to check first in the help.</p>
        )}
        <p>
          <Link to="/help">What to check first when an integration stops working</Link>
        </p>
      </section>

      <NoGuaranteeNotice compact />

      <section className="section" aria-labelledby="timeline">
        <h2 id="timeline">Updates</h2>
        <ol className="timeline">
          {updates.map((u) => (
            <li key={u.id} className={`timeline__item timeline__item--${u.status}`}>
              <h3>
                {INCIDENT_STATUS_LABELS[u.status]}
                <time dateTime={new Date(u.createdAtMs).toISOString()}> · {formatDateTime(u.createdAtMs)}</time>
                {u.editedAtMs !== null ? <span className="muted"> (edited)</span> : null}
              </h3>
              <Markdown source={u.body} />
            </li>
          ))}
        </ol>
        {incident.postmortem ? (
          <>
            <h3>Postmortem</h3>
            <Markdown source={incident.postmortem} />
          </>
        ) : null}
      </section>
    </>
  );
}
