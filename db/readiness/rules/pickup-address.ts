import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("pickupAddress.title");

export const pickupAddressRule = connectionRule("pickup-address", (c, { guidance }) => {
  if (c.category !== "logistics") return null;
  const action: ItemText = guidance.action("logistics-pickup-address") ?? ((w) => w.t("pickupAddress.action"));
  switch (c.facts.pickupAddressVerified) {
    case true:
      return { verdict: "pass", title, reason: (w) => w.t("pickupAddress.pass") };
    case false:
      return { verdict: "fail", title, reason: (w) => w.t("pickupAddress.fail"), action };
    case undefined:
      return { verdict: "warning", title, reason: (w) => w.t("pickupAddress.unknown"), action };
  }
});
