import type { TFunction } from "i18next";
import type { IncidentImpact } from "../../db/schema/enums";
import type { UptimeBar as UptimeBarData } from "../../db/queries/status-page";
import { useI18n } from "~/i18n/page-i18n";
import type { Formatter } from "~/lib/format";
import { uptimeBand } from "~/lib/uptime-bands";

interface Props {
  /** The days of the bar, already formatted: one list for every bar on the page. */
  dayLabels: string[];
  bar: UptimeBarData;
  incidents: Record<number, { title: string; impact: IncidentImpact }>;
  providerName: string;
}

function cellTitle(t: TFunction, format: Formatter, dayLabel: string, ratio: number | null, incidentTitles: string[], maintenance: boolean): string {
  const lines = [ratio === null ? t("uptimeBar.dayNoData", { day: dayLabel }) : t("uptimeBar.day", { day: dayLabel, uptime: format.uptime(ratio) })];
  for (const title of incidentTitles) lines.push(t("uptimeBar.incident", { title }));
  if (maintenance) lines.push(t("uptimeBar.maintenance"));
  if (incidentTitles.length === 0 && !maintenance && ratio !== null) lines.push(t("uptimeBar.noIncidents"));
  return lines.join("\n");
}

/**
 * One cell a day, each telling its date, uptime and incidents in its title. Outage days
 * are hatched as well as red, so the bar reads without colour; the whole bar is
 * summarised for screen readers, and the provider page has the same data as a table.
 */
export function UptimeBar({ dayLabels, bar, incidents, providerName }: Props) {
  const { t, format } = useI18n();
  const incidentDays = Object.keys(bar.incidentsByDay).length;
  const summary = t("uptimeBar.summary", {
    provider: providerName,
    uptime: format.uptime(bar.uptime),
    days: format.count(dayLabels.length),
    count: incidentDays,
    incidentDays: format.count(incidentDays),
  });
  return (
    <div className="uptime-bar" role="img" aria-label={summary}>
      {dayLabels.map((label, i) => {
        const ratio = bar.byDay[i] ?? null;
        const titles = (bar.incidentsByDay[i] ?? []).map((id) => incidents[id]?.title ?? t("uptimeBar.unnamedIncident", { id }));
        return <span key={i} className={`cell cell--${uptimeBand(ratio)}`} title={cellTitle(t, format, label, ratio, titles, bar.maintenanceDays.includes(i))} />;
      })}
    </div>
  );
}

const PHONE_BAR_DAYS = 30;

/** On a phone the bar shows its last 30 days (see the stylesheet), and the scale says so. */
export function UptimeBarScale({ days }: { days: number }) {
  const { t, format } = useI18n();
  const narrow = Math.min(days, PHONE_BAR_DAYS);
  return (
    <div className="uptime-scale" aria-hidden="true">
      <span className="uptime-scale__wide">{t("uptimeBar.daysAgo", { count: days, days: format.count(days) })}</span>
      <span className="uptime-scale__narrow">{t("uptimeBar.daysAgo", { count: narrow, days: format.count(narrow) })}</span>
      <span>{t("uptimeBar.today")}</span>
    </div>
  );
}
