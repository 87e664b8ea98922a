import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/ActionList";
import { ImpactTag, IncidentStatusTag } from "~/components/IncidentCard";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getIncidentPage } from "~/data/public.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { Markdown } from "~/lib/markdown";
import { idParam } from "~/lib/params";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const page = getIncidentPage(context.db, idParam(params, "Incident not found"), Date.now());
  if (!page) throw new Response("Incident not found", { status: 404 });
  return json(page);
}

// The title is the incident's own, as ops wrote it.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => (data ? data.incident.title : t("error.notFound")));

export default function IncidentPage() {
  const { incident, updates, actions, nowMs } = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const lasted = format.duration((incident.resolvedAtMs ?? nowMs) - incident.startedAtMs);
  const actionNote = (a: (typeof actions)[number]) =>
    a.kind === "advice"
      ? undefined
      : a.scope.incidentOnly
      ? t("incidentPage.forThisIncident")
      : a.scope.cause
        ? t("incidentPage.causeNote", { cause: localize(a.scope.cause.name) })
        : a.scope.category
          ? t("incidentPage.checklistNote", { category: localize(a.scope.category.name) })
          : undefined;
  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumb">
        <Link to="/">{t("nav.status")}</Link> › <Link to="/history">{t("nav.history")}</Link> ›{" "}
        <span>{t("incidentPage.breadcrumb", { id: incident.id })}</span>
      </nav>
      <header className="page-header page-header--incident">
        <h1>{incident.title}</h1>
        <div className="tags">
          <ImpactTag impact={incident.impact} />
          <IncidentStatusTag status={incident.status} />
        </div>
      </header>

      <dl className="facts facts--wide">
        <div>
          <dt>{t("incidentPage.affectedProviders")}</dt>
          <dd>
            <ul className="plain">
              {incident.providers.map((p) => (
                <li key={p.slug}>
                  <Link to={`/providers/${p.slug}`}>{p.name}</Link>: {t(`providerStatus.${p.impact}`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {incident.workflows.length > 0 ? (
          <div>
            <dt>{t("incident.whatMayNotWork")}</dt>
            <dd>
              <ul className="plain">
                {incident.workflows.map((w) => (
                  <li key={w.slug}>
                    <strong>{localize(w.name)}</strong>: {localize(w.effect)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("incident.started")}</dt>
          <dd>{format.dateTime(incident.startedAtMs)}</dd>
        </div>
        <div>
          <dt>{incident.resolvedAtMs === null ? t("incidentPage.ongoingFor") : t("incidentPage.resolved")}</dt>
          <dd>
            {incident.resolvedAtMs === null
              ? lasted
              : t("incidentPage.resolvedAt", { time: format.dateTime(incident.resolvedAtMs), duration: lasted })}
          </dd>
        </div>
        {incident.cause ? (
          <div>
            <dt>{t("incidentPage.cause")}</dt>
            <dd>
              {t(`incidentPage.causeOnSide.${incident.cause.side}`, { cause: localize(incident.cause.name) })}
              {incident.causeExplanation ? ` ${localize(incident.causeExplanation)}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="section" aria-labelledby="what-to-do">
        <h2 id="what-to-do">{t("incidentPage.whatToDo")}</h2>
        {actions.length > 0 ? (
          <ActionList actions={actions.map((a) => ({ kind: a.kind, text: a.text, note: actionNote(a) }))} />
        ) : (
          <p>{t("incidentPage.noActions")}</p>
        )}
        <p>
          <Link to="/help">{t("incidentPage.helpLink")}</Link>
        </p>
      </section>

      <NoGuaranteeNotice compact />

      <section className="section" aria-labelledby="timeline">
        <h2 id="timeline">{t("incidentPage.updates")}</h2>
        <ol className="timeline">
          {updates.map((u) => (
            <li key={u.id} className={`timeline__item timeline__item--${u.status}`}>
              <h3>
                {t(`incidentStatus.${u.status}`)}
                <time dateTime={new Date(u.createdAtMs).toISOString()}> · {format.dateTime(u.createdAtMs)}</time>
                {u.editedAtMs !== null ? <span className="muted"> {t("incidentPage.edited")}</span> : null}
              </h3>
              <Markdown source={u.body} />
            </li>
          ))}
        </ol>
        {incident.postmortem ? (
          <>
            <h3>{t("incidentPage.postmortem")}</h3>
            <Markdown source={incident.postmortem} />
          </>
        ) : null}
      </section>
    </>
  );
}
