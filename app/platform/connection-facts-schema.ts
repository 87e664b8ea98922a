// The body of PUT /api/v1/merchants/:id/connections/:provider, in the platform's
// snake_case. Every object is strict: a field we do not know is refused, never dropped,
// since a dropped field would look to the platform like a fact we had stored.

import { z } from "zod";
import { BILLING_STATES, CONNECTION_STATES, VERIFICATION_STATES, type CategorySlug } from "../../db/schema/enums";
import type { ConnectionFacts } from "../../db/schema/types";

const PHONE_NUMBER_STATUSES = ["connected", "flagged", "restricted", "pending"] as const satisfies readonly NonNullable<
  ConnectionFacts["phoneNumberStatus"]
>[];

const MAX_NAME_LENGTH = 200;
const MAX_LIST_LENGTH = 100;

const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time with an offset, e.g. 2026-03-31T23:59:59+05:30" });
const count = z.int().min(0);
const label = z.string().trim().min(1).max(MAX_NAME_LENGTH);

const PaymentsFactsSchema = z.strictObject({
  enabled_methods: z.array(label).max(MAX_LIST_LENGTH),
  settlement_alerts: z.boolean(),
});

const LogisticsFactsSchema = z.strictObject({
  pickup_address_verified: z.boolean(),
  serviceable_pincodes: count,
  // A courier wallet can run below zero when charges land before a top-up.
  wallet_balance_inr: z.number(),
  cod_enabled: z.boolean(),
});

const WhatsAppFactsSchema = z.strictObject({
  phone_number_status: z.enum(PHONE_NUMBER_STATUSES),
  templates_approved: count,
  templates_pending: count,
  daily_messaging_limit: count,
  consent_collection: z.boolean(),
});

const MarketplacesFactsSchema = z.strictObject({
  last_successful_sync_at: instant,
});

export const ConnectionPutSchema = z.strictObject({
  merchant_name: label.optional(),
  state: z.enum(CONNECTION_STATES),
  credential_expires_at: instant.nullable().optional(),
  billing: z.strictObject({
    state: z.enum(BILLING_STATES),
    plan_expires_at: instant.nullable().optional(),
  }),
  verification_state: z.enum(VERIFICATION_STATES),
  permissions: z.array(label).max(MAX_LIST_LENGTH),
  usage_limit_per_day: count.nullable().optional(),
  payments: PaymentsFactsSchema.optional(),
  logistics: LogisticsFactsSchema.optional(),
  whatsapp: WhatsAppFactsSchema.optional(),
  marketplaces: MarketplacesFactsSchema.optional(),
});
export type ConnectionPut = z.infer<typeof ConnectionPutSchema>;

/** Each category section of the body and the provider category it is for; the others have no facts of their own. */
export const CATEGORY_SECTIONS = {
  payments: "payments",
  logistics: "logistics",
  whatsapp: "messaging",
  marketplaces: "marketplaces",
} as const satisfies Record<string, CategorySlug>;
export type CategorySection = keyof typeof CATEGORY_SECTIONS;

export function sentSections(body: ConnectionPut): CategorySection[] {
  return (Object.keys(CATEGORY_SECTIONS) as CategorySection[]).filter((section) => body[section] !== undefined);
}

/** `{"billing.plan": "unknown field"}`: one entry per problem, named by the path a sender would write. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(
    error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [[...issue.path, key].join("."), "unknown field"])
        : [[issue.path.join(".") || "body", issue.message]],
    ),
  );
}
