import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { CauseBreakdown as CauseBreakdownData } from "../../../db/merchants/connections-view";
import { CAUSE_SIDE_LABELS } from "../../../db/merchants/cause-wording";
import { formatDay } from "~/lib/format";
import { localize } from "~/lib/labels";
import { ALL_TICKS, CHART_WIDTH, WIDE_RIGHT_CHART_MARGIN } from "../chart-settings";

const WEEKLY_CHART_HEIGHT = 200;
/** The weekly chart stacks this many causes, the costliest, and sums the rest: more colours would not tell apart. */
const CHARTED_CAUSES = 5;
const CAUSE_COLOURS = ["#b42318", "#1d4fa3", "#a15c00", "#5b3fa3", "#1f7a4d"] as const;
const OTHER_COLOUR = "#8a939e";
const OTHER_KEY = "other";

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
/** "7 Sep 2026" as "7 Sep": twelve weeks' ticks must fit under one chart. */
const dayWithoutYear = (day: string) => formatDay(day).replace(/ \d{4}$/, "");

/**
 * Which causes cost the merchant's connections the most failed checks: a table whose
 * share column is drawn as a bar, so the ranking needs no separate chart; then the same
 * per week as stacked bars, with the numbers as a table.
 */
export function CauseBreakdown({ breakdown, days }: { breakdown: CauseBreakdownData; days: number }) {
  const { causes, failedResults, failedWithoutCause, slowResults, weeks } = breakdown;
  if (failedResults === 0) {
    return (
      <p>
        None of your connections&rsquo; checks failed in the last {days} days.
        {slowResults > 0 ? ` ${slowResults} checks were slow; slow checks count as up.` : ""}
      </p>
    );
  }
  const charted = causes.slice(0, CHARTED_CAUSES);
  const rest = causes.slice(CHARTED_CAUSES).map((c) => c.slug);
  const series = [
    ...charted.map((c, i) => ({ key: c.slug, label: localize(c.name), colour: CAUSE_COLOURS[i]! })),
    ...(rest.length > 0 ? [{ key: OTHER_KEY, label: "Other causes", colour: OTHER_COLOUR }] : []),
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
        <caption>Failed checks of your connections by cause, last {days} days</caption>
        <thead>
          <tr>
            <th scope="col">Cause</th>
            <th scope="col">Whose side</th>
            <th scope="col">Failed checks</th>
            <th scope="col">Share of failed checks</th>
            <th scope="col">Connections hit</th>
          </tr>
        </thead>
        <tbody>
          {causes.map((c) => (
            <tr key={c.slug}>
              <th scope="row">{localize(c.name)}</th>
              <td data-label="Whose side">
                <span className={`side side--${c.side}`}>{CAUSE_SIDE_LABELS[c.side]}</span>
              </td>
              <td data-label="Failed checks">{c.failedResults}</td>
              <td data-label="Share">
                <ShareBar percent={percentOf(c.failedResults, failedResults)} side={c.side} />
              </td>
              <td data-label="Connections hit">{c.providers.map((p) => `${p.name} (${p.failedResults})`).join(", ")}</td>
            </tr>
          ))}
          {failedWithoutCause > 0 ? (
            <tr>
              <th scope="row">No cause recorded</th>
              <td data-label="Whose side">
                <span className="side side--unknown">{CAUSE_SIDE_LABELS.unknown}</span>
              </td>
              <td data-label="Failed checks">{failedWithoutCause}</td>
              <td data-label="Share">
                <ShareBar percent={percentOf(failedWithoutCause, failedResults)} side="unknown" />
              </td>
              <td data-label="Connections hit" />
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="muted">
        Each check tests a connection once; more failed checks means a longer or more frequent failure.
        {slowResults > 0 ? ` ${slowResults} more checks were slow; slow checks count as up and have no cause.` : ""}
      </p>

      <h3 id="causes-by-week">Week by week, last {weeks.length} weeks</h3>
      <figure className="cause-weekly">
        <figcaption className="visually-hidden">Failed checks per week, stacked by cause; the table below has the numbers.</figcaption>
        <div className="chart" aria-hidden="true">
          <BarChart id="causes-by-week-chart" width={CHART_WIDTH} height={WEEKLY_CHART_HEIGHT} data={weekly} margin={WIDE_RIGHT_CHART_MARGIN}>
            <CartesianGrid vertical={false} stroke="#e3e7ec" />
            <XAxis dataKey="fromDay" ticks={weekly.map((w) => w.fromDay)} interval={ALL_TICKS} tickFormatter={dayWithoutYear} tick={{ fontSize: 12 }} />
            <YAxis width={52} tick={{ fontSize: 12 }} allowDecimals={false} interval={ALL_TICKS} />
            <Tooltip labelFormatter={(day) => `Week from ${formatDay(String(day))}`} />
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
        <summary>Failed checks per week as a table</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Week</th>
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
                  <th scope="row">
                    {formatDay(w.fromDay)} to {formatDay(w.toDay)}
                  </th>
                  {w.values.map((value, i) => (
                    <td key={series[i]!.key}>{value}</td>
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

function ShareBar({ percent, side }: { percent: number; side: keyof typeof CAUSE_SIDE_LABELS }) {
  return (
    <span className="share">
      <span className="share__track" aria-hidden="true">
        <span className={`share__fill share__fill--${side}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="share__value">{percent}%</span>
    </span>
  );
}
