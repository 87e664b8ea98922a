// Subscribing, confirming, changing and leaving, as the public pages do them. A subscriber
// is found only by the token in their own links: no form carries an id, so one link can
// never reach another subscription.

import { createHash, randomBytes } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { open, seal, type Keyring } from "../credentials/keyring";
import { provider, subscriber, subscriberProvider } from "../schema";
import type { Locale, SubscriberKind } from "../schema/enums";
import { recordNotificationEvent } from "./events";
import type { ManageInput, SubscribeErrorKey, SubscribeInput } from "./forms";
import { countAttempt, rateLimitedUntil, subscribeRateKeys } from "./rate-limit";

const TOKEN_BYTES = 32;
const WEBHOOK_SECRET_PREFIX = "whsec_";

const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(TOKEN_BYTES).toString("base64url");

/** Well-formed input that names something the database does not have; the page says `key` at `field` (./forms.ts). */
export class SubscriptionError extends Error {
  constructor(
    readonly field: string,
    readonly key: SubscribeErrorKey,
  ) {
    super(`${field}: ${key}`);
  }
}

export type SubscribeOutcome =
  /** The address as it is kept (lower-case). */
  | { ok: true; kind: "email"; email: string }
  /** Shown once: only sealed copies are kept. */
  | { ok: true; kind: "webhook"; token: string; secret: string }
  | { ok: false; retryAfterMs: number };

function requireKnownProviders(tx: Executor, providerIds: number[]): void {
  if (providerIds.length === 0) return;
  const known = tx.select({ id: provider.id }).from(provider).where(inArray(provider.id, providerIds)).all();
  if (known.length !== providerIds.length) throw new SubscriptionError("providerIds", "providersUnknown");
}

function setProviders(tx: Executor, subscriberId: number, providerIds: number[]): void {
  tx.delete(subscriberProvider).where(eq(subscriberProvider.subscriberId, subscriberId)).run();
  if (providerIds.length > 0) tx.insert(subscriberProvider).values(providerIds.map((providerId) => ({ subscriberId, providerId }))).run();
}

/** Queues the confirmation email; once confirmed, the same email says so and carries the manage link instead. */
function queueConfirmation(tx: Executor, subscriberId: number, at: Date): void {
  recordNotificationEvent(tx, {
    kind: "subscription.confirm",
    // Each request sends its own email (the rate limit keeps that in bounds).
    dedupeKey: `subscription.confirm:${subscriberId}:${at.getTime()}`,
    payload: { type: "confirmation" },
    providerIds: [],
    subscriberId,
    at,
  });
}

/**
 * Subscribes an email address (confirmed later, by the link in the email it is sent) or a
 * webhook (confirmed now: whoever set it up holds its secret). Asking again for an address
 * sends the email again and says nothing about whether it was already subscribed.
 */
export function subscribe(
  db: Executor,
  keyring: Keyring,
  input: SubscribeInput,
  request: { clientAddress: string; nowMs: number },
): SubscribeOutcome {
  const at = new Date(request.nowMs);
  const keys = subscribeRateKeys(request.clientAddress, input.kind === "email" ? input.email : input.url);
  return db.transaction((tx): SubscribeOutcome => {
    const limitedUntilMs = rateLimitedUntil(tx, keys, request.nowMs);
    if (limitedUntilMs !== null) return { ok: false, retryAfterMs: limitedUntilMs - request.nowMs };
    requireKnownProviders(tx, input.providerIds);
    countAttempt(tx, keys, request.nowMs);
    const token = newToken();
    const fresh = { locale: input.locale, tokenHash: hashLinkToken(token), sealedToken: seal(keyring, token), createdAt: at, updatedAt: at };

    if (input.kind === "webhook") {
      const secret = `${WEBHOOK_SECRET_PREFIX}${newToken()}`;
      const created = tx
        .insert(subscriber)
        .values({ ...fresh, kind: "webhook", url: input.url, sealedSecret: seal(keyring, secret), confirmedAt: at })
        .returning({ id: subscriber.id })
        .get();
      setProviders(tx, created.id, input.providerIds);
      return { ok: true, kind: "webhook", token, secret };
    }

    // An address already known keeps its token: links in emails already sent must go on working.
    const existing = tx.select().from(subscriber).where(eq(subscriber.email, input.email)).get();
    let subscriberId: number;
    if (!existing) {
      subscriberId = tx.insert(subscriber).values({ ...fresh, kind: "email", email: input.email }).returning({ id: subscriber.id }).get().id;
      setProviders(tx, subscriberId, input.providerIds);
    } else {
      subscriberId = existing.id;
      // Until it is confirmed, the latest request decides what will be confirmed; after that, only the owner's links change it.
      if (existing.confirmedAt === null) {
        tx.update(subscriber).set({ locale: input.locale, updatedAt: at }).where(eq(subscriber.id, existing.id)).run();
        setProviders(tx, existing.id, input.providerIds);
      }
    }
    queueConfirmation(tx, subscriberId, at);
    return { ok: true, kind: "email", email: input.email };
  });
}

