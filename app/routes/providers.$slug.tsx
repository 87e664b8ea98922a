import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/ActionList";
import { DailyUptimeChart, ResponseTimeChart } from "~/components/Charts";
import { IncidentCard, IncidentListItem } from "~/components/IncidentCard";
import { MaintenanceList } from "~/components/MaintenanceList";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { StatusLabel } from "~/components/StatusLabel";
import { getProviderPage } from "~/data/public.server";
import { UptimeBar, UptimeBarScale } from "~/components/UptimeBar";
import { formatDay, formatLatency, formatUptime } from "~/lib/format";
import { PROVIDER_STATUS_LABELS, localize } from "~/lib/labels";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const page = getProviderPage(context.db, params.slug ?? "", Date.now());
  if (!page) throw new Response("Provider not found", { status: 404 });
  return json(page);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.provider.name}: ${PROVIDER_STATUS_LABELS[data.status]} · ShopIQ Integration Status` : "Provider not found" },
  ...(data
    ? [
        { tagName: "link", rel: "alternate", type: "application/atom+xml", title: `${data.provider.name} incidents (Atom)`, href: `/providers/${data.provider.slug}/history.atom` },
        { tagName: "link", rel: "alternate", type: "application/rss+xml", title: `${data.provider.name} incidents (RSS)`, href: `/providers/${data.provider.slug}/history.rss` },
      ]
    : []),
];

export default function ProviderPage() {
  const page = useLoaderData<typeof loader>();
  const { provider } = page;
  const dayLabels = page.days.map(formatDay);
  const windows = [
    ["Last 24 hours", page.uptime.last24Hours],
    ["Last 7 days", page.uptime.last7Days],
    ["Last 30 days", page.uptime.last30Days],
    ["Last 90 days", page.uptime.last90Days],
  ] as const;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Status</Link> › <span>{localize(provider.category.name)}</span>
      </nav>
      <header className="page-header">
        <h1>{provider.name}</h1>
        <StatusLabel status={page.status} />
      </header>
      {provider.description ? <p className="lead">{provider.description}</p> : null}
      <p className="links">
        {provider.websiteUrl ? (
          <a href={provider.websiteUrl} rel="noopener noreferrer">
            {provider.name} website
          </a>
        ) : null}
        {provider.statusPageUrl ? (
          <a href={provider.statusPageUrl} rel="noopener noreferrer">
            {provider.name}&rsquo;s own status page
          </a>
        ) : null}
      </p>
      <NoGuaranteeNotice compact />

      {page.openIncidents.length > 0 ? (
        <section className="section" aria-labelledby="open-incidents">
          <h2 id="open-incidents">Open incidents</h2>
          {page.openIncidents.map((i) => (
            <IncidentCard key={i.id} incident={i} nowMs={page.nowMs} />
          ))}
        </section>
      ) : null}

      {page.maintenance.length > 0 ? (
        <section className="section" aria-labelledby="maintenance">
          <h2 id="maintenance">Maintenance</h2>
          <MaintenanceList items={page.maintenance} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="uptime">
        <h2 id="uptime">Uptime</h2>
        <dl className="uptime-stats">
          {windows.map(([label, ratio]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatUptime(ratio)}</dd>
            </div>
          ))}
        </dl>
        <UptimeBar dayLabels={dayLabels} bar={page.bar} incidents={page.barIncidents} providerName={provider.name} />
        <UptimeBarScale days={page.days.length} />
        <p className="muted">
          Uptime counts the share of our checks of {provider.name} that succeeded. Time inside announced maintenance windows
          is shown separately and not counted; days without checks show as no data.
        </p>
      </section>

      <section className="section" aria-labelledby="daily-chart">
        <h2 id="daily-chart">Daily uptime</h2>
        <DailyUptimeChart daily={page.daily} />
        <details>
          <summary>Daily uptime and response time as a table</summary>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Uptime</th>
                <th scope="col">Average response time</th>
              </tr>
            </thead>
            <tbody>
              {[...page.daily].reverse().map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDay(d.day)}</th>
                  <td>{formatUptime(d.uptime)}</td>
                  <td>{formatLatency(d.averageLatencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="section" aria-labelledby="response-chart">
        <h2 id="response-chart">Response time, last 7 days</h2>
        <ResponseTimeChart hourly={page.hourly} />
      </section>

      <section className="section" aria-labelledby="checklist">
        <h2 id="checklist">If your {provider.name} integration stops working</h2>
        <p>
          First see whether there is an open incident above. If there is none, the problem is more likely in your own{" "}
          {provider.name} account. Check these, in order:
        </p>
        <ActionList actions={page.checklist} />
        <p>
          <Link to="/help">Why integrations stop working, and what to check first</Link>
        </p>
      </section>

      <section className="section" aria-labelledby="past-incidents">
        <h2 id="past-incidents">Past incidents</h2>
        {page.pastIncidents.length === 0 ? (
          <p>No past incidents recorded for {provider.name}.</p>
        ) : (
          <ul className="incident-lines">
            {page.pastIncidents.map((i) => (
              <IncidentListItem key={i.id} incident={i} nowMs={page.nowMs} />
            ))}
          </ul>
        )}
        <p>
          <Link to={`/history?provider=${provider.slug}`}>All incidents of {provider.name}</Link>
        </p>
      </section>
    </>
  );
}
