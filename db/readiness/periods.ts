// The calendar a merchant reviews: the shared sale seasons and festivals, and the
// merchant's own campaigns, as one list.

import { and, asc, eq, gte } from "drizzle-orm";
import type { Executor } from "../client";
import { highOrderPeriod, merchantCampaign } from "../schema";
import type { PeriodKind } from "../schema/enums";
import type { LocalizedText } from "../schema/types";

export type CalendarEntry =
  | { type: "period"; id: number; slug: string; name: LocalizedText; kind: PeriodKind; startsOn: string; endsOn: string }
  | { type: "campaign"; id: number; name: string; startsOn: string; endsOn: string; expectedOrdersPerDay: number };

/** What a report can be generated for: the period's days and, for a campaign, its expected orders. */
export interface ReportTarget {
  periodId: number | null;
  campaignId: number | null;
  /** A calendar period's name in every language; a campaign's as the merchant wrote it. */
  name: LocalizedText;
  startsOn: string;
  endsOn: string;
  expectedOrdersPerDay: number | null;
}

/** Calendar periods and the merchant's campaigns that have not ended by `today`, soonest first. */
export function listUpcomingCalendar(db: Executor, merchantId: number, today: string): CalendarEntry[] {
  const periods = db
    .select({
      id: highOrderPeriod.id,
      slug: highOrderPeriod.slug,
      name: highOrderPeriod.name,
      kind: highOrderPeriod.kind,
      startsOn: highOrderPeriod.startsOn,
      endsOn: highOrderPeriod.endsOn,
    })
    .from(highOrderPeriod)
    .where(gte(highOrderPeriod.endsOn, today))
    .all()
    .map((p): CalendarEntry => ({ type: "period", ...p }));
  const campaigns = db
    .select({
      id: merchantCampaign.id,
      name: merchantCampaign.name,
      startsOn: merchantCampaign.startsOn,
      endsOn: merchantCampaign.endsOn,
      expectedOrdersPerDay: merchantCampaign.expectedOrdersPerDay,
    })
    .from(merchantCampaign)
    .where(and(eq(merchantCampaign.merchantId, merchantId), gte(merchantCampaign.endsOn, today)))
    .orderBy(asc(merchantCampaign.startsOn))
    .all()
    .map((c): CalendarEntry => ({ type: "campaign", ...c }));
  return [...periods, ...campaigns].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
}

/** A calendar period (any merchant may review it) or one of this merchant's campaigns; null when there is no such thing for them. */
export function findReportTarget(db: Executor, merchantId: number, target: { kind: "period" | "campaign"; id: number }): ReportTarget | null {
  if (target.kind === "period") {
    const p = db.select().from(highOrderPeriod).where(eq(highOrderPeriod.id, target.id)).get();
    return p ? { periodId: p.id, campaignId: null, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, expectedOrdersPerDay: null } : null;
  }
  const c = db
    .select()
    .from(merchantCampaign)
    .where(and(eq(merchantCampaign.id, target.id), eq(merchantCampaign.merchantId, merchantId)))
    .get();
  return c
    ? { periodId: null, campaignId: c.id, name: { en: c.name }, startsOn: c.startsOn, endsOn: c.endsOn, expectedOrdersPerDay: c.expectedOrdersPerDay }
    : null;
}
