import { MARKETPLACE_SYNC_FAIL_AGE_MS, MARKETPLACE_SYNC_WARNING_AGE_MS } from "../thresholds";
import { HOUR_MS } from "../../time";
import { connectionRule } from "./types";
import { plural } from "./wording";

const TITLE = "Marketplace sync";

export const marketplaceSyncRule = connectionRule("marketplace-sync", (c, { nowMs, guidance }) => {
  if (c.category !== "marketplaces") return null;
  const action = guidance.action("marketplaces-order-sync-access") ?? "Check that ShopIQ can still reach your seller account, and sync again.";
  const syncedAtMs = c.facts.lastSuccessfulSyncAt ? Date.parse(c.facts.lastSuccessfulSyncAt) : Number.NaN;
  if (Number.isNaN(syncedAtMs)) {
    return { verdict: "warning", title: TITLE, reason: "ShopIQ has no successful sync with this marketplace on record.", action };
  }
  const ageMs = Math.max(0, nowMs - syncedAtMs);
  const age = ageMs < HOUR_MS ? "less than an hour ago" : `${plural(Math.floor(ageMs / HOUR_MS), "hour", "hours")} ago`;
  if (ageMs > MARKETPLACE_SYNC_FAIL_AGE_MS) {
    return { verdict: "fail", title: TITLE, reason: `The last successful sync was ${age}: orders and stock are out of date.`, action };
  }
  if (ageMs > MARKETPLACE_SYNC_WARNING_AGE_MS) {
    return { verdict: "warning", title: TITLE, reason: `The last successful sync was ${age}, more than ${MARKETPLACE_SYNC_WARNING_AGE_MS / HOUR_MS} hours.`, action };
  }
  return { verdict: "pass", title: TITLE, reason: `The last successful sync was ${age}.` };
});
