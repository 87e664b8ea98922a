import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Paths that take non-browser clients with a bearer token: no cookie, so no forgery to stop.
 * The unsubscribe link's token is in its path, and mail providers post to it from their own
 * servers (one-click unsubscribe, RFC 8058) with no Origin of ours.
 */
const TOKEN_AUTHENTICATED_PATHS = ["/api/ingest/", "/api/v1/merchants/", "/subscribe/unsubscribe/"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Charts set inline style attributes; scripts are what a policy must hold tight.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Security headers on every response, with a fresh nonce for this response's scripts in `res.locals.cspNonce`. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

/**
 * A request that changes something must come from a page of this site: browsers send
 * Origin (or at least Referer) with every POST, and a forged cross-site form carries the
 * other site's. The session cookie is SameSite=Lax as well; this is the second lock.
 */
export function sameOriginForChanges(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || TOKEN_AUTHENTICATED_PATHS.some((p) => req.path.startsWith(p))) return next();
  const from = originOf(req.get("origin")) ?? originOf(req.get("referer"));
  if (from !== null && from === req.get("host")) return next();
  res.status(403).type("text/plain").send("This request did not come from this site, so it was refused.");
}
