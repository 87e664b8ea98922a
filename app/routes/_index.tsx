import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { IncidentCard } from "~/components/IncidentCard";
import { MaintenanceList } from "~/components/MaintenanceList";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { StatusBanner } from "~/components/StatusBanner";
import { StatusLabel } from "~/components/StatusLabel";
import { UptimeBar, UptimeBarScale } from "~/components/UptimeBar";
import { UptimeLegend } from "~/components/UptimeLegend";
import { getStatusPage } from "~/data/public.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { UPTIME_BAR_DAYS } from "../../db/health/uptime";

export async function loader({ context }: LoaderFunctionArgs) {
  return json(getStatusPage(context.db, Date.now()));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data ? (t) => t(`indicator.${data.indicator}`) : null);

export default function StatusPage() {
  const page = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const dayLabels = page.days.map(format.day);
  return (
    <>
      <h1 className="visually-hidden">{t("site.name")}</h1>
      <StatusBanner indicator={page.indicator} nowMs={page.nowMs} />
      <NoGuaranteeNotice />

      {page.openIncidents.length > 0 ? (
        <section aria-labelledby="open-incidents" className="section">
          <h2 id="open-incidents">{t("status.openIncidents")}</h2>
          {page.openIncidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} nowMs={page.nowMs} />
          ))}
        </section>
      ) : null}

      <p className="muted">
        <Trans i18nKey="status.subscribe" components={{ subscribeLink: <Link to="/subscribe" /> }} />
      </p>

      {page.maintenance.length > 0 ? (
        <section aria-labelledby="maintenance" className="section">
          <h2 id="maintenance">{t("status.providerMaintenance")}</h2>
          <MaintenanceList items={page.maintenance} />
        </section>
      ) : null}

      <section aria-labelledby="providers" className="section">
        <div className="section__header">
          <h2 id="providers">{t("status.providers")}</h2>
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
                    <span className="provider-row__uptime">{t("status.uptime", { uptime: format.uptime(p.bar.uptime) })}</span>
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
