import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { formatDateTime, formatDuration } from "~/lib/format";
import { MAINTENANCE_STATUS_LABELS } from "~/lib/labels";
import { listMaintenanceBoard, type ConsoleMaintenance } from "~/data/ops.server";
import { SuccessNotice } from "~/lib/forms";
import opsConsoleStyles from "~/styles/ops-console.css";

const DONE_MESSAGES: Record<string, string> = {
  scheduled: "The maintenance window is scheduled and shown on the status page.",
  saved: "Your changes to the maintenance window are saved.",
  cancelled: "The maintenance window is cancelled and no longer shown.",
  ended: "The maintenance window has ended now.",
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opsConsoleStyles }];
export const meta: MetaFunction = () => [{ title: "Maintenance · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const nowMs = Date.now();
  const done = new URL(request.url).searchParams.get("done");
  return json({ nowMs, notice: done ? (DONE_MESSAGES[done] ?? null) : null, board: listMaintenanceBoard(context.db, nowMs) });
}

function WindowList({ items }: { items: ConsoleMaintenance[] }) {
  return (
    <ul className="maintenance-list console-list">
      {items.map((m) => (
        <li key={m.id}>
          <div className="console-list__header">
            <h3>
              <Link to={`/ops/maintenance/${m.id}`}>{m.title}</Link>
            </h3>
            <span className={`tag tag--maintenance-${m.status}`}>{m.status === "cancelled" ? "Cancelled" : MAINTENANCE_STATUS_LABELS[m.status]}</span>
            {m.source === "upstream" ? <span className="tag tag--source">From the provider's feed</span> : null}
          </div>
          <p className="muted">
            {formatDateTime(m.scheduledForMs)} to {formatDateTime(m.scheduledUntilMs)} ({formatDuration(m.scheduledUntilMs - m.scheduledForMs)}) ·{" "}
            {m.providers.map((p) => p.name).join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function MaintenanceBoard() {
  const { notice, board } = useLoaderData<typeof loader>();
  const sections = [
    { id: "in-progress", title: "In progress", items: board.inProgress, empty: "No maintenance is in progress." },
    { id: "upcoming", title: "Upcoming", items: board.upcoming, empty: "Nothing is scheduled." },
    { id: "past", title: "Past and cancelled", items: board.past, empty: "No past maintenance." },
  ];
  return (
    <>
      <header className="console-header">
        <h1>Maintenance</h1>
        <Link to="/ops/maintenance/new" className="button">
          Schedule maintenance
        </Link>
      </header>
      <p className="muted">Windows move from scheduled to in progress to completed by the clock. Times are India time (IST).</p>
      <SuccessNotice message={notice} />
      {sections.map((s) => (
        <section key={s.id} className="section" aria-labelledby={s.id}>
          <h2 id={s.id}>
            {s.title} ({s.items.length})
          </h2>
          {s.items.length === 0 ? <p>{s.empty}</p> : <WindowList items={s.items} />}
        </section>
      ))}
    </>
  );
}
