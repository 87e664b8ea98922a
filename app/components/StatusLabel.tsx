import type { ProviderStatus } from "../../db/schema/enums";
import { useI18n } from "~/i18n/page-i18n";
import { StatusIcon } from "./StatusIcon";

export function StatusLabel({ status }: { status: ProviderStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-label status-label--${status}`}>
      <StatusIcon status={status} />
      <span>{t(`providerStatus.${status}`)}</span>
    </span>
  );
}
