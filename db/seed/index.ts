import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import type { Db } from "../client";
import type { Keyring } from "../credentials/keyring";
import { importCatalogue, type ImportSummary } from "../catalogue/import";
import { merchant, provider } from "../schema";
import { seedDemoHistory, type DemoHistorySummary } from "./demo-history";
import { seedHighOrderPeriods } from "./high-order-periods";

export const DEMO_DAYS = 90;
export const DEMO_MERCHANT_COUNT = 240;
export const DEMO_RANDOM_SEED = 20_261_128;

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));

/**
 * The merchant guidance (categories, workflows, causes, recommended actions) and the
 * calendar of high-order periods are product content every deployment needs; they are
 * upserted on every start, so edits to the files reach existing databases.
 */
export function seedGuidance(db: Db): ImportSummary {
  const summary = importCatalogue(db, readJson("./guidance.json"));
  seedHighOrderPeriods(db);
  return summary;
}

export type DemoSeedOutcome =
  | { seeded: true; catalogue: ImportSummary; history: DemoHistorySummary }
  | { seeded: false; reason: string };

/** Demo providers and 90 days of history, only into a database that has none of its own. */
export function seedDemo(db: Db, options: { nowMs?: number; merchantCount?: number; keyring?: Keyring } = {}): DemoSeedOutcome {
  const providers = db.select({ n: count() }).from(provider).get()?.n ?? 0;
  const merchants = db.select({ n: count() }).from(merchant).get()?.n ?? 0;
  if (providers > 0 || merchants > 0) {
    return { seeded: false, reason: `the database already has ${providers} providers and ${merchants} merchants` };
  }
  return db.transaction((tx) => {
    const catalogue = importCatalogue(tx, readJson("./demo-providers.json"));
    const history = seedDemoHistory(tx, {
      nowMs: options.nowMs ?? Date.now(),
      merchantCount: options.merchantCount ?? DEMO_MERCHANT_COUNT,
      days: DEMO_DAYS,
      seed: DEMO_RANDOM_SEED,
      keyring: options.keyring,
    });
    return { seeded: true, catalogue, history };
  });
}
