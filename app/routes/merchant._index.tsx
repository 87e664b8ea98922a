import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CauseBreakdown } from "~/components/merchant/CauseBreakdown";
import { ConnectionCard } from "~/components/merchant/ConnectionCard";
import { CONNECTION_STATE_LABELS } from "~/components/merchant/ConnectionStateLabel";
import { MerchantIncidentCard } from "~/components/merchant/MerchantIncidentCard";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getMerchantConnectionsView } from "~/data/merchant-connections.server";
import { formatUptime } from "~/lib/format";
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

export const meta: MetaFunction = () => [{ title: "My connections · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export default function MyConnections() {
  const page = useLoaderData<typeof loader>();
  const { connections, openIncidents, overallUptime, causes, nowMs, days } = page;
  const failing = connections.filter((c) => c.failure !== null);
  const notKnown = connections.filter((c) => c.state === "unknown").length;
  const myProviderIds = new Set(connections.map((c) => c.provider.id));
  const incidentsOf = (providerId: number) =>
    openIncidents.filter((i) => i.providers.some((p) => p.id === providerId)).map((i) => ({ id: i.id, title: i.title }));
  const overall = [
    ["Last 7 days", overallUptime.last7Days],
    ["Last 30 days", overallUptime.last30Days],
    ["Last 90 days", overallUptime.last90Days],
  ] as const;

  return (
    <div className="my-connections">
      <h1>My connections</h1>
      {connections.length === 0 ? (
        <p className="lead">ShopIQ has no integrations on record for your store yet. Once you connect one in ShopIQ, its health shows here.</p>
      ) : (
        <>
          <p className="lead">
            {connections.length} {connections.length === 1 ? "connection" : "connections"}:{" "}
            {failing.length === 0 ? "none failing" : `${failing.length} failing`}
            {notKnown > 0 ? `, ${notKnown} not checked enough yet to know` : ""}
            {openIncidents.length > 0 ? `; ${openIncidents.length} open provider ${openIncidents.length === 1 ? "incident" : "incidents"} affecting you` : ""}.
          </p>
          {failing.length > 0 ? (
            <ul className="attention-list">
              {failing.map((c) => (
                <li key={c.id}>
                  <a href={`#connection-${c.id}`}>{c.provider.name}</a>: {CONNECTION_STATE_LABELS[c.state].toLowerCase()}
                  {c.failure?.cause ? `. ${c.failure.cause.sentence}` : "."}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}

      {openIncidents.length > 0 ? (
        <section className="section" aria-labelledby="provider-incidents">
          <h2 id="provider-incidents">Provider incidents affecting your connections</h2>
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
            <h2 id="overall-uptime">Overall integration uptime</h2>
            <dl className="uptime-stats connection-uptime">
              {overall.map(([label, ratio]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{formatUptime(ratio)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">
              The share of all checks of all your connections that succeeded. Slow responses count as up; checks during a provider&rsquo;s
              announced maintenance are not counted; a period without checks shows as no data.
            </p>
          </section>

          <section className="section" aria-labelledby="your-connections">
            <h2 id="your-connections">Your connections</h2>
            {connections.map((c) => (
              <ConnectionCard key={c.id} connection={c} days={days} nowMs={nowMs} incidents={incidentsOf(c.provider.id)} noGuaranteeId={NO_GUARANTEE_ID} />
            ))}
          </section>

          <section className="section" aria-labelledby="causes">
            <h2 id="causes">What caused failures</h2>
            <CauseBreakdown breakdown={causes} days={days.length} />
            <div id={NO_GUARANTEE_ID} className="no-guarantee-context">
              <p>
                Causes on your side can be fixed in your own provider accounts with the steps above. Causes on the provider&rsquo;s side are
                outside your account and outside ShopIQ.
              </p>
              <NoGuaranteeNotice compact />
              <p>
                Before a sale, campaign or festival, <Link to={`/merchant/readiness${page.viewQuery}`}>review your readiness</Link>.
              </p>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
