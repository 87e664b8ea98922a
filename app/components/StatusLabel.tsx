import type { ProviderStatus } from "../../db/schema/enums";
import { PROVIDER_STATUS_LABELS } from "~/lib/labels";
import { StatusIcon } from "./StatusIcon";

export function StatusLabel({ status }: { status: ProviderStatus }) {
  return (
    <span className={`status-label status-label--${status}`}>
      <StatusIcon status={status} />
      <span>{PROVIDER_STATUS_LABELS[status]}</span>
    </span>
  );
}
