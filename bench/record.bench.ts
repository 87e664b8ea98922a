// The recording path: results per second written through the real recording function
// (raw result, hourly and daily rollups, provider or connection rollup, state change)
// against a bare better-sqlite3 loop doing the same writes by hand, both batched the same
// way; then how many checks per second the scheduler sustains against a local endpoint.
// Prints figures; it asserts nothing.
// Usage: npm run bench:record [-- --results N]

import "./react-production";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { closeDatabase, migrateDatabase, openDatabase, type Db } from "../db/client";
import { generateKeyringSpec, parseKeyring } from "../db/credentials/keyring";
import { recordCheckResult, recordCheckResults, type CheckResultInput } from "../db/rollups/record-result";
import { check } from "../db/schema";
import type { CauseSlug, CheckOutcome } from "../db/schema/enums";
import { seedGuidance } from "../db/seed";
import { dayKey, hourStartMs, MINUTE_MS } from "../db/time";
import { CHECK_RUNNERS } from "../probes/checks/registry";
import { Scheduler } from "../probes/scheduler";
import { addConnections, addProvider } from "../tests/support/builders";

const DATA_DIR = fileURLToPath(new URL("./.data/", import.meta.url));
const BATCH = 1_000;
const PROVIDERS = 10;
const CONNECTIONS_PER_PROVIDER = 100;
const SCHEDULER_CONCURRENCY = 200;
const SCHEDULER_SECONDS = 10;
const SCHEDULER_RATES = [100, 250, 500, 1_000, 2_000];

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RESULTS = Number(argValue("--results") ?? 200_000);

