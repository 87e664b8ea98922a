// Shared by every server-rendered chart (decision 003): a fixed drawing size that CSS
// scales, since recharts' ResponsiveContainer renders nothing on the server; ticks we
// choose and all draw, since recharts would hide some by measuring text, which the server
// cannot do (for the same reason AxisTick draws their labels); and a fixed id per chart,
// since recharts otherwise numbers its clip paths from a counter the server and the
// browser do not share.

export const CHART_WIDTH = 720;
export const DAY_TICK_EVERY = 15;
export const ALL_TICKS = 0;

/** The uptime bands' colours. */
export const BAND_COLOURS = { full: "#1f7a4d", minor: "#7a9a1f", partial: "#c77700", major: "#c0392b", none: "#c5cbd3" } as const;

/** Room on the right for a last tick that sits on the chart's edge ("28 Nov 2026"). */
export const WIDE_RIGHT_CHART_MARGIN = { top: 8, right: 44, bottom: 8, left: 8 } as const;
