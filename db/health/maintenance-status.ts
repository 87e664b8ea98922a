export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** A maintenance window's status follows from the clock. */
export function maintenanceStatus(
  window: { scheduledFor: Date; scheduledUntil: Date },
  nowMs: number,
): MaintenanceStatus {
  if (nowMs < window.scheduledFor.getTime()) return "scheduled";
  if (nowMs < window.scheduledUntil.getTime()) return "in_progress";
  return "completed";
}
