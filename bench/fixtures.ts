// Databases for the render benchmark: the real demo catalogue, a 200-provider catalogue
// padded with synthetic providers, and raw results padded to a given count.

import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { importCatalogue } from "../db/catalogue/import";
import { CatalogueSchema, type Catalogue } from "../db/catalogue/schema";
import { closeDatabase, migrateDatabase, openDatabase, type Db } from "../db/client";
import { RAW_RESULT_RETENTION_MS } from "../db/rollups/retention";
import { addCheckResults, type RawResultRow } from "../db/rollups/write";
import { cause, check, checkResult, merchant, provider } from "../db/schema";
import { CATEGORY_SLUGS, type CategorySlug } from "../db/schema/enums";
import { DEMO_DAYS, DEMO_RANDOM_SEED, seedGuidance } from "../db/seed";
import { seedDemoHistory } from "../db/seed/demo-history";
import { seededRandom } from "../db/seed/random";
import { HOUR_MS } from "../db/time";

export type Log = (line: string) => void;

const RAW_ROWS_PER_TRANSACTION = 100_000;
const PADDING_PROGRESS_EVERY_ROWS = 1_000_000;
/** Only for the connection that pads: the app's own connections keep SQLite's default. */
const PADDING_CACHE_SIZE_KIB = 256 * 1024;
/** Padded rows stay this far inside the raw retention window, so they are still "live" while the bench runs. */
const PADDING_WINDOW_MARGIN_MS = HOUR_MS;
const PADDING_RANDOM_SEED = 48_000_000;

export function readDemoCatalogue(): Catalogue {
  const text = readFileSync(new URL("../db/seed/demo-providers.json", import.meta.url), "utf8");
  return CatalogueSchema.parse(JSON.parse(text));
}

/** The demo providers followed by synthetic ones (`bench-payments-017`), spread over the categories, up to `total`. */
export function catalogueWithProviders(total: number): Catalogue {
  const demo = readDemoCatalogue();
  const perCategory = new Map<CategorySlug, number>();
  const synthetic: Catalogue["providers"] = [];
  for (let i = 0; demo.providers.length + synthetic.length < total; i++) {
    const categorySlug = CATEGORY_SLUGS[i % CATEGORY_SLUGS.length]!;
    const n = (perCategory.get(categorySlug) ?? 0) + 1;
    perCategory.set(categorySlug, n);
    const slug = `bench-${categorySlug}-${String(n).padStart(3, "0")}`;
    const httpCheck = (suffix: string, name: string): Catalogue["providers"][number]["checks"][number] => ({
      slug: `${slug}-${suffix}`,
      name,
      kind: "http",
      config: { url: `https://${slug}.example.com/${suffix}`, method: "GET", headers: {}, expectedStatus: [200], degradedLatencyMs: 1500 },
      intervalSeconds: 60,
      timeoutMs: 10_000,
      failureThreshold: 3,
      successThreshold: 2,
      enabled: true,
    });
    // Like the demo catalogue, most providers have one check and some two.
    const checks = i % 4 === 0 ? [httpCheck("api", "API availability"), httpCheck("dashboard", "Dashboard")] : [httpCheck("api", "API availability")];
    synthetic.push({
      slug,
      name: `Bench ${categorySlug} ${n}`,
      category: categorySlug,
      description: "Synthetic provider for the render benchmark.",
      websiteUrl: `https://${slug}.example.com`,
      checks,
    });
  }
  return { ...demo, providers: [...demo.providers, ...synthetic] };
}

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

