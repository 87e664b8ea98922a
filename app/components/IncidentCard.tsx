import { Link } from "@remix-run/react";
import type { IncidentSummary } from "../../db/queries/incidents";
import { useI18n } from "~/i18n/page-i18n";
import { InlineMarkdown } from "~/lib/markdown";

// Incident titles and update bodies are shown as ops wrote them; only the words around them are translated.

export function ImpactTag({ impact }: { impact: IncidentSummary["impact"] }) {
  const { t } = useI18n();
  return <span className={`tag tag--impact-${impact}`}>{t(`impactTag.${impact}`)}</span>;
}

export function IncidentStatusTag({ status }: { status: IncidentSummary["status"] }) {
  const { t } = useI18n();
  return <span className={`tag tag--status-${status}`}>{t(`incidentStatus.${status}`)}</span>;
}

/** Said of an incident our checks opened and no one from ShopIQ has confirmed yet. */
export function DetectedNotice() {
  const { t } = useI18n();
  return <p className="detected-notice">{t("incident.detectedNotice")}</p>;
}

export const incidentTitleId = (id: number) => `incident-${id}-title`;

/** A card's title linking to the incident, its impact and status, and whether ops have yet to confirm it. */
export function IncidentCardHeading({ incident }: { incident: Pick<IncidentSummary, "id" | "title" | "impact" | "status" | "unconfirmedDetection"> }) {
  return (
    <>
      <header className="incident-card__header">
        <h3 id={incidentTitleId(incident.id)}>
          <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
        </h3>
        <div className="tags">
          <ImpactTag impact={incident.impact} />
          <IncidentStatusTag status={incident.status} />
        </div>
      </header>
      {incident.unconfirmedDetection ? <DetectedNotice /> : null}
    </>
  );
}

/** An open incident as merchants first see it: what broke, for whom, since when, and the latest word. */
export function IncidentCard({ incident, nowMs }: { incident: IncidentSummary; nowMs: number }) {
  const { t, format, localize } = useI18n();
  return (
    <article className={`incident-card incident-card--${incident.impact}`} aria-labelledby={incidentTitleId(incident.id)}>
      <IncidentCardHeading incident={incident} />
      <dl className="facts">
        <div>
          <dt>{t("incident.affected")}</dt>
          <dd>
            {incident.providers.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ", " : ""}
                <Link to={`/providers/${p.slug}`}>{p.name}</Link> ({t(`providerImpactInline.${p.impact}`)})
              </span>
            ))}
          </dd>
        </div>
        {incident.workflows.length > 0 ? (
          <div>
            <dt>{t("incident.whatMayNotWork")}</dt>
            <dd>{incident.workflows.map((w) => localize(w.name)).join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("incident.started")}</dt>
          <dd>{t("incident.startedAt", { time: format.dateTime(incident.startedAtMs), ago: format.timeAgo(incident.startedAtMs, nowMs) })}</dd>
        </div>
      </dl>
      {incident.latestUpdate ? (
        <p className="incident-card__update">
          <strong>{t(`incidentStatus.${incident.latestUpdate.status}`)}</strong> · {format.timeAgo(incident.latestUpdate.createdAtMs, nowMs)}
          : <InlineMarkdown source={incident.latestUpdate.body} />
        </p>
      ) : null}
      <p className="incident-card__more">
        <Link to={`/incidents/${incident.id}`}>{t("incident.moreLink")}</Link>
      </p>
    </article>
  );
}

/** A line in a list of incidents: title, impact, dates and how long it lasted. */
export function IncidentListItem({ incident, nowMs, href }: { incident: IncidentSummary; nowMs: number; href?: string }) {
  const { t, format } = useI18n();
  const lasted = format.duration((incident.resolvedAtMs ?? nowMs) - incident.startedAtMs);
  return (
    <li className="incident-line">
      <Link to={href ?? `/incidents/${incident.id}`} className="incident-line__title">
        {incident.title}
      </Link>
      <div className="tags">
        <ImpactTag impact={incident.impact} />
        <IncidentStatusTag status={incident.status} />
      </div>
      <p className="muted">
        {incident.providers.map((p) => p.name).join(", ")} · {format.dateTime(incident.startedAtMs)} ·{" "}
        {incident.resolvedAtMs === null ? t("incident.ongoingFor", { duration: lasted }) : t("incident.lasted", { duration: lasted })}
      </p>
    </li>
  );
}
