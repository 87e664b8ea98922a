import type { PageIndicator } from "../../db/schema/enums";
import { INDICATOR_LABELS } from "~/lib/labels";
import { formatDateTime } from "~/lib/format";
import { StatusIcon } from "./StatusIcon";

const ICON_STATUS = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
} as const;

export function StatusBanner({ indicator, nowMs }: { indicator: PageIndicator; nowMs: number }) {
  return (
    <section className={`banner banner--${indicator}`} aria-labelledby="banner-title">
      <StatusIcon status={ICON_STATUS[indicator]} />
      <div>
        <h2 id="banner-title" className="banner__title">
          {INDICATOR_LABELS[indicator]}
        </h2>
        <p className="banner__time">As of {formatDateTime(nowMs)}</p>
      </div>
    </section>
  );
}
