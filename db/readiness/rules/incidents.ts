import { connectionRule } from "./types";
import type { Phrase } from "./wording";

const title: Phrase = (w) => w.t("incidents.title");

// Incident titles are quoted as ops wrote them; only the words around them are translated.
export const incidentsRule = connectionRule("open-incidents", (c, { guidance }) => {
  const provider = c.provider.name;
  if (c.openIncidents.length === 0) return { verdict: "pass", title, reason: (w) => w.t("incidents.pass", { provider }) };
  const major = c.openIncidents.some((i) => i.impact === "major_outage");
  return {
    verdict: major ? "fail" : "warning",
    title,
    reason: (w) =>
      w.t("incidents.open", {
        count: c.openIncidents.length,
        provider,
        incidents: w.list(c.openIncidents.map((i) => w.t("incidents.incident", { title: i.title, impact: w.t(`incidents.impact.${i.impact}`) }))),
      }),
    action: guidance.forCause("provider-downtime", c.category) ?? ((w) => w.t("incidents.action")),
  };
});
