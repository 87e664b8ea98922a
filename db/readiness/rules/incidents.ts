import { connectionRule } from "./types";
import { listText } from "./wording";

const TITLE = "Open incidents";
const IMPACT_WORDS = { degraded_performance: "degraded performance", partial_outage: "partial outage", major_outage: "major outage" } as const;

export const incidentsRule = connectionRule("open-incidents", (c, { guidance }) => {
  if (c.openIncidents.length === 0) return { verdict: "pass", title: TITLE, reason: `No open incident affects ${c.provider.name}.` };
  const incidents = listText(c.openIncidents.map((i) => `“${i.title}” (${IMPACT_WORDS[i.impact]})`));
  const major = c.openIncidents.some((i) => i.impact === "major_outage");
  return {
    verdict: major ? "fail" : "warning",
    title: TITLE,
    reason: `${c.provider.name} has ${c.openIncidents.length === 1 ? "an open incident" : "open incidents"}: ${incidents}.`,
    action: guidance.forCause("provider-downtime", c.category) ?? "Follow the incident on this status page until it is resolved.",
  };
});