const findByToken = (db: Executor, token: string) => db.select().from(subscriber).where(eq(subscriber.tokenHash, hashLinkToken(token))).get();

/** Confirms the subscription the link belongs to; opening the link again changes nothing. False when the link names none. */
export function confirmSubscription(db: Executor, token: string, nowMs: number): boolean {
  const found = findByToken(db, token);
  if (!found) return false;
  if (found.confirmedAt === null) {
    db.update(subscriber).set({ confirmedAt: new Date(nowMs), updatedAt: new Date(nowMs) }).where(eq(subscriber.id, found.id)).run();
  }
  return true;
}

export interface OwnSubscription {
  kind: SubscriberKind;
  /** The email address or the webhook URL. */
  address: string;
  locale: Locale;
  confirmed: boolean;
  /** Why it stopped: failures, or ops. Null while it works. */
  disabledReason: string | null;
  /** Empty: all providers. */
  providerIds: number[];
}

/** The subscription a link belongs to, as its owner sees it. */
export function getOwnSubscription(db: Executor, token: string): OwnSubscription | null {
  const found = findByToken(db, token);
  if (!found) return null;
  const providerIds = db
    .select({ id: subscriberProvider.providerId })
    .from(subscriberProvider)
    .where(eq(subscriberProvider.subscriberId, found.id))
    .orderBy(asc(subscriberProvider.providerId))
    .all()
    .map((r) => r.id);
  return {
    kind: found.kind,
    address: found.email ?? found.url ?? "",
    locale: found.locale,
    confirmed: found.confirmedAt !== null,
    disabledReason: found.disabledAt ? (found.disabledReason ?? "Stopped by ShopIQ.") : null,
    providerIds,
  };
}

/** Changes the providers and language of the subscription the link belongs to. False when the link names none. */
export function updateOwnSubscription(db: Executor, token: string, input: ManageInput, nowMs: number): boolean {
  return db.transaction((tx) => {
    const found = findByToken(tx, token);
    if (!found) return false;
    requireKnownProviders(tx, input.providerIds);
    tx.update(subscriber).set({ locale: input.locale, updatedAt: new Date(nowMs) }).where(eq(subscriber.id, found.id)).run();
    setProviders(tx, found.id, input.providerIds);
    return true;
  });
}

/** Ends the subscription the link belongs to, if any, and forgets the address with its delivery log. */
export function unsubscribe(db: Executor, token: string): void {
  db.delete(subscriber).where(eq(subscriber.tokenHash, hashLinkToken(token))).run();
}

/** After a new key is put first: every subscriber's link token and webhook secret sealed again with it. */
export function resealSubscriberSecrets(db: Executor, keyring: Keyring): number {
  return db.transaction((tx) => {
    const rows = tx.select({ id: subscriber.id, sealedToken: subscriber.sealedToken, sealedSecret: subscriber.sealedSecret }).from(subscriber).all();
    const stale = rows.filter((r) => r.sealedToken.keyId !== keyring.currentKeyId || (r.sealedSecret !== null && r.sealedSecret.keyId !== keyring.currentKeyId));
    for (const row of stale) {
      tx.update(subscriber)
        .set({
          sealedToken: seal(keyring, open(keyring, row.sealedToken)),
          sealedSecret: row.sealedSecret === null ? null : seal(keyring, open(keyring, row.sealedSecret)),
        })
        .where(eq(subscriber.id, row.id))
        .run();
    }
    return stale.length;
  });
}
