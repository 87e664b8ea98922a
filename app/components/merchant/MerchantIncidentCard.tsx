import { Link } from "@remix-run/react";
import type { MerchantIncident } from "../../../db/merchants/connections-view";
import { ActionList } from "~/components/ActionList";
import { IncidentCardHeading, incidentTitleId } from "~/components/IncidentCard";
import { useI18n } from "~/i18n/page-i18n";
import { InlineMarkdown } from "~/lib/markdown";

interface Props {
  incident: MerchantIncident;
  /** The merchant's own providers among those the incident affects. */
  yourProviders: string[];
  nowMs: number;
}

/** An open provider incident that reaches this merchant: what it breaks in their store, and what to do, from the incident itself. */
export function MerchantIncidentCard({ incident, yourProviders, nowMs }: Props) {
  const { t, format, localize } = useI18n();
  return (
    <article id={`incident-${incident.id}`} className={`incident-card incident-card--${incident.impact}`} aria-labelledby={incidentTitleId(incident.id)}>
      <IncidentCardHeading incident={incident} />
      <dl className="facts">
        <div>
          <dt>{t("merchantIncident.yourConnections")}</dt>
          <dd>{yourProviders.join(", ")}</dd>
        </div>
        <div>
          <dt>{t("incident.affected")}</dt>
          <dd>{incident.providers.map((p) => `${p.name} (${t(`providerImpactInline.${p.impact}`)})`).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("incident.started")}</dt>
          <dd>{t("incident.startedAt", { time: format.dateTime(incident.startedAtMs), ago: format.timeAgo(incident.startedAtMs, nowMs) })}</dd>
        </div>
      </dl>
      {incident.workflows.length > 0 ? (
        <>
          <h4>{t("merchantIncident.whatMayNotWork")}</h4>
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
          <strong>{t(`incidentStatus.${incident.latestUpdate.status}`)}</strong> · {format.timeAgo(incident.latestUpdate.createdAtMs, nowMs)}
          : <InlineMarkdown source={incident.latestUpdate.body} />
        </p>
      ) : null}
      {incident.actions.length > 0 ? (
        <>
          <h4>{t("incidentPage.whatToDo")}</h4>
          <ActionList actions={incident.actions} />
        </>
      ) : null}
      <p className="incident-card__more">
        <Link to={`/incidents/${incident.id}`}>{t("merchantIncident.timelineLink")}</Link>
      </p>
    </article>
  );
}
