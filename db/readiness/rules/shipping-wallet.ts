import { SHIPPING_COST_PER_SHIPMENT_INR } from "../thresholds";
import { connectionRule } from "./types";
import { count, plural, rupees } from "./wording";

const TITLE = "Shipping wallet balance";

export const shippingWalletRule = connectionRule("shipping-wallet", (c, { period, guidance }) => {
  if (c.category !== "logistics") return null;
  const balance = c.facts.walletBalanceInr;
  const perDayInr = period.expectedOrdersPerDay * SHIPPING_COST_PER_SHIPMENT_INR;
  const neededInr = perDayInr * period.days;
  const need =
    `${count(period.expectedOrdersPerDay)} shipments a day × ${plural(period.days, "day", "days")} × ` +
    `${rupees(SHIPPING_COST_PER_SHIPMENT_INR)} a shipment = ${rupees(neededInr)}`;
  const action = guidance.action("logistics-wallet-balance") ?? "Recharge your shipping wallet before the period starts.";
  if (balance === undefined) {
    return { verdict: "warning", title: TITLE, reason: `ShopIQ cannot see the wallet balance; the period needs about ${need}.`, action };
  }
  if (balance >= neededInr) return { verdict: "pass", title: TITLE, reason: `The balance of ${rupees(balance)} covers ${need}.` };
  const reason = `The balance of ${rupees(balance)} is below ${need}`;
  // Enough for a day or more can be topped up during the sale; less stops shipping on day one.
  return balance >= perDayInr
    ? { verdict: "warning", title: TITLE, reason: `${reason}; it lasts about ${plural(Math.floor(balance / perDayInr), "day", "days")}.`, action }
    : { verdict: "fail", title: TITLE, reason: `${reason}; it does not cover one day of shipments.`, action };
});
