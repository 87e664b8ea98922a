import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IncidentCard } from "~/components/IncidentCard";
import { MaintenanceList } from "~/components/MaintenanceList";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { StatusBanner } from "~/components/StatusBanner";
import { StatusLabel } from "~/components/StatusLabel";
import { UptimeBar, UptimeBarScale } from "~/components/UptimeBar";
import { UptimeLegend } from "~/components/UptimeLegend";
import { getStatusPage } from "~/data/public.server";
import { formatDay, formatUptime } from "~/lib/format";
import { INDICATOR_LABELS, localize } from "~/lib/labels";
import { UPTIME_BAR_DAYS } from "../../db/health/uptime";

export async function loader({ context }: LoaderFunctionArgs) {
  return json(getStatusPage(context.db, Date.now()));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${INDICATOR_LABELS[data.indicator]} · ShopIQ Integration Status` : "ShopIQ Integration Status" },
];

export default function StatusPage() {
  const page = useLoaderData<typeof loader>();
  const dayLabels = page.days.map(formatDay);
  return (
    <>
      <h1 className="visually-hidden">ShopIQ Integration Status</h1>
      <StatusBanner indicator={page.indicator} nowMs={page.nowMs} />
      <NoGuaranteeNotice />

      {page.openIncidents.length > 0 ? (
        <section aria-labelledby="open-incidents" className="section">
          <h2 id="open-incidents">Open incidents</h2>
          {page.openIncidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} nowMs={page.nowMs} />
          ))}
        </section>
      ) : null}

      {page.maintenance.length > 0 ? (
        <section aria-labelledby="maintenance" className="section">
          <h2 id="maintenance">Provider maintenance</h2>
          <MaintenanceList items={page.maintenance} />
        </section>
      ) : null}

      <section aria-labelledby="providers" className="section">
        <div className="section__header">
          <h2 id="providers">Providers</h2>
          <UptimeLegend />
        </div>
        {page.groups.map((group) => (
          <section key={group.slug} className="group" aria-labelledby={`group-${group.slug}`}>
            <header className="group__header">
              <h3 id={`group-${group.slug}`}>{localize(group.name)}</h3>
              <StatusLabel status={group.status} />
            </header>
            <ul className="provider-list">
              {group.providers.map((p) => (
                <li key={p.slug} className="provider-row">
                  <div className="provider-row__head">
                    <Link to={`/providers/${p.slug}`} className="provider-row__name">
                      {p.name}
                    </Link>
                    <StatusLabel status={p.status} />
                  </div>
                  <UptimeBar dayLabels={dayLabels} bar={p.bar} incidents={page.barIncidents} providerName={p.name} />
                  <div className="provider-row__foot">
                    <UptimeBarScale days={UPTIME_BAR_DAYS} />
                    <span className="provider-row__uptime">{formatUptime(p.bar.uptime)} uptime</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}
