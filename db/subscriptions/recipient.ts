import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { open, type Keyring } from "../credentials/keyring";
import { provider, subscriber, subscriberProvider } from "../schema";
import type { Locale } from "../schema/enums";

/** Where a delivery goes and what it needs: the link token for emails, the signing secret for webhooks. */
export type Recipient = {
  locale: Locale;
  confirmed: boolean;
  /** Names of the providers chosen; empty for all. */
  providerNames: string[];
  /** Opened from its sealed copy, to build the subscriber's links. */
  token: string;
} & ({ kind: "email"; email: string } | { kind: "webhook"; url: string; secret: string });

/** The subscriber with its secrets opened, or null when it is gone. */
export function loadRecipient(db: Executor, keyring: Keyring, subscriberId: number): Recipient | null {
  const row = db.select().from(subscriber).where(eq(subscriber.id, subscriberId)).get();
  if (!row) return null;
  const providerNames = db
    .select({ name: provider.name })
    .from(subscriberProvider)
    .innerJoin(provider, eq(provider.id, subscriberProvider.providerId))
    .where(eq(subscriberProvider.subscriberId, subscriberId))
    .orderBy(asc(provider.position), asc(provider.name))
    .all()
    .map((p) => p.name);
  const common = { locale: row.locale, confirmed: row.confirmedAt !== null, providerNames, token: open(keyring, row.sealedToken) };
  if (row.kind === "email" && row.email !== null) return { ...common, kind: "email", email: row.email };
  if (row.kind === "webhook" && row.url !== null && row.sealedSecret !== null) {
    return { ...common, kind: "webhook", url: row.url, secret: open(keyring, row.sealedSecret) };
  }
  throw new Error(`subscriber ${subscriberId} is a ${row.kind} subscriber without its address`);
}
