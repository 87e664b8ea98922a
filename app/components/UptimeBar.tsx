import type { IncidentImpact } from "../../db/schema/enums";
import type { UptimeBar as UptimeBarData } from "../../db/queries/status-page";
import { formatUptime } from "~/lib/format";
import { uptimeBand } from "~/lib/uptime-bands";

interface Props {
  /** The days of the bar, already formatted: one list for every bar on the page. */
  dayLabels: string[];
  bar: UptimeBarData;
  incidents: Record<number, { title: string; impact: IncidentImpact }>;
  providerName: string;
}

function cellTitle(dayLabel: string, ratio: number | null, incidentTitles: string[], maintenance: boolean): string {
  const lines = [`${dayLabel}: ${ratio === null ? "no data" : `${formatUptime(ratio)} uptime`}`];
  for (const title of incidentTitles) lines.push(`Incident: ${title}`);
  if (maintenance) lines.push("Scheduled maintenance");
  if (incidentTitles.length === 0 && !maintenance && ratio !== null) lines.push("No incidents");
  return lines.join("\n");
}

/**
 * One cell a day, each telling its date, uptime and incidents in its title. Outage days
 * are hatched as well as red, so the bar reads without colour; the whole bar is
 * summarised for screen readers, and the provider page has the same data as a table.
 */
export function UptimeBar({ dayLabels, bar, incidents, providerName }: Props) {
  const incidentDays = Object.keys(bar.incidentsByDay).length;
  const summary = `${providerName}: ${formatUptime(bar.uptime)} uptime over ${dayLabels.length} days, ${incidentDays} ${
    incidentDays === 1 ? "day" : "days"
  } with incidents`;
  return (
    <div className="uptime-bar" role="img" aria-label={summary}>
      {dayLabels.map((label, i) => {
        const ratio = bar.byDay[i] ?? null;
        const titles = (bar.incidentsByDay[i] ?? []).map((id) => incidents[id]?.title ?? `Incident ${id}`);
        return <span key={i} className={`cell cell--${uptimeBand(ratio)}`} title={cellTitle(label, ratio, titles, bar.maintenanceDays.includes(i))} />;
      })}
    </div>
  );
}

const PHONE_BAR_DAYS = 30;

/** On a phone the bar shows its last 30 days (see the stylesheet), and the scale says so. */
export function UptimeBarScale({ days }: { days: number }) {
  return (
    <div className="uptime-scale" aria-hidden="true">
      <span className="uptime-scale__wide">{days} days ago</span>
      <span className="uptime-scale__narrow">{Math.min(days, PHONE_BAR_DAYS)} days ago</span>
      <span>Today</span>
    </div>
  );
}
