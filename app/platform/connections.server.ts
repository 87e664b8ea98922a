// PUT /api/v1/merchants/:id/connections/:provider: the ShopIQ platform reports a merchant's
// connection and the facts that decide whether it can work. The body replaces what was
// stored; GET answers with the same representation a PUT does.

import { json } from "@remix-run/node";
import type { Db } from "../../db/client";
import {
  getConnectionFacts,
  upsertConnectionFacts,
  type ConnectionFactsRecord,
  type StoredConnectionFacts,
} from "../../db/merchants/connection-facts";
import type { ConnectionFacts } from "../../db/schema/types";
import { authenticateApiToken, type ApiCaller } from "../api-token.server";
import { CATEGORY_SECTIONS, ConnectionPutSchema, fieldErrors, sentSections, type CategorySection, type ConnectionPut } from "./connection-facts-schema";

/** Matches the ingest API's limit on the merchant ids it accepts. */
const MAX_MERCHANT_ID_LENGTH = 100;
const ALLOWED_METHODS = "GET, PUT";

type RouteParams = Record<string, string | undefined>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toFacts(body: ConnectionPut): ConnectionFacts {
  // A section for another category is mapped too, but the upsert refuses it before anything is written.
  const facts: ConnectionFacts = {};
  if (body.payments) {
    facts.enabledPaymentMethods = body.payments.enabled_methods;
    facts.settlementAlerts = body.payments.settlement_alerts;
  }
  if (body.logistics) {
    facts.pickupAddressVerified = body.logistics.pickup_address_verified;
    facts.serviceablePincodes = body.logistics.serviceable_pincodes;
    facts.walletBalanceInr = body.logistics.wallet_balance_inr;
    facts.codEnabled = body.logistics.cod_enabled;
  }
  if (body.whatsapp) {
    facts.phoneNumberStatus = body.whatsapp.phone_number_status;
    facts.templatesApproved = body.whatsapp.templates_approved;
    facts.templatesPending = body.whatsapp.templates_pending;
    facts.dailyMessagingLimit = body.whatsapp.daily_messaging_limit;
    facts.consentCollection = body.whatsapp.consent_collection;
  }
  if (body.marketplaces) {
    // Stored in UTC like every other time, so the same instant sent with another offset is no change.
    facts.lastSuccessfulSyncAt = new Date(body.marketplaces.last_successful_sync_at).toISOString();
  }
  return facts;
}

function toRecord(body: ConnectionPut): ConnectionFactsRecord {
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return {
    state: body.state,
    credentialExpiresAt: date(body.credential_expires_at),
    billingState: body.billing.state,
    planExpiresAt: date(body.billing.plan_expires_at),
    verificationState: body.verification_state,
    permissions: body.permissions,
    usageLimitPerDay: body.usage_limit_per_day ?? null,
    facts: toFacts(body),
  };
}

/** The stored category facts as the body's section, when all of them are known. */
function categorySection(stored: StoredConnectionFacts): Pick<ConnectionPut, CategorySection> {
  const f = stored.facts;
  switch (stored.provider.category) {
    case "payments":
      return f.enabledPaymentMethods !== undefined && f.settlementAlerts !== undefined
        ? { payments: { enabled_methods: f.enabledPaymentMethods, settlement_alerts: f.settlementAlerts } }
        : {};
    case "logistics":
      return f.pickupAddressVerified !== undefined && f.serviceablePincodes !== undefined && f.walletBalanceInr !== undefined && f.codEnabled !== undefined
        ? {
            logistics: {
              pickup_address_verified: f.pickupAddressVerified,
              serviceable_pincodes: f.serviceablePincodes,
              wallet_balance_inr: f.walletBalanceInr,
              cod_enabled: f.codEnabled,
            },
          }
        : {};
    case "messaging":
      return f.phoneNumberStatus !== undefined &&
        f.templatesApproved !== undefined &&
        f.templatesPending !== undefined &&
        f.dailyMessagingLimit !== undefined &&
        f.consentCollection !== undefined
        ? {
            whatsapp: {
              phone_number_status: f.phoneNumberStatus,
              templates_approved: f.templatesApproved,
              templates_pending: f.templatesPending,
              daily_messaging_limit: f.dailyMessagingLimit,
              consent_collection: f.consentCollection,
            },
          }
        : {};
    case "marketplaces":
      return f.lastSuccessfulSyncAt !== undefined ? { marketplaces: { last_successful_sync_at: f.lastSuccessfulSyncAt } } : {};
    case "analytics":
    case "advertising":
      return {};
  }
}

