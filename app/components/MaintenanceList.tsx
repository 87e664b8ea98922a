import { Link } from "@remix-run/react";
import type { MaintenanceSummary } from "../../db/queries/maintenance";
import { formatDateTime, formatDuration } from "~/lib/format";
import { MAINTENANCE_STATUS_LABELS } from "~/lib/labels";

export function MaintenanceList({ items }: { items: MaintenanceSummary[] }) {
  return (
    <ul className="maintenance-list">
      {items.map((m) => (
        <li key={m.id} className={`maintenance maintenance--${m.status}`}>
          <div className="maintenance__header">
            <h3>{m.title}</h3>
            <span className={`tag tag--maintenance-${m.status}`}>{MAINTENANCE_STATUS_LABELS[m.status]}</span>
          </div>
          <p className="muted">
            {formatDateTime(m.scheduledForMs)} to {formatDateTime(m.scheduledUntilMs)} ({formatDuration(m.scheduledUntilMs - m.scheduledForMs)}) ·{" "}
            {m.providers.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ", " : ""}
                <Link to={`/providers/${p.slug}`}>{p.name}</Link>
              </span>
            ))}
          </p>
          {m.description ? <p>{m.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
