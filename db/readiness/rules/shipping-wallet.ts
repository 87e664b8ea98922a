import { SHIPPING_COST_PER_SHIPMENT_INR } from "../thresholds";
import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("shippingWallet.title");

export const shippingWalletRule = connectionRule("shipping-wallet", (c, { period, guidance }) => {
  if (c.category !== "logistics") return null;
  const balance = c.facts.walletBalanceInr;
  const perDayInr = period.expectedOrdersPerDay * SHIPPING_COST_PER_SHIPMENT_INR;
  const neededInr = perDayInr * period.days;
  const days = (n: number): Phrase => (w) => w.t("shippingWallet.days", { count: n, n: w.count(n) });
  const need: Phrase = (w) =>
    w.t("shippingWallet.need", {
      orders: w.count(period.expectedOrdersPerDay),
      days: days(period.days)(w),
      cost: w.rupees(SHIPPING_COST_PER_SHIPMENT_INR),
      total: w.rupees(neededInr),
    });
  const action: ItemText = guidance.action("logistics-wallet-balance") ?? ((w) => w.t("shippingWallet.action"));
  if (balance === undefined) return { verdict: "warning", title, reason: (w) => w.t("shippingWallet.unknown", { need: need(w) }), action };
  if (balance >= neededInr) return { verdict: "pass", title, reason: (w) => w.t("shippingWallet.pass", { balance: w.rupees(balance), need: need(w) }) };
  // Enough for a day or more can be topped up during the sale; less stops shipping on day one.
  return balance >= perDayInr
    ? {
        verdict: "warning",
        title,
        reason: (w) => w.t("shippingWallet.lastsDays", { balance: w.rupees(balance), need: need(w), lasts: days(Math.floor(balance / perDayInr))(w) }),
        action,
      }
    : { verdict: "fail", title, reason: (w) => w.t("shippingWallet.notOneDay", { balance: w.rupees(balance), need: need(w) }), action };
});
