import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../db/catalogue/schema";
import { exportCatalogue } from "../db/catalogue/export";
import { closeDatabase, openDatabase } from "../db/client";
import { category, cause, check, provider, recommendedAction, workflow } from "../db/schema";
import { demoDatabase, migratedDatabase, type TestDatabase } from "./support/database";
import { runProcess } from "./support/processes";

const dir = mkdtempSync(join(tmpdir(), "statusctl-catalog-"));
let source: TestDatabase;
/** What `catalog export` must write for the demo database, made in-process. */
const referenceFile = join(dir, "reference.json");
beforeAll(() => {
  source = demoDatabase();
  writeFileSync(referenceFile, `${JSON.stringify(exportCatalogue(source.db), null, 2)}\n`);
});
afterAll(() => {
  source.close();
  rmSync(dir, { recursive: true, force: true });
});

const statusctl = (args: string[], databasePath: string) => runProcess(process.execPath, ["bin/statusctl.mjs", ...args], { DATABASE_URL: `file:${databasePath}` });
/** Runs statusctl through a shell, for tests of `-` with stdin or stdout redirected. */
const shell = (script: string, databasePath: string, file: string) =>
  runProcess("sh", ["-c", script, "sh", file], { DATABASE_URL: `file:${databasePath}` });

let fresh = 0;
const freshPath = () => join(dir, `fresh-${++fresh}.sqlite`);

function rowCounts(path: string) {
  const db = openDatabase(path);
  try {
    const rows = (table: typeof category | typeof workflow | typeof cause | typeof recommendedAction | typeof provider | typeof check) =>
      db.select({ n: count() }).from(table).get()!.n;
    return { categories: rows(category), workflows: rows(workflow), causes: rows(cause), actions: rows(recommendedAction), providers: rows(provider), checks: rows(check) };
  } finally {
    closeDatabase(db);
  }
}

const DEMO_SUMMARY = "6 categories, 14 workflows, 15 causes, 93 actions, 30 providers, 39 checks";
const DEMO_COUNTS = { categories: 6, workflows: 14, causes: 15, actions: 93, providers: 30, checks: 39 };

describe("statusctl catalog", () => {
  it("documents import and export in its help", async () => {
    const main = await statusctl(["--help"], freshPath());
    expect(main.code).toBe(0);
    expect(main.output).toMatch(/catalog import FILE/);
    expect(main.output).toMatch(/catalog export FILE/);
    const catalog = await statusctl(["catalog", "--help"], freshPath());
    expect(catalog.code).toBe(0);
    expect(catalog.output).toMatch(/Usage: statusctl catalog import FILE/);
    expect(catalog.output).toMatch(/- for stdout/);
  });

  it("exports the catalogue and imports it into a new database, and re-importing changes nothing", async () => {
    const exportedFile = join(dir, "catalog.json");
    const exported = await statusctl(["catalog", "export", exportedFile], source.path);
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output.trim()).toBe(`exported ${DEMO_SUMMARY} to ${exportedFile}`);
    expect(readFileSync(exportedFile, "utf8")).toBe(readFileSync(referenceFile, "utf8"));

    const target = freshPath();
    for (let round = 0; round < 2; round += 1) {
      const imported = await statusctl(["catalog", "import", exportedFile], target);
      expect(imported.code, imported.output).toBe(0);
      expect(imported.output.trim()).toBe(`imported: ${DEMO_SUMMARY}`);
      expect(rowCounts(target)).toEqual(DEMO_COUNTS);
    }

    const again = join(dir, "again.json");
    expect((await statusctl(["catalog", "export", again], target)).code).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(exportedFile, "utf8"));
  });

  it("writes JSON alone to stdout and reads it from stdin with -", async () => {
    const piped = join(dir, "piped.json");
    const exported = await shell('node bin/statusctl.mjs catalog export - > "$1"', source.path, piped);
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output.trim()).toBe(`exported ${DEMO_SUMMARY} to stdout`);
    expect(readFileSync(piped, "utf8")).toBe(readFileSync(referenceFile, "utf8"));

    const target = freshPath();
    const imported = await shell('node bin/statusctl.mjs catalog import - < "$1"', target, piped);
    expect(imported.code, imported.output).toBe(0);
    expect(rowCounts(target)).toEqual(DEMO_COUNTS);
  });

  /** A copy of the reference file with `spoil` applied. */
  function spoiled(name: string, spoil: (catalogue: Catalogue) => Catalogue): string {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(spoil(JSON.parse(readFileSync(referenceFile, "utf8")) as Catalogue)));
    return file;
  }
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  const failures: { name: string; file: () => string; line: (file: string) => RegExp }[] = [
    {
      name: "a bad URL in a check config",
      file: () =>
        spoiled("bad-url.json", (c) => {
          c.providers[0]!.checks[0]!.config.url = "not a url";
          return c;
        }),
      line: (file) => new RegExp(`^${literal(`statusctl: ${file}: providers[0].checks[0].config.url: Invalid URL`)}$`),
    },
    {
      name: "several problems",
      file: () =>
        spoiled("bad-urls.json", (c) => {
          c.providers[0]!.checks[0]!.config.url = "not a url";
          c.providers[1]!.checks[0]!.config.url = "nor this";
          return c;
        }),
      line: (file) => new RegExp(`^${literal(`statusctl: ${file}: providers[0].checks[0].config.url: Invalid URL (and 1 more problem)`)}$`),
    },
    {
      name: "invalid JSON",
      file: () => {
        const file = join(dir, "invalid.json");
        writeFileSync(file, '{\n  "version": 1,\n  "providers": [\n}\n');
        return file;
      },
      line: (file) => new RegExp(`^${literal(`statusctl: ${file}: invalid JSON: `)}`),
    },
    {
      name: "a missing file",
      file: () => join(dir, "missing.json"),
      line: (file) => new RegExp(`^${literal(`statusctl: ${file}: cannot read: no such file or directory`)}$`),
    },
    {
      // Everything before the last providers is valid, so only the transaction keeps it out.
      name: "a provider whose category is neither in the file nor in the database",
      file: () =>
        spoiled("dangling.json", (c) => ({
          ...c,
          categories: c.categories.filter((x) => x.slug !== "marketplaces"),
          workflows: c.workflows.filter((x) => x.category !== "marketplaces"),
          actions: c.actions.filter((x) => x.category !== "marketplaces"),
        })),
      line: (file) => new RegExp(`^${literal(`statusctl: ${file}: unknown category "marketplaces"`)}`),
    },
  ];

  it.each(failures)("exits 2 with one line and writes nothing on $name", async ({ file, line }) => {
    const bad = file();
    const target = migratedDatabase();
    try {
      const before = rowCounts(target.path);
      const { code, output } = await statusctl(["catalog", "import", bad], target.path);
      expect(code, output).toBe(2);
      expect(output.trim().split("\n"), output).toHaveLength(1);
      expect(output.trim()).toMatch(line(bad));
      expect(rowCounts(target.path)).toEqual(before);
    } finally {
      target.close();
    }
  });

  it("exits 2 with one line on a missing or unknown subcommand or FILE", async () => {
    for (const args of [["catalog"], ["catalog", "copy", "x.json"], ["catalog", "import"], ["catalog", "export", "a.json", "b.json"]]) {
      const { code, output } = await statusctl(args, freshPath());
      expect(code, args.join(" ")).toBe(2);
      expect(output.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(output).toMatch(/^statusctl: .*\(see statusctl catalog --help\)$/m);
    }
  });
});
