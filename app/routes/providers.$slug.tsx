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
import { pageMeta, useI18n } from "~/i18n/page-i18n";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const page = getProviderPage(context.db, params.slug ?? "", Date.now());
  if (!page) throw new Response("Provider not found", { status: 404 });
  return json(page);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta(matches, (t) => (data ? `${data.provider.name}: ${t(`providerStatus.${data.status}`)}` : t("error.notFound"))),
  ...(data
    ? [
        { tagName: "link", rel: "alternate", type: "application/atom+xml", title: `${data.provider.name} incidents (Atom)`, href: `/providers/${data.provider.slug}/history.atom` },
        { tagName: "link", rel: "alternate", type: "application/rss+xml", title: `${data.provider.name} incidents (RSS)`, href: `/providers/${data.provider.slug}/history.rss` },
      ]
    : []),
];

export default function ProviderPage() {
  const page = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const { provider } = page;
  const name = provider.name;
  const dayLabels = page.days.map(format.day);
  const windows = [
    ["last24Hours", page.uptime.last24Hours],
    ["last7Days", page.uptime.last7Days],
    ["last30Days", page.uptime.last30Days],
    ["last90Days", page.uptime.last90Days],
  ] as const;
  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumb">
        <Link to="/">{t("nav.status")}</Link> › <span>{localize(provider.category.name)}</span>
      </nav>
      <header className="page-header">
        <h1>{name}</h1>
        <StatusLabel status={page.status} />
      </header>
      {provider.description ? <p className="lead">{provider.description}</p> : null}
      <p className="links">
        {provider.websiteUrl ? (
          <a href={provider.websiteUrl} rel="noopener noreferrer">
            {t("provider.website", { provider: name })}
          </a>
        ) : null}
        {provider.statusPageUrl ? (
          <a href={provider.statusPageUrl} rel="noopener noreferrer">
            {t("provider.ownStatusPage", { provider: name })}
          </a>
        ) : null}
      </p>
      <NoGuaranteeNotice compact />

      {page.openIncidents.length > 0 ? (
        <section className="section" aria-labelledby="open-incidents">
          <h2 id="open-incidents">{t("status.openIncidents")}</h2>
          {page.openIncidents.map((i) => (
            <IncidentCard key={i.id} incident={i} nowMs={page.nowMs} />
          ))}
        </section>
      ) : null}

      {page.maintenance.length > 0 ? (
        <section className="section" aria-labelledby="maintenance">
          <h2 id="maintenance">{t("provider.maintenance")}</h2>
          <MaintenanceList items={page.maintenance} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="uptime">
        <h2 id="uptime">{t("provider.uptime")}</h2>
        <dl className="uptime-stats">
          {windows.map(([window, ratio]) => (
            <div key={window}>
              <dt>{t(`window.${window}`)}</dt>
              <dd>{format.uptime(ratio)}</dd>
            </div>
          ))}
        </dl>
        <UptimeBar dayLabels={dayLabels} bar={page.bar} incidents={page.barIncidents} providerName={name} />
        <UptimeBarScale days={page.days.length} />
        <p className="muted">{t("provider.uptimeExplained", { provider: name })}</p>
      </section>

      <section className="section" aria-labelledby="daily-chart">
        <h2 id="daily-chart">{t("provider.dailyUptime")}</h2>
        <DailyUptimeChart daily={page.daily} />
        <details>
          <summary>{t("provider.dailyTableSummary")}</summary>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("provider.day")}</th>
                <th scope="col">{t("chart.uptime")}</th>
                <th scope="col">{t("chart.averageResponseTime")}</th>
              </tr>
            </thead>
            <tbody>
              {[...page.daily].reverse().map((d) => (
                <tr key={d.day}>
                  <th scope="row">{format.day(d.day)}</th>
                  <td>{format.uptime(d.uptime)}</td>
                  <td>{format.latency(d.averageLatencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="section" aria-labelledby="response-chart">
        <h2 id="response-chart">{t("provider.responseTime")}</h2>
        <ResponseTimeChart hourly={page.hourly} />
      </section>

      <section className="section" aria-labelledby="checklist">
        <h2 id="checklist">{t("provider.checklistTitle", { provider: name })}</h2>
        <p>{t("provider.checklistIntro", { provider: name })}</p>
        <ActionList actions={page.checklist} />
        <p>
          <Link to="/help">{t("provider.helpLink")}</Link>
        </p>
      </section>

      <section className="section" aria-labelledby="past-incidents">
        <h2 id="past-incidents">{t("provider.pastIncidents")}</h2>
        {page.pastIncidents.length === 0 ? (
          <p>{t("provider.noPastIncidents", { provider: name })}</p>
        ) : (
          <ul className="incident-lines">
            {page.pastIncidents.map((i) => (
              <IncidentListItem key={i.id} incident={i} nowMs={page.nowMs} />
            ))}
          </ul>
        )}
        <p>
          <Link to={`/history?provider=${provider.slug}`}>{t("provider.allIncidents", { provider: name })}</Link>
        </p>
      </section>
    </>
  );
}
