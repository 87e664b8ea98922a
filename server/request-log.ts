// One log line per request, tied to the response by a request id that the client (or the
// proxy in front) can quote back. The line names the path without its query string: the
// merchant sign-in link carries its signature there, and other links may carry tokens.

import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "./logger";

export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * An id from outside is kept when it could be one (a UUID, a trace id, a load balancer's
 * id); anything longer or with other characters is replaced, so that a client cannot
 * write into the logs.
 */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Path segments that are themselves secrets, masked like a query string would be. */
const SECRET_PATH_SEGMENTS: [RegExp, string][] = [[/^\/invite\/[^/]+/, "/invite/[redacted]"]];

/** Fingerprinted assets: many per page, each as uninteresting as the next. */
const UNLOGGED_PREFIX = "/build/";

function loggablePath(path: string): string {
  return SECRET_PATH_SEGMENTS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), path);
}

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming !== undefined && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // req.path has no query string, and later middleware may rewrite it: read it now.
    const path = req.path;
    if (path.startsWith(UNLOGGED_PREFIX)) return next();
    const startedAt = performance.now();
    res.once("close", () => {
      const fields = {
        requestId,
        method: req.method,
        path: loggablePath(path),
        status: res.statusCode,
        durationMs: Number((performance.now() - startedAt).toFixed(1)),
      };
      // A response the client walked away from says nothing about the server's health.
      if (!res.writableFinished) logger.info(fields, "request aborted by the client");
      else if (res.statusCode >= 500) logger.error(fields, "request failed");
      else logger.info(fields, "request completed");
    });
    next();
  };
}
