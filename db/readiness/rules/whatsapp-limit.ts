import { MESSAGES_PER_ORDER } from "../thresholds";
import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("whatsappLimit.title");

export const whatsappLimitRule = connectionRule("whatsapp-daily-limit", (c, { period, guidance }) => {
  if (c.category !== "messaging") return null;
  const limit = c.facts.dailyMessagingLimit ?? c.usageLimitPerDay;
  const needed = period.expectedOrdersPerDay * MESSAGES_PER_ORDER;
  const need: Phrase = (w) =>
    w.t("whatsappLimit.need", { orders: w.count(period.expectedOrdersPerDay), perOrder: w.count(MESSAGES_PER_ORDER), needed: w.count(needed) });
  const action: ItemText = guidance.action("messaging-limit-tier") ?? ((w) => w.t("whatsappLimit.action"));
  if (limit === undefined || limit === null) {
    return { verdict: "warning", title, reason: (w) => w.t("whatsappLimit.unknown", { need: need(w) }), action };
  }
  return limit >= needed
    ? { verdict: "pass", title, reason: (w) => w.t("whatsappLimit.pass", { limit: w.count(limit), need: need(w) }) }
    : { verdict: "fail", title, reason: (w) => w.t("whatsappLimit.fail", { limit: w.count(limit), need: need(w) }), action };
});
