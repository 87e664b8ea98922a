import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from "node:tls";
import { TlsCheckConfigSchema } from "../../db/schema/check-config";
import type { CheckRunner, ProbeResult } from "../types";
import { invalidConfiguration, parseCheckConfig } from "./configuration";
import { errorCode, NETWORK_REASON_SUMMARY, networkReason, networkResult, stoppedResult, withCode } from "./failures";

const DAY_MS = 24 * 60 * 60 * 1000;

const REASON_SUMMARY = { ...NETWORK_REASON_SUMMARY, timeout: "no TLS handshake in time", other: "the connection failed" };

type Handshake =
  | { kind: "done"; certificate: PeerCertificate; chainError: string | null; identityError: Error | null }
  | { kind: "failed"; error: Error }
  | { kind: "aborted" };

export const runTlsCheck: CheckRunner = async (target, context) => {
  const parsed = parseCheckConfig(TlsCheckConfigSchema, target.config);
  if (!parsed.ok) return parsed.result;
  const { host, port, warnDays, caPem } = parsed.config;
  const servername = parsed.config.servername ?? host;
  // Node ignores CA text it cannot parse; that would turn a typo into "untrusted" forever.
  if (caPem !== undefined && !parsesAsCertificate(caPem)) {
    return invalidConfiguration("caPem", "not a PEM certificate");
  }

  const startedAt = performance.now();
  const handshake = await handshakeWith(host, port, servername, caPem, context.signal);
  const latencyMs = Math.round(performance.now() - startedAt);

  if (handshake.kind === "aborted") {
    return stoppedResult(context.signal, {
      timedOut: `no TLS handshake with ${host}:${port} within ${target.timeoutMs} ms`,
      stopped: `stopped before the TLS handshake with ${host}:${port}`,
    });
  }
  if (handshake.kind === "failed") {
    const { error } = handshake;
    const code = errorCode(error);
    const reason = networkReason(code, error.message);
    return networkResult(reason, error.message, withCode(`${REASON_SUMMARY[reason]}: ${host}:${port}`, code));
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

function certificateProblem(latencyMs: number, detail: string, message = detail): ProbeResult {
  return { outcome: "down", latencyMs, httpStatus: null, evidence: { kind: "certificate", detail }, message };
}
