import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { CauseBreakdown } from "~/components/merchant/CauseBreakdown";
import { ConnectionCard } from "~/components/merchant/ConnectionCard";
import { MerchantIncidentCard } from "~/components/merchant/MerchantIncidentCard";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getMerchantConnectionsView } from "~/data/merchant-connections.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { requireMerchantViewer } from "~/merchant/session.server";
import styles from "~/styles/merchant.css";

/** A merchant's own data: never kept by a shared cache, nor by the browser for the next person at the desk. */
const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NO_GUARANTEE_ID = "no-guarantee";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  const view = getMerchantConnectionsView(context.db, viewer.merchantId, Date.now());
  return json({ viewQuery: viewer.viewQuery, ...view }, { headers: PRIVATE_NO_STORE });
}

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("merchant.connections.title"), { noindex: true });

export default function MyConnections() {
  const page = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const { connections, openIncidents, overallUptime, causes, nowMs, days } = page;
  const failing = connections.filter((c) => c.failure !== null);
  const notKnown = connections.filter((c) => c.state === "unknown").length;
  const myProviderIds = new Set(connections.map((c) => c.provider.id));
  const incidentsOf = (providerId: number) =>
    openIncidents.filter((i) => i.providers.some((p) => p.id === providerId)).map((i) => ({ id: i.id, title: i.title }));
  const overall = [
    ["last7Days", overallUptime.last7Days],
    ["last30Days", overallUptime.last30Days],
    ["last90Days", overallUptime.last90Days],
  ] as const;
  const counted = (count: number) => ({ count, n: format.count(count) });

  return (
    <div className="my-connections">
      <h1>{t("merchant.connections.title")}</h1>
      {connections.length === 0 ? (
        <p className="lead">{t("merchant.connections.none")}</p>
      ) : (
        <>
          <p className="lead">
            {failing.length === 0
              ? t("merchant.connections.summaryNoneFailing", counted(connections.length))
              : t("merchant.connections.summaryFailing", { ...counted(connections.length), failing: format.count(failing.length) })}
            {notKnown > 0 ? ` ${t("merchant.connections.notKnown", counted(notKnown))}` : ""}
            {openIncidents.length > 0 ? ` ${t("merchant.connections.incidents", counted(openIncidents.length))}` : ""}
          </p>
          {failing.length > 0 ? (
            <ul className="attention-list">
              {failing.map((c) => (
                <li key={c.id}>
                  <a href={`#connection-${c.id}`}>{c.provider.name}</a>: {t("merchant.connections.attention", { state: t(`connectionStateInline.${c.state}`) })}
                  {c.failure?.cause ? ` ${localize(c.failure.cause.sentence)}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}

      {openIncidents.length > 0 ? (
        <section className="section" aria-labelledby="provider-incidents">
          <h2 id="provider-incidents">{t("merchant.connections.incidentsTitle")}</h2>
          {openIncidents.map((i) => (
            <MerchantIncidentCard
              key={i.id}
              incident={i}
              yourProviders={i.providers.filter((p) => myProviderIds.has(p.id)).map((p) => p.name)}
              nowMs={nowMs}
            />
          ))}
        </section>
      ) : null}

      {connections.length > 0 ? (
        <>
          <section className="section" aria-labelledby="overall-uptime">
            <h2 id="overall-uptime">{t("merchant.connections.overallUptime")}</h2>
            <dl className="uptime-stats connection-uptime">
              {overall.map(([window, ratio]) => (
                <div key={window}>
                  <dt>{t(`window.${window}`)}</dt>
                  <dd>{format.uptime(ratio)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">{t("merchant.connections.overallExplained")}</p>
          </section>

          <section className="section" aria-labelledby="your-connections">
            <h2 id="your-connections">{t("merchant.connections.yours")}</h2>
            {connections.map((c) => (
              <ConnectionCard key={c.id} connection={c} days={days} nowMs={nowMs} incidents={incidentsOf(c.provider.id)} noGuaranteeId={NO_GUARANTEE_ID} />
            ))}
          </section>

          <section className="section" aria-labelledby="causes">
            <h2 id="causes">{t("merchant.connections.causesTitle")}</h2>
            <CauseBreakdown breakdown={causes} days={days.length} />
            <div id={NO_GUARANTEE_ID} className="no-guarantee-context">
              <p>{t("merchant.connections.sides")}</p>
              <NoGuaranteeNotice compact />
              <p>
                <Trans i18nKey="merchant.connections.beforeSale" components={{ readiness: <Link to={`/merchant/readiness${page.viewQuery}`} /> }} />
              </p>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
