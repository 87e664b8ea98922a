import { z } from "zod";
import type { CheckKind } from "./enums";

// What each kind of check needs, validated wherever a check's configuration enters the
// system (catalogue import, the ops console) and again when a check runs. The column
// holds plain JSON; its shape depends on the check's kind.

/** A path under the demo fleet's address; in demo mode it replaces the real target. */
const demoPath = z.string().regex(/^\/[A-Za-z0-9/_.-]*$/, "must be a path starting with /").optional();
const latencyThreshold = z.int().positive().optional();
const httpStatuses = z.array(z.int().min(100).max(599)).min(1);

export const JSON_PATH_PATTERN = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

export const HttpCheckConfigSchema = z
  .object({
    url: z.url(),
    method: z.enum(["GET", "HEAD", "POST", "PUT"]).default("GET"),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    expectedStatus: httpStatuses.default([200]),
    bodyContains: z.string().min(1).optional(),
    bodyNotContains: z.string().min(1).optional(),
    /** A value the JSON response must hold at this path, e.g. `$.status.indicator`. */
    jsonPath: z
      .object({
        path: z.string().regex(JSON_PATH_PATTERN, "use $.field.sub or $.list[0] paths"),
        equals: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      })
      .strict()
      .optional(),
    /** Slower than this is `degraded`, not `down`. */
    degradedLatencyMs: latencyThreshold,
    demoPath,
  })
  .strict();

export const TcpCheckConfigSchema = z
  .object({
    host: z.string().min(1),
    port: z.int().min(1).max(65_535),
    degradedLatencyMs: latencyThreshold,
  })
  .strict();

export const DnsCheckConfigSchema = z
  .object({
    hostname: z.string().min(1),
    recordType: z.enum(["A", "AAAA", "CNAME", "TXT", "MX", "NS"]).default("A"),
    /** A value one of the answers must equal (an address, a target name…). */
    expected: z.string().min(1).optional(),
    /** Resolver to ask, as host or host:port; the system's resolvers when omitted. */
    server: z.string().min(1).optional(),
    degradedLatencyMs: latencyThreshold,
  })
  .strict();

export const TlsCheckConfigSchema = z
  .object({
    host: z.string().min(1),
    port: z.int().min(1).max(65_535).default(443),
    servername: z.string().min(1).optional(),
    /** Fewer days than this before expiry is `degraded`. */
    warnDays: z.int().min(1).max(365).default(14),
    /** Extra trusted CA certificates (PEM), for private endpoints. */
    caPem: z.string().min(1).optional(),
  })
  .strict();

export const StatuspageCheckConfigSchema = z
  .object({
    /** The status page's address; its feed is read at `/api/v2/summary.json` under it. */
    url: z.url(),
    /** Upstream component names that stand for this provider; every component when omitted. */
    components: z.array(z.string().min(1)).min(1).optional(),
    demoPath,
  })
  .strict();

export const PaymentDowntimeCheckConfigSchema = z
  .object({
    /** The gateway API's base address; downtimes are read at `/v1/payments/downtimes` under it. */
    url: z.url(),
    /** Names of environment variables holding the API key id and secret (Basic auth). */
    basicAuthEnv: z.object({ username: z.string().min(1), password: z.string().min(1) }).strict().optional(),
    demoPath,
  })
  .strict();

export const ConnectionCheckConfigSchema = z
  .object({
    url: z.url(),
    method: z.enum(["GET", "HEAD", "POST"]).default("GET"),
    expectedStatus: httpStatuses.default([200]),
    /** How the merchant's credential is sent. */
    auth: z.enum(["basic", "bearer", "header"]).default("bearer"),
    /** The header carrying the credential when `auth` is `header`. */
    headerName: z.string().min(1).optional(),
    degradedLatencyMs: latencyThreshold,
    demoPath,
  })
  .strict();

export const CHECK_CONFIG_SCHEMAS = {
  http: HttpCheckConfigSchema,
  tcp: TcpCheckConfigSchema,
  dns: DnsCheckConfigSchema,
  tls: TlsCheckConfigSchema,
  statuspage: StatuspageCheckConfigSchema,
  "payment-downtime": PaymentDowntimeCheckConfigSchema,
  connection: ConnectionCheckConfigSchema,
} as const satisfies Record<CheckKind, z.ZodType>;

export type CheckConfigOf<K extends CheckKind> = z.infer<(typeof CHECK_CONFIG_SCHEMAS)[K]>;

/** A check's configuration as stored: JSON whose shape its kind decides. */
export type StoredCheckConfig = Record<string, unknown>;
