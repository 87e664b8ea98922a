import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { closeDatabase, migrateDatabase, openDatabase, type Db } from "../../db/client";
import { seedGuidance } from "../../db/seed";

export interface TestDatabase {
  db: Db;
  path: string;
  close: () => void;
}

function open(path: string, dir: string): TestDatabase {
  const db = openDatabase(path);
  return {
    db,
    path,
    close: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new SQLite file with the schema and no rows. */
export function migratedDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "status-test-"));
  const test = open(join(dir, "status.sqlite"), dir);
  migrateDatabase(test.db);
  return test;
}

/** A new SQLite file with the schema and the merchant guidance, nothing else. */
export function guidanceDatabase(): TestDatabase {
  const test = migratedDatabase();
  seedGuidance(test.db);
  return test;
}

/** A copy of the seeded demo database (90 days, 30 providers, 240 merchants) in its own file. */
export function demoDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "status-test-"));
  const path = join(dir, "status.sqlite");
  copyFileSync(inject("demoTemplatePath"), path);
  return open(path, dir);
}
