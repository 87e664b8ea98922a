import { connectionRule } from "./types";

const TITLE = "Pickup address";

export const pickupAddressRule = connectionRule("pickup-address", (c, { guidance }) => {
  if (c.category !== "logistics") return null;
  const action = guidance.action("logistics-pickup-address") ?? "Add and verify your pickup address in the logistics dashboard.";
  switch (c.facts.pickupAddressVerified) {
    case true:
      return { verdict: "pass", title: TITLE, reason: "The pickup address is verified." };
    case false:
      return { verdict: "fail", title: TITLE, reason: "The pickup address is not verified, so couriers cannot be booked to collect orders.", action };
    case undefined:
      return { verdict: "warning", title: TITLE, reason: "ShopIQ cannot see whether the pickup address is verified.", action };
  }
});
