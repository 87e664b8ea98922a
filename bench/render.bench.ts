// Server render time of `/` and `/providers/:slug` (and of /api/v2/summary.json,
// /history.atom and the busiest merchant's /merchant) as the database grows: 30 providers,
// 200 providers × 2,000 merchants (also without any raw result, as a control), then the
// same with 1M and 10M raw results. Prints figures; it asserts nothing.
// Usage: npm run bench [-- --quick] [-- --keep]
//   --quick  skip the 10M raw results scenario
//   --keep   keep the databases under bench/.data/

import "./react-production";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { count } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import { listDirectoryMerchants } from "../db/merchants/directory";
import { merchantLinkQuery } from "../db/merchants/sso";
import { getProviderPage } from "../db/queries/provider-page";
import { getStatusPage } from "../db/queries/status-page";
import { checkResult } from "../db/schema";
import { DEMO_MERCHANT_COUNT } from "../db/seed";
import { buildIsStale, loadServerBuild, SERVER_BUILD_PATH } from "../server/build";
import { createHttpApp } from "../server/http";
import { databaseFacts, formatBytes, removeDatabaseFiles, seconds, type DatabaseFacts } from "./fixtures";

const WARMUP_REQUESTS = 20;
const MEASURED_REQUESTS = 200;
const PROVIDER_SLUG = "razorpay";
const DEMO_PROVIDER_COUNT = 30;
const LARGE_PROVIDER_COUNT = 200;
const LARGE_MERCHANT_COUNT = 2_000;
const RAW_TARGETS = { million: 1_000_000, tenMillion: 10_000_000 } as const;
/** The targets for the median of `/`, by provider count. */
const INDEX_MEDIAN_TARGET_MS: Record<number, number> = { 30: 25, 200: 100 };

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA_DIR = fileURLToPath(new URL("./.data/", import.meta.url));
const BUILD_DATABASE_SCRIPT = fileURLToPath(new URL("./build-database.ts", import.meta.url));
/** isbot() takes fetch's own user agent ("node") for a crawler, which Remix answers by another path than browsers. */
const BENCH_MERCHANT_SSO_SECRET = "bench-merchant-sso-secret";
const OTHER_PATHS = ["/api/v2/summary.json", "/history.atom"] as const;
const BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

const log = (line: string) => console.log(`[bench] ${line}`);

interface Stats {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

interface HttpFigures extends Stats {
  status: number;
  bytes: number;
}

interface PageFigures {
  http: HttpFigures;
  query: Stats;
  /** Size of the loader's JSON, which the page also embeds for hydration. */
  dataBytes: number;
}

interface ScenarioResult {
  name: string;
  facts: DatabaseFacts;
  floor: HttpFigures;
  index: PageFigures;
  provider: PageFigures;
  /** Pages and documents beyond the two above, by path: the JSON API, the feed, a merchant's own page. */
  others: { path: string; http: HttpFigures }[];
  rssBytes: number;
  heapUsedBytes: number;
}

function stats(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1] ?? Number.NaN };
}

function parseArgs(argv: string[]): { quick: boolean; keep: boolean } {
  const known = new Set(["--quick", "--keep"]);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) {
    console.error(`usage: npm run bench [-- --quick] [-- --keep]  (unknown: ${unknown.join(" ")})`);
    process.exit(1);
  }
  return { quick: argv.includes("--quick"), keep: argv.includes("--keep") };
}

function ensureBuild(): void {
  if (!buildIsStale(ROOT)) return;
  log(`${SERVER_BUILD_PATH} is missing or older than its sources: running \`remix build\` first…`);
  const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) {
    console.error("[bench] remix build failed; fix the build and run the benchmark again");
    process.exit(built.status ?? 1);
  }
}

function rawResultCount(path: string): number {
  const db = openDatabase(path);
  try {
    return db.select({ n: count() }).from(checkResult).get()?.n ?? 0;
  } finally {
    closeDatabase(db);
  }
}

/** Runs build-database.ts in a child process with the same TypeScript loader as this one. */
function buildDatabase(args: string[]): void {
  const child = spawnSync(process.execPath, [...process.execArgv, BUILD_DATABASE_SCRIPT, ...args], { cwd: ROOT, stdio: "inherit" });
  if (child.status !== 0) throw new Error(`building the database failed: build-database.ts ${args.join(" ")}`);
}

