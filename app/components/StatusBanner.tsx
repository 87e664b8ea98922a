import type { PageIndicator } from "../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";
import { StatusIcon } from "./StatusIcon";

const ICON_STATUS = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
} as const;

export function StatusBanner({ indicator, nowMs }: { indicator: PageIndicator; nowMs: number }) {
  const { t, format } = useI18n();
  return (
    <section className={`banner banner--${indicator}`} aria-labelledby="banner-title">
      <StatusIcon status={ICON_STATUS[indicator]} />
      <div>
        <h2 id="banner-title" className="banner__title">
          {t(`indicator.${indicator}`)}
        </h2>
        <p className="banner__time">{t("status.asOf", { time: format.dateTime(nowMs) })}</p>
      </div>
    </section>
  );
}
