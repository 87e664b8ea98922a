// The readiness review's thresholds, in one place so the rules, the page that explains
// them and docs/decisions/010-readiness-score.md agree. Free of database code.

import type { CategorySlug, ReadinessVerdict } from "../schema/enums";
import { HOUR_MS } from "../time";

/** How far back "healthy over the last 30 days" looks, in India calendar days including today. */
export const UPTIME_WINDOW_DAYS = 30;
/** Uptime below this share of checks is a warning… */
export const UPTIME_WARNING_BELOW_PERCENT = 99;
/** …and below this one a fail. */
export const UPTIME_FAIL_BELOW_PERCENT = 95;

/** WhatsApp messages each order sends: the order confirmation and the shipping update. */
export const MESSAGES_PER_ORDER = 2;

/** What one forward shipment of a small parcel (0.5 kg, within India) costs from a prepaid shipping wallet. */
export const SHIPPING_COST_PER_SHIPMENT_INR = 60;

/** A marketplace sync older than this is a warning… */
export const MARKETPLACE_SYNC_WARNING_AGE_MS = 2 * HOUR_MS;
/** …and older than this a fail: orders are at risk of missing their dispatch deadline. */
export const MARKETPLACE_SYNC_FAIL_AGE_MS = 24 * HOUR_MS;

/**
 * Categories a store needs at least one connected provider of during a sale, and the
 * verdict when it has none: no payment gateway or no logistics stops orders; no WhatsApp
 * only stops order messages.
 */
export const VERDICT_WHEN_CATEGORY_MISSING: Partial<Record<CategorySlug, ReadinessVerdict>> = {
  payments: "fail",
  logistics: "fail",
  messaging: "warning",
};
