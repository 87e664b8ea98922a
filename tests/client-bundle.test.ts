import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../db/schema";

// npm test builds before it runs the tests, so this reads the build the server is about to serve.
const BROWSER_BUILD_DIR = "public/build";
const SERVER_ONLY_MARKERS = ["drizzle", "sqliteTable", "better-sqlite3", "node:crypto"];

function javaScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return javaScriptFiles(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** Names only our schema writes: snake_case tables, columns and indexes (single words like "check" are everyday strings too). */
function schemaNames(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const table = getTableConfig(value);
    for (const name of [table.name, ...table.columns.map((c) => c.name), ...table.indexes.map((i) => i.config.name)]) {
      if (name.includes("_")) names.add(name);
    }
  }
  return [...names];
}

describe("the browser build", () => {
  it("carries no database code: no drizzle, no SQLite driver, no node:crypto and none of our tables", () => {
    expect(existsSync(BROWSER_BUILD_DIR), `${BROWSER_BUILD_DIR} is missing: run npx remix build first (npm test does)`).toBe(true);
    const files = javaScriptFiles(BROWSER_BUILD_DIR);
    expect(files.length).toBeGreaterThan(0);
    const tableNames = schemaNames();
    expect(tableNames).toContain("incident_update");
    const leaks = files.flatMap((file) => {
      const code = readFileSync(file, "utf8");
      return [
        ...SERVER_ONLY_MARKERS.filter((marker) => code.includes(marker)).map((marker) => `${file} contains ${marker}`),
        ...tableNames.filter((name) => code.includes(`"${name}"`)).map((name) => `${file} contains the schema name "${name}"`),
      ];
    });
    const reason = `The browser build carries server code (${leaks.slice(0, 3).join("; ")}): a route or component imports a db/ or Node module that is not behind a *.server.ts file`;
    expect(leaks.length === 0, reason).toBe(true);
  });
});
