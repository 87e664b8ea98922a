import { useI18n } from "~/i18n/page-i18n";
import { UPTIME_BANDS } from "~/lib/uptime-bands";

export function UptimeLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t("uptime.legendLabel")}>
      {UPTIME_BANDS.map((b) => (
        <li key={b.name}>
          <span className={`cell cell--${b.name} legend__swatch`} aria-hidden="true" />
          {t(`uptime.band.${b.name}`)}
        </li>
      ))}
      <li>
        <span className="cell cell--none legend__swatch" aria-hidden="true" />
        {t("format.noData")}
      </li>
    </ul>
  );
}
