// The process's log: one JSON object per line on stdout, for a log collector to index.
// Each line keeps a human-readable `msg`, so a person tailing the output can still read it.

import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../app/env.server";

export type { Logger };

export const SERVICE_NAME = "shopiq-status";

/**
 * Nothing logs these today; the list is there so that whoever later logs a request's
 * headers, or an object holding a secret, does not leak it. pino's paths match one level
 * at a time, hence the top-level and nested form of each.
 */
const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "token",
  "secret",
  "password",
  "credential",
  "credentials",
  "*.authorization",
  "*.cookie",
  "*.token",
  "*.secret",
  "*.password",
  "*.credential",
  "*.credentials",
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
];

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      // Replaces pino's pid and hostname: the collector knows the host, and the service name is what people filter on.
      base: { service: SERVICE_NAME },
      // Words rather than pino's numbers, and ISO times: readable without knowing pino's conventions.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    // pino's own stdout destination writes synchronously, so the last lines survive process.exit.
    options.destination,
  );
}

/** For the places that take a logger but whose output nobody wants: tests and the bench. */
export const silentLogger = (): Logger => pino({ level: "silent" });
