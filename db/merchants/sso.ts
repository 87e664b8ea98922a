// Merchants reach their pages through a link the ShopIQ platform signs:
// /merchant/sso?m=<merchant id on the platform>&exp=<unix seconds>&n=<nonce>&sig=<hex>
// where sig = HMAC-SHA256(secret, "m=<m>&exp=<exp>&n=<n>"). A link works once: its nonce
// is kept until the link expires. A valid link starts a session in the database, so a
// merchant's session can be ended (sign-out, or the merchant deleted) on our side.

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { merchant, merchantSession, ssoNonce } from "../schema";
import { HOUR_MS, MINUTE_MS } from "../time";

export const MERCHANT_SESSION_LIFETIME_MS = 8 * HOUR_MS;
/** Links are for a click, not for bookmarks: one that claims a longer life is refused. */
export const MAX_LINK_LIFETIME_MS = HOUR_MS;
export const DEFAULT_LINK_LIFETIME_MS = 10 * MINUTE_MS;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/i;
const TOKEN_BYTES = 32;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const signedPayload = (externalId: string, expiresAtSeconds: number, nonce: string) => `m=${externalId}&exp=${expiresAtSeconds}&n=${nonce}`;

export function signLink(secret: string, externalId: string, expiresAtSeconds: number, nonce: string): string {
  return createHmac("sha256", secret).update(signedPayload(externalId, expiresAtSeconds, nonce)).digest("hex");
}

/** A fresh signed link's query string, as the platform would make it. */
export function merchantLinkQuery(secret: string, externalId: string, options: { nowMs: number; lifetimeMs?: number; nonce?: string }): string {
  const exp = Math.floor((options.nowMs + (options.lifetimeMs ?? DEFAULT_LINK_LIFETIME_MS)) / 1000);
  const nonce = options.nonce ?? randomBytes(18).toString("base64url");
  const params = new URLSearchParams({ m: externalId, exp: String(exp), n: nonce, sig: signLink(secret, externalId, exp, nonce) });
  return params.toString();
}

export type LinkRefusal = "malformed" | "tampered" | "expired" | "too-long" | "used" | "unknown-merchant";

export type LinkCheck = { ok: true; merchantId: number } | { ok: false; refusal: LinkRefusal };

function signatureMatches(secrets: string[], payload: { m: string; exp: number; n: string }, sig: string): boolean {
  const given = Buffer.from(sig.toLowerCase(), "hex");
  return secrets.some((secret) => {
    const expected = Buffer.from(signLink(secret, payload.m, payload.exp, payload.n), "hex");
    return timingSafeEqual(expected, given);
  });
}

/**
 * Checks a link and, when it is good, spends its nonce, all in one transaction: two
 * requests racing with the same link cannot both pass. Any of the secrets may have signed
 * it, so the platform and this app can rotate the secret without a gap.
 */
export function redeemMerchantLink(db: Executor, secrets: string[], query: URLSearchParams, nowMs: number): LinkCheck {
  const m = query.get("m") ?? "";
  const expText = query.get("exp") ?? "";
  const n = query.get("n") ?? "";
  const sig = query.get("sig") ?? "";
  if (!EXTERNAL_ID_PATTERN.test(m) || !/^\d{1,12}$/.test(expText) || !NONCE_PATTERN.test(n) || !SIGNATURE_PATTERN.test(sig)) {
    return { ok: false, refusal: "malformed" };
  }
  const exp = Number(expText);
  if (!signatureMatches(secrets, { m, exp, n }, sig)) return { ok: false, refusal: "tampered" };
  const expiresAtMs = exp * 1000;
  if (expiresAtMs <= nowMs) return { ok: false, refusal: "expired" };
  if (expiresAtMs - nowMs > MAX_LINK_LIFETIME_MS) return { ok: false, refusal: "too-long" };
  return db.transaction((tx): LinkCheck => {
    tx.delete(ssoNonce).where(lt(ssoNonce.expiresAt, new Date(nowMs))).run();
    if (tx.select({ nonce: ssoNonce.nonce }).from(ssoNonce).where(eq(ssoNonce.nonce, n)).get()) return { ok: false, refusal: "used" };
    const found = tx.select({ id: merchant.id }).from(merchant).where(eq(merchant.externalId, m)).get();
    if (!found) return { ok: false, refusal: "unknown-merchant" };
    tx.insert(ssoNonce).values({ nonce: n, merchantId: found.id, expiresAt: new Date(expiresAtMs), usedAt: new Date(nowMs) }).run();
    return { ok: true, merchantId: found.id };
  });
}

/** Starts a session and returns its token: the only time it exists outside the cookie. */
export function startMerchantSession(db: Executor, merchantId: number, nowMs: number): string {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  db.delete(merchantSession).where(lt(merchantSession.expiresAt, new Date(nowMs))).run();
  db.insert(merchantSession)
    .values({ tokenHash: hashToken(token), merchantId, expiresAt: new Date(nowMs + MERCHANT_SESSION_LIFETIME_MS) })
    .run();
  return token;
}

export interface SessionMerchant {
  id: number;
  externalId: string;
  name: string;
}

export function merchantOfSession(db: Executor, token: string, nowMs: number): SessionMerchant | null {
  return (
    db
      .select({ id: merchant.id, externalId: merchant.externalId, name: merchant.name })
      .from(merchantSession)
      .innerJoin(merchant, eq(merchant.id, merchantSession.merchantId))
      .where(and(eq(merchantSession.tokenHash, hashToken(token)), gt(merchantSession.expiresAt, new Date(nowMs))))
      .get() ?? null
  );
}

export function endMerchantSession(db: Executor, token: string): void {
  db.delete(merchantSession).where(eq(merchantSession.tokenHash, hashToken(token))).run();
}

export function findMerchant(db: Executor, merchantId: number): SessionMerchant | null {
  return db.select({ id: merchant.id, externalId: merchant.externalId, name: merchant.name }).from(merchant).where(eq(merchant.id, merchantId)).get() ?? null;
}

export function findMerchantByExternalId(db: Executor, externalId: string): SessionMerchant | null {
  return (
    db.select({ id: merchant.id, externalId: merchant.externalId, name: merchant.name }).from(merchant).where(eq(merchant.externalId, externalId)).get() ?? null
  );
}
