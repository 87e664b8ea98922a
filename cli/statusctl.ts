import { parseArgs } from "node:util";
import { EnvError, parseEnv } from "../app/env.server";
import { closeDatabase, migrateDatabase, openDatabase } from "../db/client";
import { seedDemo, seedGuidance } from "../db/seed";

const HELP = `statusctl: manage a ShopIQ Integration Status database

Usage: statusctl <command> [options]

Commands:
  migrate            apply pending database migrations
  seed               load the merchant guidance, and the demo providers and
                     90 days of demo history into a database without providers
    --guidance-only  load only the merchant guidance (causes, actions, workflows)

Options:
  -h, --help         show this help

Environment:
  DATABASE_URL       the SQLite file (default file:./data/status.sqlite)`;

class UsageError extends Error {}

type Command = (args: string[]) => void;

function withDatabase(run: (db: ReturnType<typeof openDatabase>) => void): void {
  const env = parseEnv();
  const db = openDatabase(env.DATABASE_URL);
  try {
    run(db);
  } finally {
    closeDatabase(db);
  }
}

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
};

export function runStatusctl(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes("-h") || rest.includes("--help")) {
      console.log(HELP);
      return 0;
    }
    command(rest);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || error instanceof EnvError || (error instanceof TypeError && "code" in error);
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`statusctl: ${reason}${known ? " (see statusctl --help)" : ""}`);
    return known ? 2 : 1;
  }
}
