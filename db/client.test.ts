import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, type TestDatabase } from "../tests/support/database";

let t: TestDatabase;
beforeAll(() => {
  t = migratedDatabase();
});
afterAll(() => t.close());

describe("database", () => {
  it("runs in WAL mode with foreign keys enforced and a busy timeout", () => {
    expect(t.db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(t.db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(t.db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("has an index leading with every foreign-key column, named <table>_<cols>_idx", () => {
    const sqlite = t.db.$client;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").pluck().all() as string[];
    const missing: string[] = [];
    for (const table of tables) {
      const foreignKeys = sqlite.prepare(`select "from" from pragma_foreign_key_list(?)`).pluck().all(table) as string[];
      const indexes = sqlite.prepare("select name from pragma_index_list(?)").pluck().all(table) as string[];
      const leading = new Set(indexes.map((index) => sqlite.prepare("select name from pragma_index_info(?) where seqno = 0").pluck().get(index) as string));
      // An INTEGER PRIMARY KEY is the row id itself: the table is ordered by it.
      const rowIdKey = sqlite.prepare("select name from pragma_table_info(?) where pk = 1 and type = 'INTEGER'").pluck().all(table) as string[];
      if (rowIdKey.length === 1) leading.add(rowIdKey[0]!);
      for (const column of foreignKeys) if (!leading.has(column)) missing.push(`${table}.${column}`);
      for (const index of indexes.filter((name) => !name.startsWith("sqlite_autoindex"))) {
        expect(index).toMatch(new RegExp(`^${table}_[a-z_]+_idx$`));
      }
    }
    expect(missing).toEqual([]);
  });
});