export function databaseBytes(path: string): number {
  return ["", "-wal"].reduce((sum, suffix) => sum + (existsSync(`${path}${suffix}`) ? statSync(`${path}${suffix}`).size : 0), 0);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Times `fn` and logs how long the phase took. */
export function phase<T>(log: Log, name: string, fn: () => T): T {
  const startedAt = performance.now();
  const result = fn();
  log(`${name}: ${seconds(performance.now() - startedAt)}`);
  return result;
}

export interface DatabaseFacts {
  providers: number;
  merchants: number;
  checks: number;
  rawResults: number;
  bytes: number;
}

export function databaseFacts(db: Db, path: string): DatabaseFacts {
  const n = (table: typeof provider | typeof merchant | typeof check | typeof checkResult) => db.select({ n: count() }).from(table).get()?.n ?? 0;
  return { providers: n(provider), merchants: n(merchant), checks: n(check), rawResults: n(checkResult), bytes: databaseBytes(path) };
}

/** A new database file with the guidance, `catalogue`'s providers and 90 days of demo history. */
export function createDatabase(path: string, catalogue: Catalogue, merchantCount: number, log: Log): void {
  removeDatabaseFiles(path);
  const db = openDatabase(path);
  try {
    phase(log, "migrations", () => migrateDatabase(db));
    phase(log, "guidance", () => seedGuidance(db));
    const imported = phase(log, `catalogue import (${catalogue.providers.length} providers)`, () => importCatalogue(db, catalogue));
    log(`  ${imported.providers} providers, ${imported.checks} provider-level checks`);
    const history = phase(log, `demo history (${merchantCount} merchants × ${DEMO_DAYS} days)`, () =>
      seedDemoHistory(db, { nowMs: Date.now(), merchantCount, days: DEMO_DAYS, seed: DEMO_RANDOM_SEED }),
    );
    log(
      `  ${history.merchants} merchants, ${history.connections} connections, ${history.results.toLocaleString("en")} results aggregated, ` +
        `${history.incidents} incidents, ${history.maintenances} maintenance windows`,
    );
    phase(log, "checkpoint", () => db.$client.pragma("wal_checkpoint(TRUNCATE)"));
  } finally {
    closeDatabase(db);
  }
}

/**
 * Adds raw results until the table holds `target` rows: round-robin over every check,
 * timestamps rising through the raw retention window as a live probe would write them.
 */
export function padRawResults(path: string, target: number, log: Log): void {
  const db = openDatabase(path);
  try {
    db.$client.pragma(`cache_size = -${PADDING_CACHE_SIZE_KIB}`);
    const have = db.select({ n: count() }).from(checkResult).get()?.n ?? 0;
    const toAdd = target - have;
    if (toAdd <= 0) {
      log(`raw results: already ${have.toLocaleString("en")}, nothing to add for ${target.toLocaleString("en")}`);
      return;
    }
    const checkIds = db.select({ id: check.id }).from(check).orderBy(check.id).all().map((r) => r.id);
    const networkCauseId = db.select({ id: cause.id }).from(cause).where(eq(cause.slug, "network-or-technical-issue")).get()?.id ?? null;
    const random = seededRandom(PADDING_RANDOM_SEED + target);
    const nowMs = Date.now();
    const fromMs = nowMs - RAW_RESULT_RETENTION_MS + PADDING_WINDOW_MARGIN_MS;
    const spanMs = nowMs - fromMs;
    log(`raw results: adding ${toAdd.toLocaleString("en")} to ${have.toLocaleString("en")} over ${checkIds.length} checks`);

    const startedAt = performance.now();
    let nextProgress = PADDING_PROGRESS_EVERY_ROWS;
    for (let done = 0; done < toAdd; ) {
      const size = Math.min(RAW_ROWS_PER_TRANSACTION, toAdd - done);
      const rows: RawResultRow[] = new Array<RawResultRow>(size);
      for (let k = 0; k < size; k++) {
        const i = done + k;
        const roll = random();
        const outcome = roll < 0.005 ? "down" : roll < 0.02 ? "degraded" : "ok";
        rows[k] = {
          checkId: checkIds[i % checkIds.length]!,
          checkedAt: new Date(fromMs + Math.floor((i * spanMs) / toAdd)),
          outcome,
          latencyMs: outcome === "down" ? null : Math.round(120 + random() * (outcome === "degraded" ? 3000 : 400)),
          httpStatus: outcome === "down" ? null : 200,
          causeId: outcome === "down" ? networkCauseId : null,
          message: outcome === "down" ? "request timed out" : null,
          duringMaintenance: false,
        };
      }
      db.transaction((tx) => addCheckResults(tx, rows));
      done += size;
      if (done >= nextProgress || done === toAdd) {
        const elapsedMs = performance.now() - startedAt;
        log(
          `  ${(have + done).toLocaleString("en")} raw results, ${Math.round(done / (elapsedMs / 1000)).toLocaleString("en")} rows/s, ` +
            `${seconds(elapsedMs)}, file ${formatBytes(databaseBytes(path))}`,
        );
        nextProgress += PADDING_PROGRESS_EVERY_ROWS;
      }
    }
    phase(log, "checkpoint", () => db.$client.pragma("wal_checkpoint(TRUNCATE)"));
  } finally {
    closeDatabase(db);
  }
}

/** A copy of `source` with no raw results at all: the low end of "cost does not grow with raw results". */
export function copyWithoutRawResults(source: string, target: string, log: Log): void {
  removeDatabaseFiles(target);
  const sourceDb = openDatabase(source);
  try {
    // The copy must see every committed page, so nothing may be left in the WAL.
    sourceDb.$client.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    closeDatabase(sourceDb);
  }
  phase(log, "copy", () => copyFileSync(source, target));
  const db = openDatabase(target);
  try {
    const deleted = phase(log, "delete raw results", () => db.delete(checkResult).run().changes);
    log(`  ${deleted.toLocaleString("en")} raw results deleted`);
    phase(log, "checkpoint", () => db.$client.pragma("wal_checkpoint(TRUNCATE)"));
  } finally {
    closeDatabase(db);
  }
}
