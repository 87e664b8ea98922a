import { connectionRule } from "./types";
import type { Phrase } from "./wording";

const title: Phrase = (w) => w.t("maintenance.title");

// Maintenance titles are quoted as ops or the provider wrote them.
export const maintenanceRule = connectionRule("provider-maintenance", (c) => {
  const provider = c.provider.name;
  if (c.maintenance.length === 0) return { verdict: "pass", title, reason: (w) => w.t("maintenance.pass", { provider }) };
  return {
    verdict: "warning",
    title,
    reason: (w) =>
      w.t("maintenance.warning", {
        provider,
        windows: w.list(c.maintenance.map((m) => w.t("maintenance.window", { title: m.title, from: w.dayAndTime(m.fromMs), until: w.dayAndTime(m.untilMs) }))),
      }),
    action: (w) => w.t("maintenance.action"),
  };
});
