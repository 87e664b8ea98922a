import type { Db } from "../../db/client";
import { findMerchantByExternalId, merchantLinkQuery } from "../../db/merchants/sso";
import { TEST_MERCHANT_SSO_SECRET } from "./loaders";
import { Client } from "./ops";
import type { RunningServer } from "./server";

/** A sign-in link as the ShopIQ platform makes it, signed with the test servers' secret. */
export function signedMerchantPath(externalId: string, options: { nowMs?: number; lifetimeMs?: number; nonce?: string; secret?: string } = {}): string {
  const query = merchantLinkQuery(options.secret ?? TEST_MERCHANT_SSO_SECRET, externalId, { nowMs: options.nowMs ?? Date.now(), lifetimeMs: options.lifetimeMs, nonce: options.nonce });
  return `/merchant/sso?${query}`;
}

/** A client holding a merchant session for the merchant with this platform id, got by following a real signed link. */
export async function merchantClient(server: RunningServer, db: Db, externalId: string): Promise<Client> {
  if (!findMerchantByExternalId(db, externalId)) throw new Error(`the test database has no merchant with platform id ${externalId}`);
  const client = new Client(server.baseUrl);
  const response = await fetch(`${server.baseUrl}${signedMerchantPath(externalId)}`, { redirect: "manual" });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`the signed link for merchant ${externalId} did not sign in (status ${response.status})`);
  client.cookie = cookie.split(";")[0]!;
  return client;
}
