import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Db } from "../../db/client";
import { loadServerBuild } from "../../server/build";
import { createHttpApp, type HttpAppOptions } from "../../server/http";
import { TEST_KEYRING, TEST_MERCHANT_SSO_SECRET, TEST_SESSION_SECRET } from "./loaders";

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real HTTP app, on a free loopback port, serving the built Remix app from `db`; `ops` adds logging and metrics. */
export async function startServer(db: Db, ops: Pick<HttpAppOptions, "logger" | "metrics" | "metricsToken"> = {}): Promise<RunningServer> {
  const app = createHttpApp({ db, build: await loadServerBuild(), mode: "production", sessionSecrets: [TEST_SESSION_SECRET], merchantSsoSecrets: [TEST_MERCHANT_SSO_SECRET], keyring: TEST_KEYRING, ...ops });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
