import type { Server } from "node:http";
import { closeDatabase, type Db } from "../db/client";
import { listDirectoryMerchants } from "../db/merchants/directory";
import { MAX_LINK_LIFETIME_MS, merchantLinkQuery } from "../db/merchants/sso";
import { MINUTE_MS } from "../db/time";
import { loadKeyring } from "../db/credentials/load";
import { KeyringError } from "../db/credentials/keyring";
import { EnvError, parseEnv } from "../app/env.server";
import { prepareDatabase } from "./boot";
import { loadServerBuild } from "./build";
import { createHttpApp } from "./http";
import { startProbes } from "./probes";
import { merchantSsoSecrets, sessionSecrets } from "./secrets";

const log = (line: string) => console.log(`[status] ${line}`);

/** The demo's way in to a merchant's pages: the store with the most failing connections now. */
function logDemoMerchantLink(db: Db, secret: string, baseUrl: string): void {
  const store = listDirectoryMerchants(db, "").merchants[0];
  if (!store) return;
  const query = merchantLinkQuery(secret, store.externalId, { nowMs: Date.now(), lifetimeMs: MAX_LINK_LIFETIME_MS });
  log(`${store.name}'s own pages (the link works once, for an hour; npm run statusctl -- merchant link ${store.externalId} makes another): ${baseUrl}/merchant/sso?${query}`);
}

async function main(): Promise<void> {
  const env = parseEnv();
  const keyring = loadKeyring({ spec: env.CREDENTIAL_KEYS, databaseUrl: env.DATABASE_URL, allowGenerated: env.SEED_DEMO, log });
  // Every secret is settled before any work starts, so a missing one stops the process at once.
  const cookieSecrets = sessionSecrets(env, log);
  const ssoSecrets = merchantSsoSecrets(env, log);
  const db = prepareDatabase(env, keyring, log);
  const build = await loadServerBuild();
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
      })
    : null;
  const app = createHttpApp({ db, build, mode: env.NODE_ENV, sessionSecrets: cookieSecrets, merchantSsoSecrets: ssoSecrets });
  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    log(`ShopIQ Integration Status is running at http://localhost:${port}`);
    if (env.SEED_DEMO) logDemoMerchantLink(db, ssoSecrets[0]!, `http://localhost:${port}`);
  });
  const stop = async (signal: string) => {
    log(`${signal} received, shutting down`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    // Probes finish (or abandon) their runs before the database closes under them.
    await probes?.stop();
    await closed;
    closeDatabase(db);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  const expected = error instanceof EnvError || error instanceof KeyringError;
  console.error(`[status] cannot start: ${expected ? (error as Error).message : String(error)}`);
  if (!expected && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
