import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { closeDatabase, migrateDatabase, openDatabase } from "../../db/client";
import { generateKeyringSpec, parseKeyring } from "../../db/credentials/keyring";
import { seedDemo, seedGuidance } from "../../db/seed";

/**
 * Seeds the demo once into a template file; tests that need a full database copy it,
 * each into its own file, instead of seeding 90 days again.
 */
export default function setup(project: TestProject) {
  const cacheDir = join(process.cwd(), ".cache");
  mkdirSync(cacheDir, { recursive: true });
  // A directory per run: test runs may overlap on one machine.
  const dir = mkdtempSync(join(cacheDir, "test-"));
  const templatePath = join(dir, "demo-template.sqlite");
  const db = openDatabase(templatePath);
  migrateDatabase(db);
  seedGuidance(db);
  const keyringSpec = generateKeyringSpec();
  const outcome = seedDemo(db, { keyring: parseKeyring(keyringSpec) });
  if (!outcome.seeded) throw new Error(`the demo template was not seeded: ${outcome.reason}`);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  closeDatabase(db);
  project.provide("demoTemplatePath", templatePath);
  project.provide("demoSeededAtMs", Date.now());
  project.provide("demoKeyringSpec", keyringSpec);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplatePath: string;
    demoSeededAtMs: number;
    /** The key the demo connections' credentials are sealed with. */
    demoKeyringSpec: string;
  }
}
