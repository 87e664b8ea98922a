import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { actorOf, requireUser } from "~/auth/session.server";
import { ImpactTag, IncidentStatusTag } from "~/components/IncidentCard";
import { AffectedMerchants } from "~/components/ops/incident/AffectedMerchants";
import { IncidentFacts } from "~/components/ops/incident/IncidentFacts";
import { FormFailure, Saved } from "~/components/ops/incident/IncidentSection";
import { Notes } from "~/components/ops/incident/Notes";
import { PostUpdate } from "~/components/ops/incident/PostUpdate";
import { Postmortem } from "~/components/ops/incident/Postmortem";
import { RecommendedActions } from "~/components/ops/incident/RecommendedActions";
import type { IncidentPageData } from "~/components/ops/incident/types";
import { UpdateTimeline } from "~/components/ops/incident/UpdateTimeline";
import { getConsoleIncident, incidentExists, incidentFormOptions } from "~/data/ops.server";
import { idParam } from "~/lib/params";
import { isSaved, KNOWN_INTENTS, type IntentFailure } from "~/ops/incident-intents";
import { takeIncidentForm } from "~/ops/incident-intents.server";
import styles from "~/styles/ops-incidents.css";

const STEP_INTENTS: readonly string[] = ["link-action", "custom-step", "unlink-action", "move-action"];

const incidentIdOf = (params: LoaderFunctionArgs["params"]) => idParam(params, "Incident not found");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.incident.summary.title} · Ops console` : "Incident not found" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const incident = getConsoleIncident(context.db, incidentIdOf(params));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const saved = new URL(request.url).searchParams.get("saved");
  return json({ incident, categories: incidentFormOptions(context.db).categories, saved: isSaved(saved) ? saved : null });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const incidentId = incidentIdOf(params);
  if (!incidentExists(context.db, incidentId)) throw new Response("Incident not found", { status: 404 });
  return takeIncidentForm(context.db, actorOf(user), incidentId, await request.formData());
}

/** A failure shows next to its form; one whose form is not on the page shows at the top. */
const shownInSection = (failure: IntentFailure, data: IncidentPageData) =>
  KNOWN_INTENTS.includes(failure.intent) && (failure.intent !== "edit-update" || data.incident.updates.some((u) => String(u.id) === failure.target));

export default function OpsIncident() {
  const data: IncidentPageData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() ?? null;
  const { summary } = data.incident;
  const location = useLocation();
  const failureFor = (...intents: string[]) => (result && intents.includes(result.intent) ? result : null);
  // After a saved change the page comes back at its confirmation (or the moved step): with
  // JavaScript that element also takes the focus, so keyboard users continue from there.
  useEffect(() => {
    if (data.saved && location.hash) document.getElementById(location.hash.slice(1))?.focus();
  }, [data.saved, location.key, location.hash]);

  return (
    <article className="ops-incident">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/incidents">Incidents</Link> › <span>Incident {summary.id}</span>
      </nav>
      <header className="page-header page-header--incident">
        <h1>{summary.title}</h1>
        <div className="tags">
          <ImpactTag impact={summary.impact} />
          <IncidentStatusTag status={summary.status} />
        </div>
      </header>
      <Saved section="header" saved={data.saved} />
      {result && !shownInSection(result, data) ? <FormFailure failure={result} /> : null}
      <IncidentFacts incident={data.incident} />
      <PostUpdate data={data} failure={failureFor("update")} />
      <UpdateTimeline data={data} failure={failureFor("edit-update")} />
      <Postmortem data={data} failure={failureFor("postmortem")} />
      <RecommendedActions data={data} failure={failureFor(...STEP_INTENTS)} />
      <AffectedMerchants data={data} />
      <Notes data={data} failure={failureFor("note")} />
    </article>
  );
}
