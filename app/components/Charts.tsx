import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "~/i18n/page-i18n";
import { AxisTick } from "./AxisTick";
import { uptimeBand } from "~/lib/uptime-bands";
import { ALL_TICKS, BAND_COLOURS, CHART_WIDTH, DAY_TICK_EVERY, WIDE_RIGHT_CHART_MARGIN } from "./chart-settings";

const CHART_HEIGHT = 220;

export function DailyUptimeChart({ daily }: { daily: { day: string; uptime: number | null }[] }) {
  const { t, format } = useI18n();
  const data = daily.map((d) => ({ day: d.day, uptime: d.uptime === null ? null : Math.round(d.uptime * 10_000) / 100 }));
  const lowest = Math.min(...data.map((d) => d.uptime ?? 100), 99);
  const dayTicks = data.filter((_, i) => (data.length - 1 - i) % DAY_TICK_EVERY === 0).map((d) => d.day);
  return (
    <div className="chart">
      <BarChart id="daily-uptime-chart" width={CHART_WIDTH} height={CHART_HEIGHT} data={data} margin={WIDE_RIGHT_CHART_MARGIN}>
        <CartesianGrid vertical={false} stroke="#e3e7ec" />
        <XAxis dataKey="day" ticks={dayTicks} interval={ALL_TICKS} tickFormatter={format.day} tick={<AxisTick />} />
        <YAxis
          domain={[Math.max(0, Math.floor(lowest) - 1), 100]}
          tickFormatter={(value: number) => format.percent(value)}
          width={52}
          tick={<AxisTick />}
          allowDecimals={false}
          interval={ALL_TICKS}
        />
        <Tooltip
          formatter={(value) => [typeof value === "number" ? format.percent(value) : t("format.noData"), t("chart.uptime")]}
          labelFormatter={(day) => format.day(String(day))}
        />
        <Bar dataKey="uptime" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.day} fill={BAND_COLOURS[uptimeBand(d.uptime === null ? null : d.uptime / 100)]} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}

export function ResponseTimeChart({ hourly }: { hourly: { hourStartAt: number; averageLatencyMs: number | null; localHour: number }[] }) {
  const { t, format } = useI18n();
  const midnights = hourly.filter((h) => h.localHour === 0).map((h) => h.hourStartAt);
  return (
    <div className="chart">
      <LineChart id="response-time-chart" width={CHART_WIDTH} height={CHART_HEIGHT} data={hourly} margin={{ top: 8, right: 32, bottom: 8, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e3e7ec" />
        <XAxis
          dataKey="hourStartAt"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          ticks={midnights}
          interval={ALL_TICKS}
          tickFormatter={(ms: number) => format.shortDate(ms)}
          tick={<AxisTick />}
        />
        <YAxis tickFormatter={(ms: number) => format.latency(ms)} width={64} tick={<AxisTick />} interval={ALL_TICKS} />
        <Tooltip
          formatter={(value) => [typeof value === "number" ? format.latency(value) : t("format.noData"), t("chart.averageResponseTime")]}
          labelFormatter={(ms) => format.dateTime(Number(ms))}
        />
        <Line dataKey="averageLatencyMs" stroke="#2f5fb3" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}
