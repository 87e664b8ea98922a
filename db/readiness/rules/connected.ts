import { connectionRule } from "./types";

export const connectedRule = connectionRule(
  "connected",
  (c, { guidance }) =>
    c.state === "connected"
      ? { verdict: "pass", title: "Connected", reason: `ShopIQ is connected to your ${c.provider.name} account.` }
      : {
          verdict: "fail",
          title: "Connected",
          reason: `${c.provider.name} is disconnected: ShopIQ cannot use this account until it is connected again.`,
          action: guidance.forCause("app-disconnected", c.category) ?? `Connect ${c.provider.name} again in ShopIQ settings.`,
        },
  { includeDisconnected: true },
);
