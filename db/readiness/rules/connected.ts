import { connectionRule } from "./types";

export const connectedRule = connectionRule(
  "connected",
  (c, { guidance }) => {
    const provider = c.provider.name;
    return c.state === "connected"
      ? { verdict: "pass", title: (w) => w.t("connected.title"), reason: (w) => w.t("connected.pass", { provider }) }
      : {
          verdict: "fail",
          title: (w) => w.t("connected.title"),
          reason: (w) => w.t("connected.fail", { provider }),
          action: guidance.forCause("app-disconnected", c.category) ?? ((w) => w.t("connected.action", { provider })),
        };
  },
  { includeDisconnected: true },
);
