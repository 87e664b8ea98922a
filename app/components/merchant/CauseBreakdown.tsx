import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { CauseBreakdown as CauseBreakdownData } from "../../../db/merchants/connections-view";
import type { CauseSide } from "../../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";
import { AxisTick } from "../AxisTick";
import { ALL_TICKS, CHART_WIDTH, WIDE_RIGHT_CHART_MARGIN } from "../chart-settings";

const WEEKLY_CHART_HEIGHT = 200;
/** The weekly chart stacks this many causes, the costliest, and sums the rest: more colours would not tell apart. */
const CHARTED_CAUSES = 5;
const CAUSE_COLOURS = ["#b42318", "#1d4fa3", "#a15c00", "#5b3fa3", "#1f7a4d"] as const;
const OTHER_COLOUR = "#8a939e";
const OTHER_KEY = "other";

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Which causes cost the merchant's connections the most failed checks: a table whose
 * share column is drawn as a bar, so the ranking needs no separate chart; then the same
 * per week as stacked bars, with the numbers as a table.
 */
export function CauseBreakdown({ breakdown, days }: { breakdown: CauseBreakdownData; days: number }) {
  const { t, format, localize } = useI18n();
  const { causes, failedResults, failedWithoutCause, slowResults, weeks } = breakdown;
  const period = { count: days, days: format.count(days) };
  const slow = { count: slowResults, checks: format.count(slowResults) };
  if (failedResults === 0) {
    return (
      <p>
        {t("causes.noneFailed", period)}
        {slowResults > 0 ? ` ${t("causes.slowOnly", slow)}` : ""}
      </p>
    );
  }
  const charted = causes.slice(0, CHARTED_CAUSES);
  const rest = causes.slice(CHARTED_CAUSES).map((c) => c.slug);
  const series = [
    ...charted.map((c, i) => ({ key: c.slug, label: localize(c.name), colour: CAUSE_COLOURS[i]! })),
    ...(rest.length > 0 ? [{ key: OTHER_KEY, label: t("causes.other"), colour: OTHER_COLOUR }] : []),
  ];
  // One value per series, in the series' order: the chart and the table read the same numbers.
  const weekly = weeks.map((w) => ({
    fromDay: w.fromDay,
    toDay: w.toDay,
    values: [...charted.map((c) => w.byCause[c.slug] ?? 0), ...(rest.length > 0 ? [rest.reduce((sum, slug) => sum + (w.byCause[slug] ?? 0), 0)] : [])],
  }));
  return (
    <>
      <table className="data-table cause-table">
        <caption>{t("causes.tableCaption", period)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incidentPage.cause")}</th>
            <th scope="col">{t("connection.whoseSide")}</th>
            <th scope="col">{t("causes.failedChecks")}</th>
            <th scope="col">{t("causes.share")}</th>
            <th scope="col">{t("causes.connectionsHit")}</th>
          </tr>
        </thead>
        <tbody>
          {causes.map((c) => (
            <tr key={c.slug}>
              <th scope="row">{localize(c.name)}</th>
              <td data-label={t("connection.whoseSide")}>
                <span className={`side side--${c.side}`}>{t(`causeSide.${c.side}`)}</span>
              </td>
              <td data-label={t("causes.failedChecks")}>{format.count(c.failedResults)}</td>
              <td data-label={t("causes.shareShort")}>
                <ShareBar percent={percentOf(c.failedResults, failedResults)} side={c.side} />
              </td>
              <td data-label={t("causes.connectionsHit")}>{c.providers.map((p) => `${p.name} (${format.count(p.failedResults)})`).join(", ")}</td>
            </tr>
          ))}
          {failedWithoutCause > 0 ? (
            <tr>
              <th scope="row">{t("causes.noCause")}</th>
              <td data-label={t("connection.whoseSide")}>
                <span className="side side--unknown">{t("causeSide.unknown")}</span>
              </td>
              <td data-label={t("causes.failedChecks")}>{format.count(failedWithoutCause)}</td>
              <td data-label={t("causes.shareShort")}>
                <ShareBar percent={percentOf(failedWithoutCause, failedResults)} side="unknown" />
              </td>
              <td data-label={t("causes.connectionsHit")} />
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="muted">
        {t("causes.eachCheck")}
        {slowResults > 0 ? ` ${t("causes.slowMore", slow)}` : ""}
      </p>

      <h3 id="causes-by-week">{t("causes.weekByWeek", { count: weeks.length, weeks: format.count(weeks.length) })}</h3>
      <figure className="cause-weekly">
        <figcaption className="visually-hidden">{t("causes.weeklyCaption")}</figcaption>
        <div className="chart" aria-hidden="true">
          <BarChart id="causes-by-week-chart" width={CHART_WIDTH} height={WEEKLY_CHART_HEIGHT} data={weekly} margin={WIDE_RIGHT_CHART_MARGIN}>
            <CartesianGrid vertical={false} stroke="#e3e7ec" />
            <XAxis dataKey="fromDay" ticks={weekly.map((w) => w.fromDay)} interval={ALL_TICKS} tickFormatter={format.dayWithoutYear} tick={<AxisTick />} />
            <YAxis width={52} tick={<AxisTick />} allowDecimals={false} interval={ALL_TICKS} tickFormatter={(n: number) => format.count(n)} />
            <Tooltip labelFormatter={(day) => t("causes.weekFrom", { day: format.day(String(day)) })} formatter={(value) => (typeof value === "number" ? format.count(value) : value)} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={(w: (typeof weekly)[number]) => w.values[i]} name={s.label} stackId="causes" fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
        <ul className="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="legend__swatch" style={{ background: s.colour }} />
              {s.label}
            </li>
          ))}
        </ul>
      </figure>
      <details>
        <summary>{t("causes.weeklyTableSummary")}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("causes.week")}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...weekly].reverse().map((w) => (
                <tr key={w.fromDay}>
                  <th scope="row">{t("dates.range", { from: format.day(w.fromDay), to: format.day(w.toDay) })}</th>
                  {w.values.map((value, i) => (
                    <td key={series[i]!.key}>{format.count(value)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function ShareBar({ percent, side }: { percent: number; side: CauseSide }) {
  const { format } = useI18n();
  return (
    <span className="share">
      <span className="share__track" aria-hidden="true">
        <span className={`share__fill share__fill--${side}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="share__value">{format.percent(percent)}</span>
    </span>
  );
}
