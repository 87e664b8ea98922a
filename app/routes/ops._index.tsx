import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { IncidentListItem } from "~/components/IncidentCard";
import { countPendingReviews, listOpenIncidents } from "~/data/ops.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json({ nowMs: Date.now(), open: listOpenIncidents(context.db), pendingReviews: countPendingReviews(context.db) });
}

export default function OpsDashboard() {
  const { open, pendingReviews, nowMs } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Ops console</h1>
      <p className="ops-actions">
        <Link to="/ops/incidents/new" className="button">
          Open an incident
        </Link>
        <Link to="/ops/maintenance/new" className="button button--secondary">
          Schedule maintenance
        </Link>
      </p>
      {pendingReviews > 0 ? (
        <p className="notice">
          <Link to="/ops/inbox">
            {pendingReviews} detected incident{pendingReviews === 1 ? "" : "s"} to review
          </Link>{" "}
          — confirm them with your own words, merge them, or dismiss false alarms.
        </p>
      ) : null}
      <section className="section" aria-labelledby="open">
        <h2 id="open">Open incidents</h2>
        {open.length === 0 ? (
          <p>No open incidents.</p>
        ) : (
          <ul className="incident-lines">
            {open.map((i) => (
              <IncidentListItem key={i.id} incident={i} nowMs={nowMs} href={`/ops/incidents/${i.id}`} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