async function timeGets(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<HttpFigures> {
  const get = async () => {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { "user-agent": BROWSER_USER_AGENT, ...headers } });
    const body = await response.arrayBuffer();
    return { ms: performance.now() - startedAt, status: response.status, bytes: body.byteLength };
  };
  for (let i = 0; i < WARMUP_REQUESTS; i++) await get();
  const samples: number[] = [];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < MEASURED_REQUESTS; i++) {
    const { ms, ...rest } = await get();
    samples.push(ms);
    last = rest;
  }
  if (last.status !== 200) log(`WARNING: GET ${path} answered ${last.status}; its figures are not a page render`);
  return { ...stats(samples), ...last };
}

function timeQuery(run: () => unknown): Stats {
  for (let i = 0; i < WARMUP_REQUESTS; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < MEASURED_REQUESTS; i++) {
    const startedAt = performance.now();
    run();
    samples.push(performance.now() - startedAt);
  }
  return stats(samples);
}

function listen(db: Db, build: ServerBuild): Promise<{ server: Server; baseUrl: string }> {
  const app = createHttpApp({ sessionSecrets: ["bench-session-secret"], merchantSsoSecrets: [BENCH_MERCHANT_SSO_SECRET], db, build, mode: "production" });
  return new Promise((resolve, reject) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
    server.once("error", reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

async function measure(name: string, path: string, build: ServerBuild): Promise<ScenarioResult> {
  log(`measuring ${name}…`);
  const db = openDatabase(path);
  const { server, baseUrl } = await listen(db, build);
  try {
    const facts = databaseFacts(db, path);
    // Every HTTP run before any query run: a query loop blocks the event loop for seconds,
    // after which the server's keep-alive timer and fetch's next request on that socket race.
    const floor = await timeGets(baseUrl, "/favicon.svg");
    const indexHttp = await timeGets(baseUrl, "/");
    const providerHttp = await timeGets(baseUrl, `/providers/${PROVIDER_SLUG}`);
    const others = [];
    for (const other of OTHER_PATHS) others.push({ path: other, http: await timeGets(baseUrl, other) });
    const busiest = listDirectoryMerchants(db, "").merchants[0];
    if (busiest) {
      const signIn = await fetch(`${baseUrl}/merchant/sso?${merchantLinkQuery(BENCH_MERCHANT_SSO_SECRET, busiest.externalId, { nowMs: Date.now() })}`, { redirect: "manual" });
      const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      others.push({ path: `/merchant (${busiest.connections} connections)`, http: await timeGets(baseUrl, "/merchant", { cookie }) });
    }
    const index: PageFigures = {
      http: indexHttp,
      query: timeQuery(() => getStatusPage(db, Date.now())),
      dataBytes: JSON.stringify(getStatusPage(db, Date.now())).length,
    };
    const provider: PageFigures = {
      http: providerHttp,
      query: timeQuery(() => getProviderPage(db, PROVIDER_SLUG, Date.now())),
      dataBytes: JSON.stringify(getProviderPage(db, PROVIDER_SLUG, Date.now())).length,
    };
    const memory = process.memoryUsage();
    const result = { name, facts, floor, index, provider, others, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    log(
      `  / ${ms(index.http.medianMs)} median (query ${ms(index.query.medianMs)}), ` +
        `/providers/${PROVIDER_SLUG} ${ms(provider.http.medianMs)} median (query ${ms(provider.query.medianMs)}), RSS ${formatBytes(memory.rss)}`,
    );
    return result;
  } finally {
    await close(server);
    closeDatabase(db);
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const num = (value: number) => value.toFixed(1);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function report(results: ScenarioResult[], notes: string[], totalMs: number, sqliteVersion: string): void {
  const cpus = os.cpus();
  console.log("");
  console.log(
    `Machine: Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model ?? "unknown"}), ${formatBytes(os.totalmem())} RAM, ` +
      `SQLite ${sqliteVersion}, ${os.platform()} ${os.release()}, NODE_ENV=${process.env.NODE_ENV ?? ""}`,
  );
  console.log(`Requests: sequential over loopback (client in the same process), ${WARMUP_REQUESTS} warm-up + ${MEASURED_REQUESTS} measured per page; times in ms.`);
  console.log("");
  console.log(
    table(
      ["scenario", "providers", "merchants", "checks", "raw results", "db size", "floor med", "RSS", "heap"],
      results.map((r) => [
        r.name,
        String(r.facts.providers),
        r.facts.merchants.toLocaleString("en"),
        r.facts.checks.toLocaleString("en"),
        r.facts.rawResults.toLocaleString("en"),
        formatBytes(r.facts.bytes),
        num(r.floor.medianMs),
        formatBytes(r.rssBytes),
        formatBytes(r.heapUsedBytes),
      ]),
    ),
  );
  for (const [title, pick] of [
    ["GET /", (r: ScenarioResult) => r.index],
    [`GET /providers/${PROVIDER_SLUG}`, (r: ScenarioResult) => r.provider],
  ] as const) {
    console.log("");
    console.log(title);
    console.log(
      table(
        ["scenario", "http med", "http p95", "http max", "query med", "query p95", "html", "data", "status", ...(title === "GET /" ? ["target (median)"] : [])],
        results.map((r) => {
          const page = pick(r);
          const target = INDEX_MEDIAN_TARGET_MS[r.facts.providers];
          const verdict = target === undefined ? "-" : `< ${target} ms: ${page.http.medianMs < target ? "met" : "MISSED"}`;
          return [
            r.name,
            num(page.http.medianMs),
            num(page.http.p95Ms),
            num(page.http.maxMs),
            num(page.query.medianMs),
            num(page.query.p95Ms),
            kib(page.http.bytes),
            kib(page.dataBytes),
            String(page.http.status),
            ...(title === "GET /" ? [verdict] : []),
          ];
        }),
      ),
    );
  }
  console.log("");
  console.log("Other pages and documents");
  console.log(
    table(
      ["scenario", "path", "http med", "http p95", "http max", "size", "status"],
      results.flatMap((r) =>
        r.others.map((o) => [r.name, o.path, num(o.http.medianMs), num(o.http.p95Ms), num(o.http.maxMs), kib(o.http.bytes), String(o.http.status)]),
      ),
    ),
  );
  console.log("");
  console.log("floor = GET /favicon.svg (express static): the loopback + fetch + express cost every request pays.");
  console.log("http - query ≈ React render + JSON serialisation + that floor. data = loader JSON, also embedded in the html.");
  for (const note of notes) console.log(note);
  console.log(`Whole run: ${seconds(totalMs)}`);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const { quick, keep } = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  ensureBuild();
  const build = await loadServerBuild(ROOT);
  mkdirSync(DATA_DIR, { recursive: true });
  const smallPath = `${DATA_DIR}bench-30.sqlite`;
  const largePath = `${DATA_DIR}bench-200.sqlite`;
  const noRawPath = `${DATA_DIR}bench-200-no-raw.sqlite`;
  const results: ScenarioResult[] = [];
  const notes: string[] = [];
  /** Pads the large database to `target` raw results and measures it, unless it already holds that many. */
  const padAndMeasure = async (name: string, target: number) => {
    const have = rawResultCount(largePath);
    if (have >= target) {
      const note = `${name} not measured: the seeded database already holds ${have.toLocaleString("en")} raw results, more than ${target.toLocaleString("en")}`;
      log(note);
      notes.push(note);
      return;
    }
    buildDatabase(["pad", largePath, String(target)]);
    results.push(await measure(name, largePath, build));
  };
  try {
    log(`(a) ${DEMO_PROVIDER_COUNT} demo providers, ${DEMO_MERCHANT_COUNT} merchants`);
    buildDatabase(["create", smallPath, String(DEMO_PROVIDER_COUNT), String(DEMO_MERCHANT_COUNT)]);
    results.push(await measure("(a) 30 providers", smallPath, build));

    log(`(b) ${LARGE_PROVIDER_COUNT} providers, ${LARGE_MERCHANT_COUNT} merchants`);
    buildDatabase(["create", largePath, String(LARGE_PROVIDER_COUNT), String(LARGE_MERCHANT_COUNT)]);
    log("(b0) control: a copy of (b) without any raw result");
    buildDatabase(["copy-without-raw", largePath, noRawPath]);
    results.push(await measure("(b0) (b), no raw", noRawPath, build));
    if (!keep) removeDatabaseFiles(noRawPath);
    results.push(await measure("(b) 200 providers", largePath, build));

    log("(c) raw results padded to 1M");
    await padAndMeasure("(c) (b) + 1M raw", RAW_TARGETS.million);
    if (quick) {
      log("(d) skipped (--quick)");
      notes.push("(d) not measured: --quick");
    } else {
      log("(d) raw results padded to 10M");
      await padAndMeasure("(d) (b) + 10M raw", RAW_TARGETS.tenMillion);
    }
  } finally {
    if (keep) log(`databases kept in ${DATA_DIR}`);
    else {
      for (const path of [smallPath, largePath, noRawPath]) removeDatabaseFiles(path);
      try {
        rmdirSync(DATA_DIR);
      } catch {
        // Other files are in it: they are not ours to delete.
      }
    }
  }
  const probe = openDatabase(":memory:");
  const sqliteVersion = String(probe.$client.prepare("select sqlite_version()").pluck().get());
  closeDatabase(probe);
  report(results, notes, performance.now() - startedAt, sqliteVersion);
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (error instanceof Error && error.cause !== undefined) console.error("[bench] cause:", error.cause);
  process.exit(1);
});
