import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "~/i18n/page-i18n";
import { uptimeBand } from "~/lib/uptime-bands";
import { AxisTick } from "../AxisTick";
import { ALL_TICKS, BAND_COLOURS, CHART_WIDTH, DAY_TICK_EVERY, WIDE_RIGHT_CHART_MARGIN } from "../chart-settings";

// Shorter than the provider page's chart: there is one per connection on the page.
const CHART_HEIGHT = 160;
/** A day at 0 % would have no bar at all and look like a day without data; a failing connection has such days. */
const ZERO_DAY_BAR_PX = 3;

interface Props {
  /** Unique on the page: recharts names its clip paths after it (see ../chart-settings). */
  chartId: string;
  providerName: string;
  days: string[];
  /** Uptime per day of `days`, null for days without results. */
  byDay: (number | null)[];
}

/**
 * A connection's daily uptime as bars, drawn on the server, and for screen readers and
 * anyone who prefers text, the days that were not fully up as a table. The chart itself
 * is hidden from assistive technology: the caption and the table say the same.
 */
export function ConnectionUptimeChart({ chartId, providerName, days, byDay }: Props) {
  const { t, format } = useI18n();
  const percents = byDay.map((ratio) => (ratio === null ? null : Math.round(ratio * 10_000) / 100));
  const axisFloor = Math.max(0, Math.floor(Math.min(...percents.map((p) => p ?? 100), 99)) - 1);
  // Days without data are drawn at the axis floor, which has no height: recharts asks
  // `minPointSize` about every bar and refuses one whose value is not a number.
  const data = days.map((day, i) => ({ day, uptime: percents[i] ?? null, drawn: percents[i] ?? axisFloor }));
  const dayTicks = data.filter((_, i) => (data.length - 1 - i) % DAY_TICK_EVERY === 0).map((d) => d.day);
  const shortfalls = days.flatMap((day, i) => {
    const ratio = byDay[i] ?? null;
    return ratio !== null && ratio < 1 ? [{ day, ratio }] : [];
  });
  const daysWithoutData = byDay.filter((r) => r === null).length;
  const fullyUp = days.length - daysWithoutData - shortfalls.length;
  const period = { count: days.length, days: format.count(days.length) };
  return (
    <figure className="connection-chart">
      <figcaption className="connection-chart__caption">{t("connectionChart.caption", { provider: providerName, ...period })}</figcaption>
      <div className="chart" aria-hidden="true">
        <BarChart id={chartId} width={CHART_WIDTH} height={CHART_HEIGHT} data={data} margin={WIDE_RIGHT_CHART_MARGIN}>
          <CartesianGrid vertical={false} stroke="#e3e7ec" />
          <XAxis dataKey="day" ticks={dayTicks} interval={ALL_TICKS} tickFormatter={format.day} tick={<AxisTick />} />
          <YAxis
            domain={[axisFloor, 100]}
            tickFormatter={(value: number) => format.percent(value)}
            width={52}
            tick={<AxisTick />}
            allowDecimals={false}
            interval={ALL_TICKS}
          />
          <Tooltip
            formatter={(_value, _name, item) => {
              const uptime = (item.payload as (typeof data)[number]).uptime;
              return [uptime === null ? t("format.noData") : format.percent(uptime), t("chart.uptime")];
            }}
            labelFormatter={(day) => format.day(String(day))}
          />
          <Bar dataKey="drawn" isAnimationActive={false} minPointSize={(_value, index) => (data[index]?.uptime === 0 ? ZERO_DAY_BAR_PX : 0)}>
            {data.map((d) => (
              <Cell key={d.day} fill={BAND_COLOURS[uptimeBand(d.uptime === null ? null : d.uptime / 100)]} />
            ))}
          </Bar>
        </BarChart>
      </div>
      <details>
        <summary>{t("connectionChart.tableSummary")}</summary>
        {shortfalls.length === 0 ? (
          <p>{t("connectionChart.noDowntime", period)}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t("connectionChart.tableCaption", { provider: providerName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("provider.day")}</th>
                <th scope="col">{t("chart.uptime")}</th>
              </tr>
            </thead>
            <tbody>
              {[...shortfalls].reverse().map((s) => (
                <tr key={s.day}>
                  <th scope="row">{format.day(s.day)}</th>
                  <td>{format.uptime(s.ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">
          {t("connectionChart.fullyUp", { count: fullyUp, days: format.count(fullyUp) })}
          {daysWithoutData > 0 ? ` ${t("connectionChart.withoutData", { count: daysWithoutData, days: format.count(daysWithoutData) })}` : ""}
        </p>
      </details>
    </figure>
  );
}
