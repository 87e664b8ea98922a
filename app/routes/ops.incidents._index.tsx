import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { IncidentListItem } from "~/components/IncidentCard";
import { listConsoleIncidents } from "~/data/ops.server";
import styles from "~/styles/ops-incidents.css";

const FILTERS = { open: "Open", resolved: "Resolved", all: "All" } as const;

// A hand-edited URL falls back to the first page of open incidents rather than failing.
const ListQuery = z.object({
  status: z.enum(["open", "resolved", "all"]).catch("open"),
  page: z.coerce.number().int().min(1).catch(1),
});

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Incidents · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const query = ListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ ...query, ...listConsoleIncidents(context.db, query.status, query.page), nowMs: Date.now() });
}

export default function OpsIncidents() {
  const { status, page, incidents, hasMore, nowMs } = useLoaderData<typeof loader>();
  const pageLink = (to: number) => `?status=${status}&page=${to}`;
  return (
    <section className="ops-incident">
      <div className="page-header">
        <h1>Incidents</h1>
        <Link to="/ops/incidents/new" className="button">
          Open an incident
        </Link>
      </div>
      <Form method="get" className="filters">
        <label>
          Show
          <select name="status" defaultValue={status}>
            {Object.entries(FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show incidents</button>
      </Form>
      <h2 className="visually-hidden">{FILTERS[status]} incidents</h2>
      {incidents.length === 0 ? (
        <p>{status === "open" ? "No open incidents." : "No incidents to show."}</p>
      ) : (
        <ul className="incident-lines ops-incident__list">
          {incidents.map((i) => (
            <IncidentListItem key={i.id} incident={i} nowMs={nowMs} href={`/ops/incidents/${i.id}`} />
          ))}
        </ul>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>← Newer</Link> : <span />}
          {hasMore ? <Link to={pageLink(page + 1)}>Older →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
