import { migrateDatabase, openDatabase, type Db } from "../db/client";
import { seedDemo, seedGuidance } from "../db/seed";
import type { Env } from "../app/env.server";
import type { Keyring } from "../db/credentials/keyring";

export type Log = (line: string) => void;

/** Opens the database, applies migrations and seeds what an empty database needs. */
export function prepareDatabase(env: Pick<Env, "DATABASE_URL" | "SEED_DEMO">, keyring: Keyring, log: Log): Db {
  const db = openDatabase(env.DATABASE_URL);
  migrateDatabase(db);
  log(`database ready at ${env.DATABASE_URL} (migrations applied)`);
  const guidance = seedGuidance(db);
  log(`merchant guidance loaded: ${guidance.causes} causes, ${guidance.actions} recommended actions`);
  if (!env.SEED_DEMO) {
    log("demo data not seeded (SEED_DEMO=false)");
    return db;
  }
  const startedAt = Date.now();
  const demo = seedDemo(db, { keyring });
  if (demo.seeded) {
    const h = demo.history;
    log(
      `database was empty: seeded demo data in ${Date.now() - startedAt} ms: ${demo.catalogue.providers} providers, ` +
        `${h.merchants} merchants, ${h.connections} connections, ${h.results} check results over 90 days, ` +
        `${h.incidents} incidents, ${h.maintenances} maintenance windows`,
    );
  } else {
    log(`demo data not seeded: ${demo.reason}`);
  }
  return db;
}
