import type { Server } from "node:http";
import { closeDatabase } from "../db/client";
import { EnvError, parseEnv } from "../app/env.server";
import { prepareDatabase } from "./boot";
import { loadServerBuild } from "./build";
import { createHttpApp } from "./http";

const log = (line: string) => console.log(`[status] ${line}`);

async function main(): Promise<void> {
  const env = parseEnv();
  const db = prepareDatabase(env, log);
  const build = await loadServerBuild();
  const app = createHttpApp({ db, build, mode: env.NODE_ENV });
  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    log(`ShopIQ Integration Status is running at http://localhost:${port}`);
  });
  const stop = (signal: string) => {
    log(`${signal} received, shutting down`);
    server.close(() => {
      closeDatabase(db);
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[status] cannot start: ${error instanceof EnvError ? error.message : String(error)}`);
  if (!(error instanceof EnvError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
