import type { CheckState } from "../../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";

// Each state has its own shape as well as its own colour, so that it reads without colour.
const PATHS: Record<CheckState, string> = {
  ok: "M4 8.5l2.5 2.5L12 5.5",
  degraded: "M8 4v5M8 11.5v.5",
  down: "M5 5l6 6M11 5l-6 6",
  unknown: "M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.5M8 11.5v.5",
};

/** A connection's state from its checks, as an icon and words. */
export function ConnectionStateLabel({ state }: { state: CheckState }) {
  const { t } = useI18n();
  return (
    <span className={`connection-state connection-state--${state}`}>
      <svg className="connection-state__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="8" />
        <path d={PATHS[state]} />
      </svg>
      <span>{t(`connectionState.${state}`)}</span>
    </span>
  );
}
