import { Link } from "@remix-run/react";
import type { MaintenanceSummary } from "../../db/queries/maintenance";
import { useI18n } from "~/i18n/page-i18n";

/** Maintenance titles and descriptions are shown as ops or the provider wrote them. */
export function MaintenanceList({ items }: { items: MaintenanceSummary[] }) {
  const { t, format } = useI18n();
  return (
    <ul className="maintenance-list">
      {items.map((m) => (
        <li key={m.id} className={`maintenance maintenance--${m.status}`}>
          <div className="maintenance__header">
            <h3>{m.title}</h3>
            <span className={`tag tag--maintenance-${m.status}`}>{t(`maintenanceStatus.${m.status}`)}</span>
          </div>
          <p className="muted">
            {t("maintenance.window", {
              from: format.dateTime(m.scheduledForMs),
              until: format.dateTime(m.scheduledUntilMs),
              duration: format.duration(m.scheduledUntilMs - m.scheduledForMs),
            })}{" "}
            ·{" "}
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
