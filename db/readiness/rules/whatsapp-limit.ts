import { MESSAGES_PER_ORDER } from "../thresholds";
import { connectionRule } from "./types";
import { count } from "./wording";

const TITLE = "WhatsApp daily messaging limit";

export const whatsappLimitRule = connectionRule("whatsapp-daily-limit", (c, { period, guidance }) => {
  if (c.category !== "messaging") return null;
  const limit = c.facts.dailyMessagingLimit ?? c.usageLimitPerDay;
  const needed = period.expectedOrdersPerDay * MESSAGES_PER_ORDER;
  const need = `${count(period.expectedOrdersPerDay)} orders a day × ${MESSAGES_PER_ORDER} messages each = ${count(needed)} messages a day`;
  const action = guidance.action("messaging-limit-tier") ?? "Raise your daily messaging limit before the period starts.";
  if (limit === undefined || limit === null) {
    return { verdict: "warning", title: TITLE, reason: `ShopIQ cannot see the daily messaging limit; you need ${need}.`, action };
  }
  return limit >= needed
    ? { verdict: "pass", title: TITLE, reason: `The limit of ${count(limit)} messages a day covers ${need}.` }
    : { verdict: "fail", title: TITLE, reason: `The limit of ${count(limit)} messages a day is below ${need}.`, action };
});
