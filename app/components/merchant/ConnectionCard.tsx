import { Link } from "@remix-run/react";
import { Trans } from "react-i18next";
import type { ConnectionUptime, MerchantConnection, StepSource } from "../../../db/merchants/connections-view";
import { ActionList } from "~/components/ActionList";
import { useI18n } from "~/i18n/page-i18n";
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
  const { t, format, localize } = useI18n();
  const { provider, failure, uptime } = connection;
  const titleId = `connection-${connection.id}-title`;
  const windows = [
    ["last7Days", uptime.last7Days],
    ["last30Days", uptime.last30Days],
    ["last90Days", uptime.last90Days],
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
          {connection.connectionState === "disconnected" ? <span className="tag tag--disconnected">{t("connection.disconnected")}</span> : null}
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>{t("connection.lastChecked")}</dt>
          <dd>
            {connection.lastCheckedAtMs === null
              ? t("connection.notCheckedYet")
              : t("incident.startedAt", { time: format.dateTime(connection.lastCheckedAtMs), ago: format.timeAgo(connection.lastCheckedAtMs, nowMs) })}
          </dd>
        </div>
        <div>
          <dt>{t("connection.providerStatus")}</dt>
          <dd>
            <Link to={`/providers/${provider.slug}`}>{t("connection.onStatusPage", { provider: provider.name })}</Link>
          </dd>
        </div>
        {incidents.length > 0 ? (
          <div>
            <dt>{t("connection.openIncident")}</dt>
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
          <h4>{t("connection.whyFailing")}</h4>
          {failure.cause ? (
            <>
              <p className="failure__sentence">{localize(failure.cause.sentence)}</p>
              <dl className="facts">
                <div>
                  <dt>{t("connection.whoseSide")}</dt>
                  <dd>
                    <span className={`side side--${failure.cause.side}`}>{t(`causeSide.${failure.cause.side}`)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t("incidentPage.cause")}</dt>
                  <dd>{localize(failure.cause.name)}</dd>
                </div>
              </dl>
              <p>{localize(failure.cause.explanation)}</p>
              {failure.cause.side === "provider" ? (
                <p>
                  <Trans i18nKey="connection.providerSide" values={{ provider: provider.name }} components={{ promise: <a href={`#${noGuaranteeId}`} /> }} />
                </p>
              ) : null}
            </>
          ) : (
            <>
              <p className="failure__sentence">{t("connection.causeUnknown", { provider: provider.name })}</p>
              <dl className="facts">
                <div>
                  <dt>{t("connection.whoseSide")}</dt>
                  <dd>
                    <span className="side side--unknown">{t("causeSide.unknown")}</span>
                  </dd>
                </div>
              </dl>
            </>
          )}
          <h4>{t("incidentPage.whatToDo")}</h4>
          <Steps steps={failure.steps} causeName={failure.cause ? localize(failure.cause.name) : null} categoryName={localize(provider.category.name)} />
        </div>
      ) : null}

      <h4>{t("provider.uptime")}</h4>
      <dl className="uptime-stats connection-uptime">
        {windows.map(([window, ratio]) => (
          <div key={window}>
            <dt>{t(`window.${window}`)}</dt>
            <dd>{format.uptime(ratio)}</dd>
          </div>
        ))}
      </dl>
      <ConnectionUptimeChart chartId={`connection-${connection.id}-uptime-chart`} providerName={provider.name} days={days} byDay={uptime.byDay} />
    </article>
  );
}

/** Weighted advice first, then the steps in their groups and order: what to check first, the cause's steps, the category's checklist. */
function Steps({ steps, causeName, categoryName }: { steps: NonNullable<MerchantConnection["failure"]>["steps"]; causeName: string | null; categoryName: string }) {
  const { t } = useI18n();
  const of = (source: StepSource) => steps.filter((s) => s.source === source && s.kind !== "advice");
  const groups = [
    { key: "check-first", title: t("connection.steps.checkFirst"), steps: of("check-first") },
    { key: "cause", title: causeName ? t("connection.steps.forCause", { cause: causeName }) : t("connection.steps.forThisCause"), steps: of("cause") },
    { key: "category", title: t("connection.steps.categoryChecklist", { category: categoryName }), steps: of("category") },
  ].filter((g) => g.steps.length > 0);
  return (
    <>
      <ActionList actions={steps.filter((s) => s.kind === "advice")} />
      {groups.map((g) => (
        <div key={g.key} className="steps-group">
          <p className="steps-group__title">{g.title}</p>
          <ActionList actions={g.steps} />
        </div>
      ))}
    </>
  );
}
