import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from "node:tls";
import { TlsCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, FailureEvidence, ProbeResult } from "../types";

type NetworkReason = Extract<FailureEvidence, { kind: "network" }>["reason"];

const DAY_MS = 24 * 60 * 60 * 1000;

const NETWORK_REASON_BY_CODE: Record<string, NetworkReason> = {
  ETIMEDOUT: "timeout",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNRESET: "reset",
  ECONNREFUSED: "refused",
  // OpenSSL's protocol failures: the port answers, but not with TLS we can speak.
  EPROTO: "tls",
};

const REASON_SUMMARY: Record<NetworkReason, string> = {
  timeout: "no TLS handshake in time",
  dns: "the host name did not resolve",
  reset: "the connection was reset",
  refused: "the connection was refused",
  tls: "the TLS handshake failed",
  other: "the connection failed",
};

type Handshake =
  | { kind: "done"; certificate: PeerCertificate; chainError: string | null; identityError: Error | null }
  | { kind: "failed"; error: Error }
  | { kind: "aborted" };

export const runTlsCheck: CheckRunner = async (target, context) => {
  const parsed = TlsCheckConfigSchema.safeParse(target.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalidConfiguration(issue?.path.map(String).join(".") ?? "", issue?.message ?? "invalid");
  }
  const { host, port, warnDays, caPem } = parsed.data;
  const servername = parsed.data.servername ?? host;
  // Node ignores CA text it cannot parse; that would turn a typo into "untrusted" forever.
  if (caPem !== undefined && !parsesAsCertificate(caPem)) {
    return invalidConfiguration("caPem", "not a PEM certificate");
  }

  const startedAt = performance.now();
  const handshake = await handshakeWith(host, port, servername, caPem, context.signal);
  const latencyMs = Math.round(performance.now() - startedAt);

  if (handshake.kind === "aborted") {
    const stoppedByTimeout =
      context.signal.reason instanceof DOMException && context.signal.reason.name === "TimeoutError";
    const detail = stoppedByTimeout
      ? `no TLS handshake with ${host}:${port} within ${target.timeoutMs} ms`
      : `stopped before the TLS handshake with ${host}:${port}`;
    return networkResult("timeout", detail, detail);
  }
  if (handshake.kind === "failed") {
    const code = errorCode(handshake.error);
    const reason = networkReason(code);
    const summary = `${REASON_SUMMARY[reason]}: ${host}:${port}`;
    return networkResult(reason, handshake.error.message, code ? `${summary} (${code})` : summary);
  }

  const { certificate, chainError, identityError } = handshake;
  // Dates are judged against the run's clock, not OpenSSL's, so that a test (or a replay)
  // can move time; OpenSSL's own date verdict still counts as a chain error below.
  const now = context.now();
  const validFromMs = Date.parse(certificate.valid_from);
  const validToMs = Date.parse(certificate.valid_to);
  const about = `certificate for ${servername}`;
  if (Number.isNaN(validFromMs) || Number.isNaN(validToMs)) {
    return certificateProblem(latencyMs, `${about} has no readable validity dates`);
  }
  const expiryDate = new Date(validToMs).toISOString().slice(0, 10);
  if (now >= validToMs) return certificateProblem(latencyMs, `${about} expired on ${expiryDate}`);
  if (now < validFromMs) {
    const startDate = new Date(validFromMs).toISOString().slice(0, 10);
    return certificateProblem(latencyMs, `${about} is not valid before ${startDate}`);
  }
  if (chainError) return certificateProblem(latencyMs, `${about} is not trusted (${chainError})`);
  if (identityError) {
    return certificateProblem(latencyMs, identityError.message, `the certificate does not cover ${servername}`);
  }

  const daysLeft = Math.floor((validToMs - now) / DAY_MS);
  const remaining = `${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
  if (daysLeft < warnDays) {
    const detail = `${about} expires in ${remaining} (${expiryDate})`;
    return {
      outcome: "degraded",
      latencyMs,
      httpStatus: null,
      evidence: { kind: "certificate", detail },
      message: detail,
    };
  }
  return {
    outcome: "ok",
    latencyMs,
    httpStatus: null,
    evidence: null,
    message: `${about} valid for ${remaining} more (until ${expiryDate})`,
  };
};

function parsesAsCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/** Completes one handshake and closes it, keeping the verdicts instead of failing on them. */
function handshakeWith(
  host: string,
  port: number,
  servername: string,
  caPem: string | undefined,
  signal: AbortSignal
): Promise<Handshake> {
  if (signal.aborted) return Promise.resolve({ kind: "aborted" });
  return new Promise((resolve) => {
    let identityError: Error | null = null;
    const socket = connect({
      host,
      port,
      // SNI carries names only; Node warns when given an address.
      servername: isIP(servername) ? undefined : servername,
      // Extra CAs add to the public roots rather than replace them.
      ca: caPem === undefined ? undefined : [...rootCertificates, caPem],
      // Verdicts are read after the handshake so that an expired or untrusted
      // certificate is reported as such, with its dates, not as a failed connection.
      rejectUnauthorized: false,
      checkServerIdentity: (_hostname, certificate) => {
        identityError = checkServerIdentity(servername, certificate) ?? null;
        return identityError ?? undefined;
      },
    });
    const finish = (handshake: Handshake) => {
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(handshake);
    };
    const onAbort = () => finish({ kind: "aborted" });
    signal.addEventListener("abort", onAbort, { once: true });
    socket.once("secureConnect", () => {
      // Node only checks the identity once the chain verifies, and records a chain
      // failure as OpenSSL's code (typed as an Error, delivered as a string).
      const chainError = socket.authorized || identityError ? null : String(socket.authorizationError);
      finish({ kind: "done", certificate: socket.getPeerCertificate(), chainError, identityError });
    });
    socket.once("error", (error) => finish({ kind: "failed", error }));
  });
}

function networkReason(code: string | undefined): NetworkReason {
  if (code === undefined) return "other";
  return NETWORK_REASON_BY_CODE[code] ?? (/^ERR_(SSL|TLS)_/.test(code) ? "tls" : "other");
}

function errorCode(error: Error): string | undefined {
  return "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function certificateProblem(latencyMs: number, detail: string, message = detail): ProbeResult {
  return { outcome: "down", latencyMs, httpStatus: null, evidence: { kind: "certificate", detail }, message };
}

function networkResult(reason: NetworkReason, detail: string, message: string): ProbeResult {
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "network", reason, detail }, message };
}

function invalidConfiguration(field: string, problem: string): ProbeResult {
  const detail = `invalid check configuration: ${field || "(config)"}: ${problem}`;
  return { outcome: "down", latencyMs: null, httpStatus: null, evidence: { kind: "shape", detail }, message: detail };
}