function freshDatabase(name: string): { db: Db; checkIds: number[] } {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = `${DATA_DIR}${name}.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const db = openDatabase(path);
  migrateDatabase(db);
  seedGuidance(db);
  const checkIds: number[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const { provider, check: providerCheck } = addProvider(db, `bench-provider-${p}`);
    checkIds.push(providerCheck.id, ...addConnections(db, provider.id, CONNECTIONS_PER_PROVIDER).map((c) => c.check.id));
  }
  return { db, checkIds };
}

/** The same results for both runs: mostly ok, some slow, some failing with causes, over the last two hours. */
function results(checkIds: number[], count: number): CheckResultInput[] {
  const causes: CauseSlug[] = ["provider-downtime", "expired-authentication", "network-or-technical-issue"];
  const start = Date.now() - 120 * MINUTE_MS;
  return Array.from({ length: count }, (_, i) => {
    const roll = (i * 7919) % 100;
    const outcome: CheckOutcome = roll < 92 ? "ok" : roll < 96 ? "degraded" : "down";
    return {
      checkId: checkIds[i % checkIds.length]!,
      checkedAt: new Date(start + Math.floor((i / count) * 120 * MINUTE_MS)),
      outcome,
      latencyMs: outcome === "down" ? null : 80 + (i % 400),
      httpStatus: outcome === "down" ? 503 : 200,
      cause: outcome === "down" ? causes[i % causes.length]! : null,
      message: outcome === "down" ? "HTTP 503" : null,
    };
  });
}

/** The bare loop: every row the recording function writes, written with hand-made statements. */
function recordBare(db: Db, inputs: CheckResultInput[]): void {
  const sqlite = db.$client;
  const target = sqlite.prepare(
    'select id, provider_id, connection_id, state, pending_outcome, pending_count, failure_threshold, success_threshold from "check" where id = ?',
  );
  const maintenance = sqlite.prepare(
    "select m.id from maintenance m join maintenance_provider mp on mp.maintenance_id = m.id where mp.provider_id = ? and m.cancelled_at is null and m.scheduled_for <= ? and m.scheduled_until > ? limit 1",
  );
  const causeId = sqlite.prepare("select id from cause where slug = ?");
  const insert = sqlite.prepare(
    "insert into check_result (check_id, checked_at, outcome, latency_ms, http_status, cause_id, message, during_maintenance) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const counts = "ok_count, degraded_count, down_count, maintenance_count, latency_total_ms, latency_count, latency_max_ms";
  const added = (table: string) =>
    `ok_count = ${table}.ok_count + excluded.ok_count, degraded_count = ${table}.degraded_count + excluded.degraded_count, down_count = ${table}.down_count + excluded.down_count, maintenance_count = ${table}.maintenance_count + excluded.maintenance_count, latency_total_ms = ${table}.latency_total_ms + excluded.latency_total_ms, latency_count = ${table}.latency_count + excluded.latency_count, latency_max_ms = max(${table}.latency_max_ms, excluded.latency_max_ms)`;
  const hourly = sqlite.prepare(`insert into check_hourly_rollup (check_id, hour_start_at, ${counts}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do update set ${added("check_hourly_rollup")}`);
  const daily = sqlite.prepare(`insert into check_daily_rollup (check_id, day, ${counts}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do update set ${added("check_daily_rollup")}`);
  const providerDaily = sqlite.prepare(`insert into provider_daily_rollup (provider_id, day, ${counts}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do update set ${added("provider_daily_rollup")}`);
  const connectionDaily = sqlite.prepare(
    `insert into connection_daily_rollup (connection_id, day, ${counts}, cause_counts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do update set ${added("connection_daily_rollup")}, cause_counts = (select json_group_object(key, total) from (select key, sum(value) as total from (select key, value from json_each(connection_daily_rollup.cause_counts) union all select key, value from json_each(excluded.cause_counts)) group by key))`,
  );
  const state = sqlite.prepare('update "check" set state = ?, pending_outcome = ?, pending_count = ?, last_result_at = ? where id = ?');
  const batch = sqlite.transaction((rows: CheckResultInput[]) => {
    for (const r of rows) {
      const t = target.get(r.checkId) as { id: number; provider_id: number; connection_id: number | null; state: string };
      const at = r.checkedAt.getTime();
      const inMaintenance = maintenance.get(t.provider_id, at, at) ? 1 : 0;
      const cause = r.cause ? (causeId.get(r.cause) as { id: number }).id : null;
      insert.run(t.id, at, r.outcome, r.latencyMs ?? null, r.httpStatus ?? null, cause, r.message ?? null, inMaintenance);
      const c = [r.outcome === "ok" ? 1 : 0, r.outcome === "degraded" ? 1 : 0, r.outcome === "down" ? 1 : 0, 0, r.latencyMs ?? 0, r.latencyMs == null ? 0 : 1, r.latencyMs ?? 0];
      const day = dayKey(at);
      hourly.run(t.id, hourStartMs(at), ...c);
      daily.run(t.id, day, ...c);
      if (t.connection_id === null) providerDaily.run(t.provider_id, day, ...c);
      else connectionDaily.run(t.connection_id, day, ...c, JSON.stringify(r.outcome === "down" && r.cause ? { [r.cause]: 1 } : {}));
      state.run(t.state, null, 0, at, t.id);
    }
  });
  for (let i = 0; i < inputs.length; i += BATCH) batch(inputs.slice(i, i + BATCH));
}

function rate(count: number, run: () => void): number {
  const started = performance.now();
  run();
  return count / ((performance.now() - started) / 1000);
}

async function schedulerThroughput(): Promise<{ target: number; achieved: number; late: number; skipped: number }[]> {
  const server = createServer((_req, res) => res.end('{"status":"ok"}'));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  const rows: { target: number; achieved: number; late: number; skipped: number }[] = [];
  for (const target of SCHEDULER_RATES) {
    const { db } = freshDatabase("scheduler");
    db.update(check).set({ enabled: false }).run();
    const { provider } = addProvider(db, "bench-endpoint");
    db.update(check).set({ enabled: false }).where(eq(check.providerId, provider.id)).run();
    db.insert(check)
      .values(Array.from({ length: target }, (_, i) => ({ slug: `bench-check-${i}`, name: "Local endpoint", kind: "http" as const, providerId: provider.id, config: { url }, intervalSeconds: 1 })))
      .run();
    const scheduler = new Scheduler(
      { db, runners: CHECK_RUNNERS, keyring: parseKeyring(generateKeyringSpec()), now: Date.now, log: () => undefined },
      { concurrency: SCHEDULER_CONCURRENCY },
    );
    scheduler.start();
    // The first sweep starts every check at once; count from the second second on.
    await new Promise((r) => setTimeout(r, 1_000));
    const runsBefore = scheduler.stats.runs;
    const lateBefore = scheduler.stats.late;
    await new Promise((r) => setTimeout(r, SCHEDULER_SECONDS * 1_000));
    rows.push({
      target,
      achieved: (scheduler.stats.runs - runsBefore) / SCHEDULER_SECONDS,
      late: scheduler.stats.late - lateBefore,
      skipped: scheduler.stats.skippedOverlaps,
    });
    await scheduler.stop();
    closeDatabase(db);
  }
  server.close();
  return rows;
}

async function main(): Promise<void> {
  console.log(`[bench] ${RESULTS.toLocaleString("en")} results over ${PROVIDERS} providers × ${CONNECTIONS_PER_PROVIDER + 1} checks, batches of ${BATCH}`);
  const bare = freshDatabase("bare");
  const inputs = results(bare.checkIds, RESULTS);
  const bareRate = rate(RESULTS, () => recordBare(bare.db, inputs));
  closeDatabase(bare.db);

  const ours = freshDatabase("recording");
  const oursInputs = results(ours.checkIds, RESULTS);
  const batchedRate = rate(RESULTS, () => {
    for (let i = 0; i < oursInputs.length; i += BATCH) recordCheckResults(ours.db, oursInputs.slice(i, i + BATCH));
  });
  const single = oursInputs.slice(0, 20_000).map((r) => ({ ...r, checkedAt: new Date(r.checkedAt.getTime() + 1) }));
  const unbatchedRate = rate(single.length, () => single.forEach((r) => recordCheckResult(ours.db, r)));
  closeDatabase(ours.db);

  console.log("[bench] scheduler: local HTTP endpoint, concurrency 200, 1-second intervals…");
  const scheduling = await schedulerThroughput();
  rmSync(DATA_DIR, { recursive: true, force: true });

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nMachine: Node ${process.version}, ${os.cpus().length} CPUs (${cpu}), NODE_ENV=${process.env.NODE_ENV}`);
  console.log("\nRecording path (results/s)");
  console.log(`| bare better-sqlite3 loop, batched      | ${Math.round(bareRate).toLocaleString("en").padStart(8)} |`);
  console.log(`| recordCheckResults, batched           | ${Math.round(batchedRate).toLocaleString("en").padStart(8)} | ${((batchedRate / bareRate) * 100).toFixed(0)}% of bare (target ≥ 50%), target ≥ 20,000/s: ${batchedRate >= 20_000 ? "met" : "MISSED"}`);
  console.log(`| recordCheckResult, one transaction each | ${Math.round(unbatchedRate).toLocaleString("en").padStart(8)} |`);
  console.log("\nScheduler (checks/s over 10 s after the first sweep)");
  console.log("| due per second | run per second | late runs | overlaps skipped |");
  for (const row of scheduling) {
    console.log(`| ${String(row.target).padStart(14)} | ${row.achieved.toFixed(0).padStart(14)} | ${String(row.late).padStart(9)} | ${String(row.skipped).padStart(16)} |`);
  }
}

void main();
