import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { fileURLToPath } from "node:url";
import express from "express";
import type { Db } from "../db/client";
import type { Keyring } from "../db/credentials/keyring";
import { createSessionCookie } from "../app/auth/session.server";
import { createMerchantCookie } from "../app/merchant/session.server";
import { healthCheck, HEALTH_PATH } from "./health";
import { silentLogger, type Logger } from "./logger";
import { METRICS_PATH, metricsEndpoint, type Metrics } from "./metrics";
import { requestLog } from "./request-log";
import { sameOriginForChanges, securityHeaders } from "./security";

const BUILD_ASSETS_MAX_AGE = "1y";
const PUBLIC_FILES_MAX_AGE = "1h";
const PUBLIC_DIR = fileURLToPath(new URL("../public", import.meta.url));

export interface HttpAppOptions {
  db: Db;
  build: ServerBuild;
  mode: string;
  sessionSecrets: string[];
  merchantSsoSecrets: string[];
  /** Where each request's log line goes; by default nowhere, which suits tests and the bench. */
  logger?: Logger;
  /** Counters and gauges for /metrics, also handed to loaders that count things. */
  metrics?: Metrics;
  /** The bearer token /metrics asks for; without it (or without `metrics`) /metrics is not served. */
  metricsToken?: string;
  /** Seals subscribers' tokens and secrets; without it /subscribe takes no subscriptions. */
  keyring?: Keyring;
}

/** The HTTP app: health and metrics for operators, static assets and Remix, with the database handed to every loader. */
export function createHttpApp(options: HttpAppOptions) {
  const app = express();
  const logger = options.logger ?? silentLogger();
  const sessionCookie = createSessionCookie(options.sessionSecrets);
  const merchantCookie = createMerchantCookie(options.sessionSecrets);
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(requestLog(logger));
  app.use(securityHeaders);
  app.use(sameOriginForChanges);
  app.get(HEALTH_PATH, healthCheck(options.db, logger));
  if (options.metrics && options.metricsToken) app.get(METRICS_PATH, metricsEndpoint(options.metrics, options.metricsToken, logger));
  app.use("/build", express.static(`${PUBLIC_DIR}/build`, { immutable: true, maxAge: BUILD_ASSETS_MAX_AGE }));
  app.use(express.static(PUBLIC_DIR, { maxAge: PUBLIC_FILES_MAX_AGE }));
  app.get("/favicon.ico", (_request, response) => response.redirect(301, "/favicon.svg"));
  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext: (req, res) => ({
        db: options.db,
        auth: { sessionCookie, merchantCookie, merchantSsoSecrets: options.merchantSsoSecrets },
        cspNonce: String(res.locals.cspNonce),
        clientAddress: req.ip,
        keyring: options.keyring,
        metrics: options.metrics,
      }),
    }),
  );
  return app;
}
