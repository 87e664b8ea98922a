// Everything the readiness page shows for one merchant, read in one place.

import type { Executor } from "../client";
import { dayKey } from "../time";
import { listCampaigns, type Campaign } from "./campaigns";
import { listUpcomingCalendar, type CalendarEntry } from "./periods";
import { listSnapshots, type SnapshotSummary } from "./snapshots";

export interface ReadinessPage {
  today: string;
  calendar: CalendarEntry[];
  campaigns: Campaign[];
  snapshots: SnapshotSummary[];
}

export function getReadinessPage(db: Executor, merchantId: number, nowMs: number): ReadinessPage {
  const today = dayKey(nowMs);
  return {
    today,
    calendar: listUpcomingCalendar(db, merchantId, today),
    campaigns: listCampaigns(db, merchantId),
    snapshots: listSnapshots(db, merchantId),
  };
}
