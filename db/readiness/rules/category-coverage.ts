// The one rule about the store rather than a connection: a category it cannot sell
// without, with no provider connected at all.

import type { ReadinessItemRecord } from "../../schema/types";
import type { CategorySlug } from "../../schema/enums";
import { VERDICT_WHEN_CATEGORY_MISSING } from "../thresholds";
import type { ReadinessRule } from "./types";
import { inEveryLanguage } from "./wording";

/** The categories the coverage wording has sentences for (`coverage.<category>`). */
const WORDED = ["payments", "logistics", "messaging"] as const;
const isWorded = (category: CategorySlug): category is (typeof WORDED)[number] => (WORDED as readonly string[]).includes(category);

export const categoryCoverageRule: ReadinessRule = {
  key: "category-connected",
  evaluate: ({ connections }) =>
    Object.entries(VERDICT_WHEN_CATEGORY_MISSING).flatMap(([slug, verdictWhenMissing]): ReadinessItemRecord[] => {
      const category = slug as CategorySlug;
      if (!isWorded(category) || !verdictWhenMissing) return [];
      const connected = connections.filter((c) => c.category === category && c.state === "connected").map((c) => c.provider.name);
      const title = inEveryLanguage((w) => w.t(`coverage.${category}.title`));
      return [
        connected.length > 0
          ? {
              rule: "category-connected",
              verdict: "pass",
              category,
              title,
              reason: inEveryLanguage((w) => w.t("coverage.connected", { providers: w.list(connected) })),
            }
          : {
              rule: "category-connected",
              verdict: verdictWhenMissing,
              category,
              title,
              reason: inEveryLanguage((w) => w.t(`coverage.${category}.missing`)),
              action: inEveryLanguage((w) => w.t(`coverage.${category}.action`)),
            },
      ];
    }),
};
