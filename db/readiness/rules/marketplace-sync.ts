import { MARKETPLACE_SYNC_FAIL_AGE_MS, MARKETPLACE_SYNC_WARNING_AGE_MS } from "../thresholds";
import { HOUR_MS } from "../../time";
import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("marketplaceSync.title");

export const marketplaceSyncRule = connectionRule("marketplace-sync", (c, { nowMs, guidance }) => {
  if (c.category !== "marketplaces") return null;
  const action: ItemText = guidance.action("marketplaces-order-sync-access") ?? ((w) => w.t("marketplaceSync.action"));
  const syncedAtMs = c.facts.lastSuccessfulSyncAt ? Date.parse(c.facts.lastSuccessfulSyncAt) : Number.NaN;
  if (Number.isNaN(syncedAtMs)) return { verdict: "warning", title, reason: (w) => w.t("marketplaceSync.none"), action };
  const ageMs = Math.max(0, nowMs - syncedAtMs);
  const hours = Math.floor(ageMs / HOUR_MS);
  const age: Phrase = (w) => (ageMs < HOUR_MS ? w.t("marketplaceSync.underAnHour") : w.t("marketplaceSync.hoursAgo", { count: hours, n: w.count(hours) }));
  if (ageMs > MARKETPLACE_SYNC_FAIL_AGE_MS) {
    return { verdict: "fail", title, reason: (w) => w.t("marketplaceSync.fail", { age: age(w) }), action };
  }
  if (ageMs > MARKETPLACE_SYNC_WARNING_AGE_MS) {
    return {
      verdict: "warning",
      title,
      reason: (w) => w.t("marketplaceSync.warning", { age: age(w), limit: w.count(MARKETPLACE_SYNC_WARNING_AGE_MS / HOUR_MS) }),
      action,
    };
  }
  return { verdict: "pass", title, reason: (w) => w.t("marketplaceSync.pass", { age: age(w) }) };
});
