import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z, ZodError } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../app/auth/password.server";
import { COMMAND_LINE_ACTOR, writeAudit } from "../db/audit";
import { USER_ROLES } from "../db/schema/enums";
import { createUser, DuplicateEmailError } from "../db/users/accounts";
import { readPassword } from "./read-password";
import { EnvError, parseEnv } from "../app/env.server";
import { exportCatalogue } from "../db/catalogue/export";
import { CatalogueReferenceError, importCatalogue, summarizeCatalogue, type ImportSummary } from "../db/catalogue/import";
import { closeDatabase, migrateDatabase, openDatabase } from "../db/client";
import { KeyringError, type Keyring } from "../db/credentials/keyring";
import { loadKeyring } from "../db/credentials/load";
import { resealCredentials } from "../db/credentials/store";
import { resealSubscriberSecrets } from "../db/subscriptions/subscribers";
import { createIngestToken } from "../db/ingest/tokens";
import { DEFAULT_LINK_LIFETIME_MS, findMerchantByExternalId, MAX_LINK_LIFETIME_MS, merchantLinkQuery } from "../db/merchants/sso";
import { MINUTE_MS } from "../db/time";
import { merchantSsoSecrets } from "../server/secrets";
import { seedDemo, seedGuidance } from "../db/seed";
import { CHECK_RUNNERS } from "../probes/checks/registry";
import { startDemoFleet } from "../probes/demo/fleet";
import type { CheckRun } from "../probes/run-check";
import { runEnabledChecksOnce } from "../probes/run-once";

const HELP = `statusctl: manage a ShopIQ Integration Status database

Usage: statusctl <command> [options]

Commands:
  migrate              apply pending database migrations
  seed                 load the merchant guidance, and the demo providers and
                       90 days of demo history into a database without providers
    --guidance-only    load only the merchant guidance (causes, actions, workflows)
  catalog import FILE  load a catalogue JSON file (- for stdin); see catalog --help
  catalog export FILE  write the catalogue to a JSON file (- for stdout)
  probe once           run every enabled check once and print what each saw
    --provider SLUG    only this provider's checks
    --demo             probe the demo's simulated providers (started for the run)
  user create --email EMAIL --role admin|ops [--name NAME]
                       create an ops console account; the password is read
                       from a prompt (or the first line of stdin), never argv
  ingest-token create NAME
                       create a token for POST /api/ingest/results; shown once
  platform-token create --name NAME
                       create a token for the ShopIQ platform's connection API
                       (PUT /api/v1/merchants/:id/connections/:provider); shown once
  merchant link ID [--minutes N] [--base-url URL]
                       print a one-time sign-in link to the pages of the merchant
                       with this platform id, valid N minutes (default 10, at most 60)
  credentials reseal   after adding a new first key to CREDENTIAL_KEYS: reseal
                       every stored credential, and subscribers' link tokens
                       and webhook secrets, with it

Options:
  -h, --help           show this help

Environment:
  DATABASE_URL         the SQLite file (default file:./data/status.sqlite)
  CREDENTIAL_KEYS      keys sealing merchants' credentials (id:base64key,…)
  MERCHANT_SSO_SECRET  the secret merchants' links are signed with (the demo's is
                       read from beside its database)`;

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

const PLATFORM_TOKEN_HELP = `statusctl platform-token: tokens for the ShopIQ platform's connection API

Usage: statusctl platform-token create --name NAME

  create --name NAME  create a bearer token for GET and PUT
                      /api/v1/merchants/:id/connections/:provider and print it on
                      stdout, once: only its hash is kept. NAME says whose token it
                      is (e.g. shopiq-prod) and names it in the audit log. The token
                      cannot push results to /api/ingest/results.

Environment:
  DATABASE_URL        the SQLite file (default file:./data/status.sqlite)`;

/** Input the user can fix: exit status 2 and one line saying what is wrong. */
class InputError extends Error {}
/** Input that does not fit the command line at all; the line also points at --help. */
class UsageError extends InputError {}

type Command = (args: string[]) => void | Promise<void>;

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

