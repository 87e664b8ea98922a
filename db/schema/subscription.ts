import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { SealedSecret } from "../credentials/keyring";
import type { EventPayload } from "../subscriptions/payload";
import { createdAt, timestampMs, updatedAt } from "./columns";
import { DELIVERY_STATES, LOCALES, NOTIFICATION_EVENT_KINDS, SUBSCRIBER_KINDS } from "./enums";
import { incident } from "./incident";
import { maintenance } from "./maintenance";
import { provider } from "./provider";

/** Someone who asked to hear about incidents and maintenance, by email or by webhook. */
export const subscriber = sqliteTable(
  "subscriber",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: SUBSCRIBER_KINDS }).notNull(),
    /** Lower-case, for email subscribers: one subscription per address. */
    email: text("email"),
    /** For webhook subscribers. */
    url: text("url"),
    /** The language of the emails. */
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** SHA-256 of the token in the subscriber's confirm, manage and unsubscribe links: what a link is looked up by. */
    tokenHash: text("token_hash").notNull(),
    /** The token itself, sealed with CREDENTIAL_KEYS: every email carries an unsubscribe link built from it. */
    sealedToken: text("sealed_token", { mode: "json" }).$type<SealedSecret>().notNull(),
    /** The webhook's signing secret, sealed: it must be opened again to sign each delivery. */
    sealedSecret: text("sealed_secret", { mode: "json" }).$type<SealedSecret>(),
    /** Null until the link in the confirmation email is opened; webhooks are confirmed when created. */
    confirmedAt: timestampMs("confirmed_at"),
    disabledAt: timestampMs("disabled_at"),
    disabledReason: text("disabled_reason"),
    /** When the current run of failed attempts began; null after a delivery gets through. */
    failingSince: timestampMs("failing_since"),
    /** Deliveries given up on since the last one that got through. */
    deadInARow: integer("dead_in_a_row").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("subscriber_token_hash_idx").on(t.tokenHash), uniqueIndex("subscriber_email_idx").on(t.email)],
);

/** The providers a subscriber chose. None at all means every provider, including ones added later. */
export const subscriberProvider = sqliteTable(
  "subscriber_provider",
  {
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscriber.id, { onDelete: "cascade" }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => provider.id),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.providerId] }), index("subscriber_provider_provider_id_idx").on(t.providerId)],
);

/**
 * Something subscribers are told about, recorded in the same transaction as the change it
 * describes. The dedupe key (`incident.updated:<update id>`, `maintenance.started:<id>`…)
 * makes recording it twice a no-op.
 */
export const notificationEvent = sqliteTable(
  "notification_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: NOTIFICATION_EVENT_KINDS }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    incidentId: integer("incident_id").references(() => incident.id, { onDelete: "cascade" }),
    maintenanceId: integer("maintenance_id").references(() => maintenance.id, { onDelete: "cascade" }),
    /** For a confirmation email: the one subscriber it is for. */
    subscriberId: integer("subscriber_id").references(() => subscriber.id, { onDelete: "cascade" }),
    payload: text("payload", { mode: "json" }).$type<EventPayload>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notification_event_dedupe_key_idx").on(t.dedupeKey),
    index("notification_event_incident_id_idx").on(t.incidentId),
    index("notification_event_maintenance_id_idx").on(t.maintenanceId),
    index("notification_event_subscriber_id_idx").on(t.subscriberId),
    index("notification_event_created_at_idx").on(t.createdAt),
  ],
);

/** The outbox: one row per event and subscriber, which is what keeps an event from reaching a subscriber twice. */
export const delivery = sqliteTable(
  "delivery",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => notificationEvent.id, { onDelete: "cascade" }),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscriber.id, { onDelete: "cascade" }),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    /** Attempts started, counted when a worker claims the delivery. */
    attempts: integer("attempts").notNull().default(0),
    /** When it is due; while `sending`, when the claim lapses and another worker may take it over. */
    nextAttemptAt: timestampMs("next_attempt_at").notNull(),
    lastAttemptAt: timestampMs("last_attempt_at"),
    /** The HTTP status the webhook answered, or the SMTP reply code. */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: timestampMs("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("delivery_event_id_subscriber_id_idx").on(t.eventId, t.subscriberId),
    index("delivery_subscriber_id_id_idx").on(t.subscriberId, t.id),
    index("delivery_state_next_attempt_at_idx").on(t.state, t.nextAttemptAt),
  ],
);

/** Subscription attempts per client address and per email address or URL, in fixed windows. */
export const subscribeRateLimit = sqliteTable("subscribe_rate_limit", {
  /** `ip:<address>` or `target:<email or url>`. */
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull(),
  windowStartedAt: timestampMs("window_started_at").notNull(),
});
