import type { Server } from "node:http";
import { closeDatabase, type Db } from "../db/client";
import { listDirectoryMerchants } from "../db/merchants/directory";
import { MAX_LINK_LIFETIME_MS, merchantLinkQuery } from "../db/merchants/sso";
import { MINUTE_MS } from "../db/time";
import { loadKeyring } from "../db/credentials/load";
import { KeyringError } from "../db/credentials/keyring";
import { EnvError, parseEnv } from "../app/env.server";
import { prepareDatabase, type Log } from "./boot";
import { loadServerBuild } from "./build";
import { startDeliveries } from "./deliveries";
import { createHttpApp } from "./http";
import { createLogger } from "./logger";
import { createMetrics } from "./metrics";
import { startProbes } from "./probes";
import { merchantSsoSecrets, sessionSecrets } from "./secrets";

/** The demo's way in to a merchant's pages: the store with the most failing connections now. */
function logDemoMerchantLink(db: Db, secret: string, baseUrl: string, log: Log): void {
  const store = listDirectoryMerchants(db, "").merchants[0];
  if (!store) return;
  const query = merchantLinkQuery(secret, store.externalId, { nowMs: Date.now(), lifetimeMs: MAX_LINK_LIFETIME_MS });
  log(`${store.name}'s own pages (the link works once, for an hour; npm run statusctl -- merchant link ${store.externalId} makes another): ${baseUrl}/merchant/sso?${query}`);
}

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const log: Log = (line) => logger.info(line);
  const keyring = loadKeyring({ spec: env.CREDENTIAL_KEYS, databaseUrl: env.DATABASE_URL, allowGenerated: env.SEED_DEMO, log });
  // Every secret is settled before any work starts, so a missing one stops the process at once.
  const cookieSecrets = sessionSecrets(env, log);
  const ssoSecrets = merchantSsoSecrets(env, log);
  const db = prepareDatabase(env, keyring, log);
  const build = await loadServerBuild();
  const metrics = createMetrics(db);
  const probes = env.PROBES
    ? await startProbes({
        db,
        keyring,
        demo: env.SEED_DEMO,
        demoTimeScale: env.DEMO_TIME_SCALE,
        detection: {
          failingShare: env.DETECTION_FAILING_SHARE,
          minMerchants: env.DETECTION_MIN_MERCHANTS,
          windowMs: env.DETECTION_WINDOW_MINUTES * MINUTE_MS,
        },
        log,
        onCheckRun: metrics.observeCheckRun,
      })
    : null;
  const app = createHttpApp({ db, build, mode: env.NODE_ENV, sessionSecrets: cookieSecrets, merchantSsoSecrets: ssoSecrets, logger, metrics, metricsToken: env.METRICS_TOKEN, keyring });
  // Started once the port is known: links in emails default to it.
  let deliveries: { stop: () => Promise<void> } | null = null;
  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    log(`ShopIQ Integration Status is running at http://localhost:${port}`);
    deliveries = startDeliveries({ db, keyring, env, publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`, log });
    if (env.SEED_DEMO) logDemoMerchantLink(db, ssoSecrets[0]!, `http://localhost:${port}`, log);
  });
  const stop = async (signal: string) => {
    log(`${signal} received, shutting down`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    // Probes finish (or abandon) their runs before the database closes under them.
    await probes?.stop();
    // Sends in flight finish and are recorded, so the next start does not send them again.
    await deliveries?.stop();
    await closed;
    closeDatabase(db);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

// Plain lines on stderr rather than JSON: this is what a person sees when the server refuses
// to start, and the logger may not exist yet (a wrong LOG_LEVEL is one of the reasons).
main().catch((error: unknown) => {
  const expected = error instanceof EnvError || error instanceof KeyringError;
  console.error(`[status] cannot start: ${expected ? (error as Error).message : String(error)}`);
  if (!expected && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
