// An axis label drawn as one line of SVG text, for every server-rendered chart (decision 003).
// recharts' own label wraps a label wider than its axis by measuring it in the browser,
// which the server cannot do: a wide label ("1,50,000 ms", or any label in a wider font)
// came out as one line from the server and two in the browser, and the page failed to hydrate.

const TICK_FONT_SIZE_PX = 12;

/** Where recharts puts the first line's baseline for each vertical anchor, which we keep so the charts look the same. */
const BASELINE_SHIFT = { start: "0.71em", middle: "0.355em", end: "0" } as const;

/** What recharts hands a custom tick (see CartesianAxis.renderTicks); all optional, as recharts clones our element with them. */
interface AxisTickProps {
  x?: number;
  y?: number;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  verticalAnchor?: keyof typeof BASELINE_SHIFT;
  fill?: string;
  index?: number;
  payload?: { value: unknown };
  tickFormatter?: (value: unknown, index: number) => string;
}

export function AxisTick({ x, y, textAnchor, verticalAnchor = "end", fill, index = 0, payload, tickFormatter }: AxisTickProps) {
  if (x === undefined || y === undefined || !payload) return null;
  const label = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  return (
    <text x={x} y={y} className="recharts-text recharts-cartesian-axis-tick-value" textAnchor={textAnchor} fill={fill} fontSize={TICK_FONT_SIZE_PX}>
      <tspan x={x} dy={BASELINE_SHIFT[verticalAnchor]}>
        {label}
      </tspan>
    </text>
  );
}
