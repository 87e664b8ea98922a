import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { fileURLToPath } from "node:url";
import express from "express";
import type { Db } from "../db/client";
import { createSessionCookie } from "../app/auth/session.server";
import { createMerchantCookie } from "../app/merchant/session.server";
import { sameOriginForChanges, securityHeaders } from "./security";

const BUILD_ASSETS_MAX_AGE = "1y";
const PUBLIC_FILES_MAX_AGE = "1h";
const PUBLIC_DIR = fileURLToPath(new URL("../public", import.meta.url));

/** The HTTP app: static assets and Remix, with the database handed to every loader. */
export function createHttpApp(options: { db: Db; build: ServerBuild; mode: string; sessionSecrets: string[]; merchantSsoSecrets: string[] }) {
  const app = express();
  const sessionCookie = createSessionCookie(options.sessionSecrets);
  const merchantCookie = createMerchantCookie(options.sessionSecrets);
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(securityHeaders);
  app.use(sameOriginForChanges);
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
      }),
    }),
  );
  return app;
}
