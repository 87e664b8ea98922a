import { z } from "zod";

const port = z
  .string()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .pipe(z.number().max(65_535, "must be at most 65535"));

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Shorter than this, a token guessed or brute-forced over the network is within reach. */
const MIN_METRICS_TOKEN_LENGTH = 16;

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: port.default(3000),
  DATABASE_URL: z.string().trim().min(1, "must not be empty").default("file:./data/status.sqlite"),
  SEED_DEMO: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("true")
    .transform((v) => v === "true"),
  /** Secrets signing the session cookie, current first (comma-separated); required when the demo is off. */
  SESSION_SECRET: z.string().trim().min(1).optional(),
  /** Secrets the ShopIQ platform signs merchants' sign-in links with, current first (comma-separated); required when the demo is off. */
  MERCHANT_SSO_SECRET: z.string().trim().min(1).optional(),
  /** `id:base64key[,id:base64key…]`, current key first; required when the demo is off. */
  CREDENTIAL_KEYS: z.string().trim().min(1).optional(),
  /** Where subscribers' emails are sent (`smtp://user:pass@host:587`, `smtps://…`); without it they are written to files beside the database. */
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/[^/\s]+/, "must look like smtp://user:password@host:587 or smtps://…").optional(),
  SMTP_FROM: z.string().trim().min(1).default("ShopIQ Integration Status <status@localhost>"),
  /** The page's public address, for links in emails; never taken from a request, whose Host header anyone can set. */
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, "must be an http(s) address such as https://status.example.com")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Below 1, the demo plays faster: its simulated providers' story and its checks' intervals shrink together. */
  DEMO_TIME_SCALE: z
    .string()
    .regex(/^\d*\.?\d+$/, "must be a number")
    .transform(Number)
    .pipe(z.number().positive("must be above 0").max(1, "must be at most 1"))
    .default(1),
  /** Provider-wide detection: the share of a provider's connections failing that opens an incident… */
  DETECTION_FAILING_SHARE: z
    .string()
    .regex(/^\d*\.?\d+$/, "must be a number")
    .transform(Number)
    .pipe(z.number().positive("must be above 0").max(1, "must be at most 1"))
    .default(0.3),
  /** …across at least this many merchants… */
  DETECTION_MIN_MERCHANTS: z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().min(1, "must be at least 1")).default(5),
  /** …within this many minutes. */
  DETECTION_WINDOW_MINUTES: z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().min(1, "must be at least 1")).default(10),
  /** Run the probe scheduler in this process. */
  PROBES: z
    .enum(["on", "off"], { error: 'must be "on" or "off"' })
    .default("on")
    .transform((v) => v === "on"),
  /** The bearer token Prometheus scrapes /metrics with; without it /metrics is not served. */
  METRICS_TOKEN: z.string().trim().min(MIN_METRICS_TOKEN_LENGTH, `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (a long random string)`).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Validates the environment once at boot; a wrong value stops the process with one clear line. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  throw new EnvError(`invalid environment: ${problems.join("; ")}`);
}
