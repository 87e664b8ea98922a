import { UPTIME_BANDS } from "~/lib/uptime-bands";

export function UptimeLegend() {
  return (
    <ul className="legend" aria-label="Uptime bar colours">
      {UPTIME_BANDS.map((b) => (
        <li key={b.name}>
          <span className={`cell cell--${b.name} legend__swatch`} aria-hidden="true" />
          {b.label[0]!.toUpperCase() + b.label.slice(1)}
        </li>
      ))}
      <li>
        <span className="cell cell--none legend__swatch" aria-hidden="true" />
        No data
      </li>
    </ul>
  );
}
