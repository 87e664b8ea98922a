import { connectionRule } from "./types";
import { listText } from "./wording";

const TITLE = "Provider maintenance";
const indiaDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Kolkata",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export const maintenanceRule = connectionRule("provider-maintenance", (c) => {
  if (c.maintenance.length === 0) {
    return { verdict: "pass", title: TITLE, reason: `${c.provider.name} has announced no maintenance during the period.` };
  }
  const windows = c.maintenance.map((m) => `“${m.title}” (${indiaDateTime.format(m.fromMs)} to ${indiaDateTime.format(m.untilMs)} IST)`);
  return {
    verdict: "warning",
    title: TITLE,
    reason: `${c.provider.name} has scheduled maintenance during the period: ${listText(windows)}.`,
    action: "Plan around the window: avoid starting offers or campaigns while it runs, and test one order after it ends.",
  };
});
