import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { databasePath } from "./client";

/**
 * A secret the demo makes once and keeps beside its database (mode 0600), so that what it
 * protects survives a restart. Real deployments set their secrets in the environment.
 */
export function demoSecret(options: { databaseUrl: string; fileName: string; generate: () => string; log: (line: string) => void }): string {
  const path = databasePath(options.databaseUrl);
  if (path === ":memory:") return options.generate();
  const file = join(dirname(path), options.fileName);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${options.generate()}\n`, { mode: 0o600 });
    options.log(`generated a demo secret in ${file}`);
  }
  return readFileSync(file, "utf8").trim();
}