/** The body's shape, with the ids and times only the server sets. */
function toRepresentation(stored: StoredConnectionFacts) {
  return {
    merchant_id: stored.merchant.externalId,
    merchant_name: stored.merchant.name,
    provider: stored.provider.slug,
    category: stored.provider.category,
    state: stored.state,
    credential_expires_at: iso(stored.credentialExpiresAt),
    billing: { state: stored.billingState, plan_expires_at: iso(stored.planExpiresAt) },
    verification_state: stored.verificationState,
    permissions: stored.permissions,
    usage_limit_per_day: stored.usageLimitPerDay,
    ...categorySection(stored),
    created_at: stored.createdAt.toISOString(),
    updated_at: stored.updatedAt.toISOString(),
  };
}

const notFound = (merchantId: string, providerSlug: string) => json({ error: `merchant "${merchantId}" has no "${providerSlug}" connection` }, { status: 404 });
const unknownProvider = (providerSlug: string) => json({ error: `no provider "${providerSlug}"` }, { status: 404 });
const invalid = (errors: Record<string, string>) => json({ errors }, { status: 400 });

async function putConnection(db: Db, request: Request, caller: ApiCaller, merchantId: string, providerSlug: string, now: Date): Promise<Response> {
  if (merchantId.length > MAX_MERCHANT_ID_LENGTH) return invalid({ id: `must be at most ${MAX_MERCHANT_ID_LENGTH} characters` });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return invalid({ body: "must be JSON" });
  }
  const parsed = ConnectionPutSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const body = parsed.data;
  const sections = sentSections(body);
  const outcome = upsertConnectionFacts(
    db,
    {
      merchantExternalId: merchantId,
      providerSlug,
      merchantName: body.merchant_name ?? null,
      factsCategories: sections.map((section) => CATEGORY_SECTIONS[section]),
      record: toRecord(body),
    },
    { userId: null, label: `platform token "${caller.tokenName}"` },
    now,
  );
  switch (outcome.status) {
    case "unknown-provider":
      return unknownProvider(providerSlug);
    case "wrong-category":
      return invalid(
        Object.fromEntries(
          sections
            .filter((section) => CATEGORY_SECTIONS[section] !== outcome.providerCategory)
            .map((section) => [section, `${providerSlug} is a ${outcome.providerCategory} provider, so ${section} facts do not apply to it`]),
        ),
      );
    case "merchant-name-required":
      return invalid({ merchant_name: `is required to create merchant "${merchantId}", which is not known yet` });
    case "created":
      return json(toRepresentation(outcome.connection), { status: 201 });
    case "updated":
    case "unchanged":
      return json(toRepresentation(outcome.connection), { status: 200 });
  }
}

/** Serves the route for every method: GET reads, PUT replaces, anything else is 405. */
export async function handlePlatformConnection(db: Db, request: Request, params: RouteParams, now = new Date()): Promise<Response> {
  const merchantId = params.id ?? "";
  const providerSlug = params.provider ?? "";
  if (!["GET", "HEAD", "PUT"].includes(request.method)) {
    return json({ error: `use ${ALLOWED_METHODS}` }, { status: 405, headers: { Allow: ALLOWED_METHODS } });
  }
  const auth = authenticateApiToken(db, request, "platform", now.getTime());
  if ("response" in auth) return auth.response;
  if (request.method === "PUT") return putConnection(db, request, auth.caller, merchantId, providerSlug, now);
  const stored = getConnectionFacts(db, merchantId, providerSlug);
  return stored ? json(toRepresentation(stored)) : notFound(merchantId, providerSlug);
}
