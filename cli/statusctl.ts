import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { EnvError, parseEnv } from "../app/env.server";
import { exportCatalogue } from "../db/catalogue/export";
import { CatalogueReferenceError, importCatalogue, type ImportSummary } from "../db/catalogue/import";
import type { Catalogue } from "../db/catalogue/schema";
import { closeDatabase, migrateDatabase, openDatabase } from "../db/client";
import { seedDemo, seedGuidance } from "../db/seed";

const HELP = `statusctl: manage a ShopIQ Integration Status database

Usage: statusctl <command> [options]

Commands:
  migrate              apply pending database migrations
  seed                 load the merchant guidance, and the demo providers and
                       90 days of demo history into a database without providers
    --guidance-only    load only the merchant guidance (causes, actions, workflows)
  catalog import FILE  load a catalogue JSON file (- for stdin); see catalog --help
  catalog export FILE  write the catalogue to a JSON file (- for stdout)

Options:
  -h, --help           show this help

Environment:
  DATABASE_URL         the SQLite file (default file:./data/status.sqlite)`;

const CATALOG_HELP = `statusctl catalog: move the catalogue between databases as one JSON file

Usage: statusctl catalog import FILE
       statusctl catalog export FILE

  import FILE  validate FILE (- for stdin) and upsert its categories, workflows,
               causes, recommended actions, providers and provider checks by slug,
               all in one transaction: re-importing the same file changes nothing,
               and a file with any problem writes nothing
  export FILE  write the catalogue as 2-space indented JSON to FILE (- for stdout);
               merchants, their connections and checks, credentials, results and
               incidents are not part of it

Environment:
  DATABASE_URL the SQLite file (default file:./data/status.sqlite)`;

/** Input the user can fix: exit status 2 and one line saying what is wrong. */
class InputError extends Error {}
/** Input that does not fit the command line at all; the line also points at --help. */
class UsageError extends InputError {}

type Command = (args: string[]) => void;

const STDIO = "-";

/** Looks a name up in a table of commands without reaching inherited names like "toString". */
function lookup<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function withDatabase<T>(run: (db: ReturnType<typeof openDatabase>) => T): T {
  const env = parseEnv();
  const db = openDatabase(env.DATABASE_URL);
  try {
    return run(db);
  } finally {
    closeDatabase(db);
  }
}

function formatCounts(summary: ImportSummary): string {
  return Object.entries(summary)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ");
}

function summarize(catalogue: Catalogue): ImportSummary {
  return {
    categories: catalogue.categories.length,
    workflows: catalogue.workflows.length,
    causes: catalogue.causes.length,
    actions: catalogue.actions.length,
    providers: catalogue.providers.length,
    checks: catalogue.providers.reduce((n, p) => n + p.checks.length, 0),
  };
}

/** `providers[3].checks[0].config.url`: the way the file's author would point at the field. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

function describeIssues(error: ZodError): string {
  const [first, ...rest] = error.issues;
  const where = first && first.path.length > 0 ? `${formatPath(first.path)}: ` : "";
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return `${where}${first?.message ?? "invalid catalogue"}${more}`;
}

function fileProblem(error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  return code === "ENOENT" ? "no such file or directory" : error instanceof Error ? error.message : String(error);
}

function readCatalogueFile(file: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === STDIO ? 0 : file, "utf8");
  } catch (error) {
    throw new InputError(`${label}: cannot read: ${fileProblem(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${label}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const catalogCommands: Record<string, (file: string) => void> = {
  import(file) {
    const label = file === STDIO ? "stdin" : file;
    // Read before opening the database: a file that is missing or not JSON touches nothing.
    const input = readCatalogueFile(file, label);
    const summary = withDatabase((db) => {
      migrateDatabase(db);
      try {
        return importCatalogue(db, input);
      } catch (error) {
        if (error instanceof ZodError) throw new InputError(`${label}: ${describeIssues(error)}`);
        if (error instanceof CatalogueReferenceError) throw new InputError(`${label}: ${error.message}`);
        throw error;
      }
    });
    console.log(`imported: ${formatCounts(summary)}`);
  },
  export(file) {
    const catalogue = withDatabase((db) => {
      migrateDatabase(db);
      return exportCatalogue(db);
    });
    const json = `${JSON.stringify(catalogue, null, 2)}\n`;
    const counts = formatCounts(summarize(catalogue));
    if (file === STDIO) {
      process.stdout.write(json);
      // The JSON owns stdout; the summary goes where a pipe's reader will not parse it.
      console.error(`exported ${counts} to stdout`);
      return;
    }
    try {
      writeFileSync(file, json);
    } catch (error) {
      throw new InputError(`${file}: cannot write: ${fileProblem(error)}`);
    }
    console.log(`exported ${counts} to ${file}`);
  },
};

const commands: Record<string, Command> = {
  migrate(args) {
    parseArgs({ args, options: {}, strict: true });
    withDatabase((db) => {
      migrateDatabase(db);
      console.log("migrations applied");
    });
  },
  seed(args) {
    const { values } = parseArgs({ args, options: { "guidance-only": { type: "boolean" } }, strict: true });
    withDatabase((db) => {
      migrateDatabase(db);
      const guidance = seedGuidance(db);
      console.log(`guidance: ${guidance.categories} categories, ${guidance.causes} causes, ${guidance.actions} actions`);
      if (values["guidance-only"]) return;
      const demo = seedDemo(db);
      console.log(
        demo.seeded
          ? `demo: ${demo.catalogue.providers} providers, ${demo.history.merchants} merchants, ${demo.history.results} check results`
          : `demo not seeded: ${demo.reason}`,
      );
    });
  },
  catalog(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [name, file, ...extra] = positionals;
    if (name === undefined) throw new UsageError("catalog needs a command: import or export");
    const run = lookup(catalogCommands, name);
    if (!run) throw new UsageError(`unknown catalog command "${name}"`);
    if (file === undefined || extra.length > 0) throw new UsageError(`catalog ${name} takes one FILE (- for std${name === "import" ? "in" : "out"})`);
    run(file);
  },
};

/** Help for commands whose options do not fit on the main page. */
const commandHelp: Record<string, string> = { catalog: CATALOG_HELP };

export function runStatusctl(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = lookup(commands, name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes("-h") || rest.includes("--help")) {
      console.log(lookup(commandHelp, name) ?? HELP);
      return 0;
    }
    command(rest);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof EnvError || (error instanceof TypeError && "code" in error);
    const known = usage || error instanceof InputError;
    const reason = error instanceof Error ? error.message : String(error);
    const help = command && lookup(commandHelp, name) ? `statusctl ${name} --help` : "statusctl --help";
    // One line, whatever the reason quotes: JSON.parse, for one, echoes part of the file.
    console.error(`statusctl: ${reason.replace(/\s*\n\s*/g, " ")}${usage ? ` (see ${help})` : ""}`);
    return known ? 2 : 1;
  }
}
