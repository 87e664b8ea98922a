import type { TFunction } from "i18next";
import type { IncidentImpact } from "../../db/schema/enums";
import type { UptimeBar as UptimeBarData } from "../../db/queries/status-page";
import { fillable, slot } from "~/i18n/i18n";
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

/** The text of each cell's tooltip, with every sentence translated once for the whole bar. */
function cellTitler(t: TFunction, format: Formatter) {
  const dayLine = fillable(t("uptimeBar.day", { day: slot("day"), uptime: slot("uptime") }));
  const noDataLine = fillable(t("uptimeBar.dayNoData", { day: slot("day") }));
  const incidentLine = fillable(t("uptimeBar.incident", { title: slot("title") }));
  const maintenanceLine = t("uptimeBar.maintenance");
  const noIncidentsLine = t("uptimeBar.noIncidents");
  return (day: string, ratio: number | null, incidentTitles: string[], maintenance: boolean): string => {
    const lines = [ratio === null ? noDataLine({ day }) : dayLine({ day, uptime: format.uptime(ratio) })];
    for (const title of incidentTitles) lines.push(incidentLine({ title }));
    if (maintenance) lines.push(maintenanceLine);
    if (incidentTitles.length === 0 && !maintenance && ratio !== null) lines.push(noIncidentsLine);
    return lines.join("\n");
  };
}

/**
 * One cell a day, each telling its date, uptime and incidents in its title. Outage days
 * are hatched as well as red, so the bar reads without colour; the whole bar is
 * summarised for screen readers, and the provider page has the same data as a table.
 */
export function UptimeBar({ dayLabels, bar, incidents, providerName }: Props) {
  const { t, format } = useI18n();
  const cellTitle = cellTitler(t, format);
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
        return <span key={i} className={`cell cell--${uptimeBand(ratio)}`} title={cellTitle(label, ratio, titles, bar.maintenanceDays.includes(i))} />;
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
