import { Link } from "@remix-run/react";
import type { ConnectionUptime, MerchantConnection, StepSource } from "../../../db/merchants/connections-view";
import { CAUSE_SIDE_LABELS } from "../../../db/merchants/cause-wording";
import { ActionList } from "~/components/ActionList";
import { formatDateTime, formatTimeAgo, formatUptime } from "~/lib/format";
import { localize } from "~/lib/labels";
import { ConnectionStateLabel } from "./ConnectionStateLabel";
import { ConnectionUptimeChart } from "./ConnectionUptimeChart";

interface Props {
  connection: MerchantConnection & { uptime: ConnectionUptime };
  days: string[];
  nowMs: number;
  /** Open incidents on this connection's provider, shown at the top of the page. */
  incidents: { id: number; title: string }[];
  /** The id of the no-guarantee statement on this page, for provider-side causes. */
  noGuaranteeId: string;
}

/** One of the merchant's connections: its state, when it was last checked, why it fails and what to do, and its uptime. */
export function ConnectionCard({ connection, days, nowMs, incidents, noGuaranteeId }: Props) {
  const { provider, failure, uptime } = connection;
  const titleId = `connection-${connection.id}-title`;
  const windows = [
    ["Last 7 days", uptime.last7Days],
    ["Last 30 days", uptime.last30Days],
    ["Last 90 days", uptime.last90Days],
  ] as const;
  return (
    <article id={`connection-${connection.id}`} className={`connection-card connection-card--${connection.state}`} aria-labelledby={titleId}>
      <header className="connection-card__header">
        <div>
          <h3 id={titleId}>{provider.name}</h3>
          <p className="connection-card__category muted">{localize(provider.category.name)}</p>
        </div>
        <div className="tags">
          <ConnectionStateLabel state={connection.state} />
          {connection.connectionState === "disconnected" ? <span className="tag tag--disconnected">Disconnected in ShopIQ</span> : null}
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>Last checked</dt>
          <dd>
            {connection.lastCheckedAtMs === null
              ? "Not checked yet"
              : `${formatDateTime(connection.lastCheckedAtMs)} (${formatTimeAgo(connection.lastCheckedAtMs, nowMs)})`}
          </dd>
        </div>
        <div>
          <dt>Provider status</dt>
          <dd>
            <Link to={`/providers/${provider.slug}`}>{provider.name} on the public status page</Link>
          </dd>
        </div>
        {incidents.length > 0 ? (
          <div>
            <dt>Open incident</dt>
            <dd>
              {incidents.map((i, n) => (
                <span key={i.id}>
                  {n > 0 ? ", " : ""}
                  <a href={`#incident-${i.id}`}>{i.title}</a>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>

      {failure ? (
        <div className={`failure failure--${failure.cause?.side ?? "unknown"}`}>
          <h4>Why it is failing</h4>
          {failure.cause ? (
            <>
              <p className="failure__sentence">{failure.cause.sentence}</p>
              <dl className="facts">
                <div>
                  <dt>Whose side</dt>
                  <dd>
                    <span className={`side side--${failure.cause.side}`}>{CAUSE_SIDE_LABELS[failure.cause.side]}</span>
                  </dd>
                </div>
                <div>
                  <dt>Cause</dt>
                  <dd>{localize(failure.cause.name)}</dd>
                </div>
              </dl>
              <p>{localize(failure.cause.explanation)}</p>
              {failure.cause.side === "provider" ? (
                <p>
                  This is on {provider.name}&rsquo;s side: <a href={`#${noGuaranteeId}`}>what ShopIQ can and cannot promise</a>.
                </p>
              ) : null}
            </>
          ) : (
            <>
              <p className="failure__sentence">Our checks of your {provider.name} connection fail, and the cause is not known yet.</p>
              <dl className="facts">
                <div>
                  <dt>Whose side</dt>
                  <dd>
                    <span className="side side--unknown">{CAUSE_SIDE_LABELS.unknown}</span>
                  </dd>
                </div>
              </dl>
            </>
          )}
          <h4>What to do</h4>
          <Steps steps={failure.steps} causeName={failure.cause ? localize(failure.cause.name) : null} categoryName={localize(provider.category.name)} />
        </div>
      ) : null}

      <h4>Uptime</h4>
      <dl className="uptime-stats connection-uptime">
        {windows.map(([label, ratio]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatUptime(ratio)}</dd>
          </div>
        ))}
      </dl>
      <ConnectionUptimeChart chartId={`connection-${connection.id}-uptime-chart`} providerName={provider.name} days={days} byDay={uptime.byDay} />
    </article>
  );
}

/** Weighted advice first, then the steps in their groups and order: what to check first, the cause's steps, the category's checklist. */
function Steps({ steps, causeName, categoryName }: { steps: NonNullable<MerchantConnection["failure"]>["steps"]; causeName: string | null; categoryName: string }) {
  const of = (source: StepSource) => steps.filter((s) => s.source === source && s.kind !== "advice");
  const groups = [
    { title: "First, check these", steps: of("check-first") },
    { title: `For this cause${causeName ? ` (${causeName.toLowerCase()})` : ""}`, steps: of("cause") },
    { title: `${categoryName} checklist`, steps: of("category") },
  ].filter((g) => g.steps.length > 0);
  return (
    <>
      <ActionList actions={steps.filter((s) => s.kind === "advice")} />
      {groups.map((g) => (
        <div key={g.title} className="steps-group">
          <p className="steps-group__title">{g.title}</p>
          <ActionList actions={g.steps} />
        </div>
      ))}
    </>
  );
}