async function withDatabaseAsync<T>(run: (db: ReturnType<typeof openDatabase>, keyring: Keyring) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const keyring = loadKeyring({ spec: env.CREDENTIAL_KEYS, databaseUrl: env.DATABASE_URL, allowGenerated: env.SEED_DEMO, log: (line) => console.error(line) });
  const db = openDatabase(env.DATABASE_URL);
  try {
    migrateDatabase(db);
    return await run(db, keyring);
  } finally {
    closeDatabase(db);
  }
}

const PROBE_CONCURRENCY = 20;

const MAX_TOKEN_NAME_LENGTH = 100;
const TokenNameSchema = z.string().trim().min(1, "--name must not be empty").max(MAX_TOKEN_NAME_LENGTH, `--name must be at most ${MAX_TOKEN_NAME_LENGTH} characters`);

const MAX_LINK_MINUTES = MAX_LINK_LIFETIME_MS / MINUTE_MS;
const MerchantLinkOptionsSchema = z.object({
  minutes: z
    .string()
    .regex(/^\d+$/, "--minutes must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "--minutes must be at least 1").max(MAX_LINK_MINUTES, `--minutes must be at most ${MAX_LINK_MINUTES}`))
    .default(DEFAULT_LINK_LIFETIME_MS / MINUTE_MS),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "--base-url must be an http or https URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
});

const NewUserSchema = z.object({
  email: z.email("--email must be an email address"),
  role: z.enum(USER_ROLES, { error: '--role must be "admin" or "ops"' }),
  name: z.string().trim().min(1, "--name must not be empty"),
});

function printRuns(runs: CheckRun[]): void {
  const rows = runs.map((r) => [r.slug, r.target, r.outcome, r.latencyMs === null ? "-" : `${r.latencyMs} ms`, r.cause ?? ""]);
  const header = ["check", "target", "outcome", "latency", "cause"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const down = runs.filter((r) => r.outcome === "down").length;
  console.log(`${runs.length} checks: ${runs.length - down} up, ${down} down`);
}

function formatCounts(summary: ImportSummary): string {
  return Object.entries(summary)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ");
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
        // One transaction: an entry always means the import happened, and a refused file writes no entry.
        return db.transaction((tx) => {
          const imported = importCatalogue(tx, input);
          writeAudit(tx, { actor: COMMAND_LINE_ACTOR, action: "catalogue.import", entityType: "catalogue", entityId: null, after: imported });
          return imported;
        });
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
    const counts = formatCounts(summarizeCatalogue(catalogue));
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
  async seed(args) {
    const { values } = parseArgs({ args, options: { "guidance-only": { type: "boolean" } }, strict: true });
    await withDatabaseAsync(async (db, keyring) => {
      const guidance = seedGuidance(db);
      console.log(`guidance: ${guidance.categories} categories, ${guidance.causes} causes, ${guidance.actions} actions`);
      if (values["guidance-only"]) return;
      const demo = seedDemo(db, { keyring });
      console.log(
        demo.seeded
          ? `demo: ${demo.catalogue.providers} providers, ${demo.history.merchants} merchants, ${demo.history.results} check results`
          : `demo not seeded: ${demo.reason}`,
      );
    });
  },
  async probe(args) {
    const { positionals, values } = parseArgs({
      args,
      options: { provider: { type: "string" }, demo: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.join(" ") !== "once") throw new UsageError('probe takes one command: "once"');
    await withDatabaseAsync(async (db, keyring) => {
      const fleet = values.demo ? await startDemoFleet({ timeScale: 1 }) : null;
      try {
        const runs = await runEnabledChecksOnce(
          { db, keyring, runners: CHECK_RUNNERS, now: Date.now, demoBaseUrl: fleet?.baseUrl, log: (line) => console.error(line) },
          { concurrency: PROBE_CONCURRENCY, providerSlug: values.provider },
        );
        if (values.provider && runs.length === 0) throw new InputError(`no enabled checks for provider "${values.provider}"`);
        printRuns(runs);
      } finally {
        await fleet?.close();
      }
    });
  },
  async user(args) {
    const { positionals, values } = parseArgs({
      args,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.join(" ") !== "create") throw new UsageError('user takes one command: "create"');
    const input = NewUserSchema.safeParse({ email: values.email, role: values.role, name: values.name ?? values.email?.split("@")[0] });
    if (!input.success) throw new InputError(describeIssues(input.error));
    const password = await readPassword("Password: ");
    if (password.length < MIN_PASSWORD_LENGTH) throw new InputError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    const passwordHash = await hashPassword(password);
    withDatabase((db) => {
      migrateDatabase(db);
      try {
        const created = createUser(db, COMMAND_LINE_ACTOR, { ...input.data, passwordHash });
        console.log(`created ${created.role} ${created.email}`);
      } catch (error) {
        if (error instanceof DuplicateEmailError) throw new InputError(error.message);
        throw error;
      }
    });
  },
  "ingest-token"(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [action, name, ...extra] = positionals;
    if (action !== "create" || !name || extra.length > 0) throw new UsageError("usage: ingest-token create NAME");
    withDatabase((db) => {
      migrateDatabase(db);
      const { token } = createIngestToken(db, name);
      console.log(token);
      console.error(`created ingest token "${name}": keep it now, it cannot be shown again`);
    });
  },
  "platform-token"(args) {
    const { positionals, values } = parseArgs({ args, options: { name: { type: "string" } }, allowPositionals: true, strict: true });
    if (positionals.join(" ") !== "create" || values.name === undefined) throw new UsageError("usage: platform-token create --name NAME");
    const name = TokenNameSchema.safeParse(values.name);
    if (!name.success) throw new InputError(describeIssues(name.error));
    withDatabase((db) => {
      migrateDatabase(db);
      const { token } = createIngestToken(db, name.data, "platform");
      console.log(token);
      console.error(`created platform token "${name.data}": keep it now, it cannot be shown again`);
    });
  },
  merchant(args) {
    const { positionals, values } = parseArgs({
      args,
      options: { minutes: { type: "string" }, "base-url": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [action, externalId, ...extra] = positionals;
    if (action !== "link" || externalId === undefined || extra.length > 0) throw new UsageError("usage: merchant link ID [--minutes N] [--base-url URL]");
    const options = MerchantLinkOptionsSchema.safeParse({ minutes: values.minutes, baseUrl: values["base-url"] });
    if (!options.success) throw new InputError(describeIssues(options.error));
    const env = parseEnv();
    const [secret] = merchantSsoSecrets(env, (line) => console.error(line));
    withDatabase((db) => {
      migrateDatabase(db);
      const found = findMerchantByExternalId(db, externalId);
      if (!found) throw new InputError(`no merchant has the platform id "${externalId}"`);
      const query = merchantLinkQuery(secret!, found.externalId, { nowMs: Date.now(), lifetimeMs: options.data.minutes * MINUTE_MS });
      console.log(`${options.data.baseUrl ?? `http://localhost:${env.PORT}`}/merchant/sso?${query}`);
      console.error(`a sign-in link to ${found.name}'s pages: it works once, within ${options.data.minutes} minutes`);
    });
  },
  async credentials(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.join(" ") !== "reseal") throw new UsageError('credentials takes one command: "reseal"');
    await withDatabaseAsync(async (db, keyring) => {
      console.log(`resealed ${resealCredentials(db, keyring)} credentials with key "${keyring.currentKeyId}"`);
      console.log(`resealed ${resealSubscriberSecrets(db, keyring)} subscribers' link tokens and webhook secrets with key "${keyring.currentKeyId}"`);
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
const commandHelp: Record<string, string> = { catalog: CATALOG_HELP, "platform-token": PLATFORM_TOKEN_HELP };

export async function runStatusctl(argv: string[]): Promise<number> {
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
    await command(rest);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof EnvError || (error instanceof TypeError && "code" in error);
    const known = usage || error instanceof InputError || error instanceof KeyringError;
    const reason = error instanceof Error ? error.message : String(error);
    const help = command && lookup(commandHelp, name) ? `statusctl ${name} --help` : "statusctl --help";
    // One line, whatever the reason quotes: JSON.parse, for one, echoes part of the file.
    console.error(`statusctl: ${reason.replace(/\s*\n\s*/g, " ")}${usage ? ` (see ${help})` : ""}`);
    return known ? 2 : 1;
  }
}
