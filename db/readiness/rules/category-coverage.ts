// The one rule about the store rather than a connection: a category it cannot sell
// without, with no provider connected at all.

import type { ReadinessItemRecord } from "../../schema/types";
import type { CategorySlug } from "../../schema/enums";
import { VERDICT_WHEN_CATEGORY_MISSING } from "../thresholds";
import type { ReadinessRule } from "./types";
import { listText } from "./wording";

const COVERAGE: Partial<Record<CategorySlug, { title: string; missing: string; action: string }>> = {
  payments: {
    title: "A payment gateway is connected",
    missing: "No payment gateway is connected: customers cannot pay online at checkout.",
    action: "Connect a payment gateway in ShopIQ settings, and make a small test payment.",
  },
  logistics: {
    title: "A logistics partner is connected",
    missing: "No logistics partner is connected: shipments and pickups cannot be booked from ShopIQ.",
    action: "Connect a logistics partner in ShopIQ settings and verify your pickup address.",
  },
  messaging: {
    title: "WhatsApp messaging is connected",
    missing: "No WhatsApp provider is connected: customers will not get order confirmations or shipping updates on WhatsApp.",
    action: "Connect a WhatsApp provider in ShopIQ settings and get your order templates approved.",
  },
};

export const categoryCoverageRule: ReadinessRule = {
  key: "category-connected",
  evaluate: ({ connections }) =>
    Object.entries(VERDICT_WHEN_CATEGORY_MISSING).flatMap(([slug, verdictWhenMissing]): ReadinessItemRecord[] => {
      const category = slug as CategorySlug;
      const words = COVERAGE[category];
      if (!words || !verdictWhenMissing) return [];
      const connected = connections.filter((c) => c.category === category && c.state === "connected").map((c) => c.provider.name);
      return [
        connected.length > 0
          ? { rule: "category-connected", verdict: "pass", category, title: words.title, reason: `Connected: ${listText(connected)}.` }
          : { rule: "category-connected", verdict: verdictWhenMissing, category, title: words.title, reason: words.missing, action: words.action },
      ];
    }),
};
