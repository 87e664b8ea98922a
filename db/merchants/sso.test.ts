import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { merchant, ssoNonce } from "../schema";
import { migratedDatabase, type TestDatabase } from "../../tests/support/database";
import { MINUTE_MS } from "../time";
import { endMerchantSession, MAX_LINK_LIFETIME_MS, merchantLinkQuery, merchantOfSession, redeemMerchantLink, signLink, startMerchantSession, MERCHANT_SESSION_LIFETIME_MS } from "./sso";

const SECRET = "current-secret";
const OLD_SECRET = "previous-secret";
const NOW_MS = Date.UTC(2026, 10, 28, 6, 0);

let t: TestDatabase;
let storeId: number;
beforeEach(() => {
  t = migratedDatabase();
  storeId = t.db.insert(merchant).values({ externalId: "store-101", name: "Lotus Handlooms" }).returning().get().id;
  t.db.insert(merchant).values({ externalId: "store-202", name: "Brahmaputra Teas" }).run();
});
afterEach(() => t.close());

const query = (text: string) => new URLSearchParams(text);
const link = (externalId = "store-101", options: { nowMs?: number; lifetimeMs?: number; nonce?: string; secret?: string } = {}) =>
  query(merchantLinkQuery(options.secret ?? SECRET, externalId, { nowMs: options.nowMs ?? NOW_MS, lifetimeMs: options.lifetimeMs, nonce: options.nonce }));

describe("redeeming a signed link", () => {
  it("signs the payload the issue names: m, exp and n with HMAC-SHA256 in hex", () => {
    // Computed the way the platform's engineers will compute it on their side.
    const platformSide = createHmac("sha256", SECRET).update("m=store-101&exp=1800000000&n=nonce-0123456789abcdef").digest("hex");
    expect(signLink(SECRET, "store-101", 1_800_000_000, "nonce-0123456789abcdef")).toBe(platformSide);
  });

  it("accepts a fresh link once, for the merchant it names", () => {
    const first = link("store-101", { nonce: "once-only-nonce-0001" });
    expect(redeemMerchantLink(t.db, [SECRET], first, NOW_MS)).toEqual({ ok: true, merchantId: storeId });
    expect(redeemMerchantLink(t.db, [SECRET], first, NOW_MS + 1_000)).toEqual({ ok: false, refusal: "used" });
  });

  it("accepts a link signed with an older secret still listed, so the secret rotates without a gap", () => {
    expect(redeemMerchantLink(t.db, [SECRET, OLD_SECRET], link("store-101", { secret: OLD_SECRET }), NOW_MS).ok).toBe(true);
    expect(redeemMerchantLink(t.db, [SECRET], link("store-101", { secret: OLD_SECRET }), NOW_MS)).toEqual({ ok: false, refusal: "tampered" });
  });

  it("refuses a link whose merchant, expiry or nonce was changed after signing", () => {
    for (const [name, value] of [["m", "store-202"], ["exp", String(Math.floor(NOW_MS / 1000) + 300)], ["n", "another-nonce-00000001"]] as const) {
      const changed = link();
      changed.set(name, value);
      expect(redeemMerchantLink(t.db, [SECRET], changed, NOW_MS)).toEqual({ ok: false, refusal: "tampered" });
    }
    expect(t.db.select().from(ssoNonce).all()).toHaveLength(0);
  });

  it("refuses a link at the second it expires, and one that claims to live longer than the limit", () => {
    const tenMinutes = link("store-101", { lifetimeMs: 10 * MINUTE_MS });
    const expMs = Number(tenMinutes.get("exp")) * 1000;
    expect(redeemMerchantLink(t.db, [SECRET], tenMinutes, expMs)).toEqual({ ok: false, refusal: "expired" });
    expect(redeemMerchantLink(t.db, [SECRET], link("store-101", { lifetimeMs: MAX_LINK_LIFETIME_MS + MINUTE_MS }), NOW_MS)).toEqual({ ok: false, refusal: "too-long" });
    expect(redeemMerchantLink(t.db, [SECRET], link("store-101", { lifetimeMs: MAX_LINK_LIFETIME_MS }), NOW_MS).ok).toBe(true);
  });

  it("refuses malformed links and unknown merchants without writing anything", () => {
    expect(redeemMerchantLink(t.db, [SECRET], query("m=store-101"), NOW_MS)).toEqual({ ok: false, refusal: "malformed" });
    const short = link("store-101");
    short.set("n", "short");
    expect(redeemMerchantLink(t.db, [SECRET], short, NOW_MS)).toEqual({ ok: false, refusal: "malformed" });
    expect(redeemMerchantLink(t.db, [SECRET], link("store-999"), NOW_MS)).toEqual({ ok: false, refusal: "unknown-merchant" });
    expect(t.db.select().from(ssoNonce).all()).toHaveLength(0);
  });

  it("forgets nonces once their links have expired", () => {
    redeemMerchantLink(t.db, [SECRET], link("store-101", { nonce: "old-link-nonce-000001" }), NOW_MS);
    redeemMerchantLink(t.db, [SECRET], link("store-101", { nowMs: NOW_MS + 20 * MINUTE_MS }), NOW_MS + 20 * MINUTE_MS);
    expect(t.db.select({ nonce: ssoNonce.nonce }).from(ssoNonce).all().map((r) => r.nonce)).not.toContain("old-link-nonce-000001");
  });
});

describe("merchant sessions", () => {
  it("last their lifetime, end on sign-out, and name only their merchant", () => {
    const token = startMerchantSession(t.db, storeId, NOW_MS);
    expect(merchantOfSession(t.db, token, NOW_MS)).toEqual({ id: storeId, externalId: "store-101", name: "Lotus Handlooms" });
    expect(merchantOfSession(t.db, token, NOW_MS + MERCHANT_SESSION_LIFETIME_MS)).toBeNull();
    expect(merchantOfSession(t.db, `${token}x`, NOW_MS)).toBeNull();
    endMerchantSession(t.db, token);
    expect(merchantOfSession(t.db, token, NOW_MS)).toBeNull();
  });
});
