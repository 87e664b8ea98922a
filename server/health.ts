// GET /healthz, for load balancers: 200 while the database answers, 503 when it does not,
// so that traffic moves to another instance. Public, so it says nothing more than that.

import { sql } from "drizzle-orm";
import type { Request, Response } from "express";
import type { Db } from "../db/client";
import type { Logger } from "./logger";

export const HEALTH_PATH = "/healthz";

export function healthCheck(db: Db, logger: Logger) {
  return (_req: Request, res: Response): void => {
    // A cached "ok" would keep traffic on an instance that has since lost its database.
    res.setHeader("Cache-Control", "no-store");
    try {
      db.get(sql`select 1`);
      res.json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed: the database did not answer");
      res.status(503).json({ status: "unavailable" });
    }
  };
}
