// The OpenAPI 3.1 document served at /api/openapi.json: the Statuspage-compatible
// endpoints under /api/v2/, the ingest API and the platform API. Request bodies are
// generated from the zod schemas the handlers parse with, so they cannot drift apart;
// the Statuspage enums come from db/statuspage/shapes.ts, which our own words are
// checked against. tests/api/statuspage.test.ts validates every response against it.
// Only *.server.ts modules import this file: the zod schemas it reads live beside
// database code.

import { z } from "zod";
import { CATEGORY_SLUGS, CAUSE_SIDES, CAUSE_SLUGS, PROVIDER_IMPACTS } from "../../db/schema/enums";
import {
  STATUSPAGE_COMPONENT_STATUSES,
  STATUSPAGE_INCIDENT_IMPACTS,
  STATUSPAGE_INCIDENT_STATUSES,
  STATUSPAGE_INDICATORS,
  STATUSPAGE_MAINTENANCE_IMPACTS,
  STATUSPAGE_MAINTENANCE_STATUSES,
  STATUSPAGE_PAGE_ID,
} from "../../db/statuspage/shapes";
import { PAGE_TIME_ZONE } from "../../db/time";
import { IngestItemSchema, MAX_ITEMS_PER_BATCH } from "../ingest.server";
import { ConnectionPutSchema } from "../platform/connection-facts-schema";
import type { StatuspageEndpoint } from "./endpoints.server";
import { STATUSPAGE_CACHE_CONTROL } from "./http.server";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const orNull = (schema: Schema): Schema => ({ anyOf: [schema, { type: "null" }] });
const object = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: "object",
  additionalProperties: false,
  required,
  properties,
});
const string = (description?: string): Schema => (description ? { type: "string", description } : { type: "string" });
const enumOf = (values: readonly string[], description?: string): Schema => ({
  type: "string",
  enum: [...values],
  ...(description ? { description } : {}),
});

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a sender writes it. */
function fromZod(schema: z.ZodType): Schema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });
  return rest;
}

// Our times are written as Statuspage writes them: in the page's zone with its offset, never with `Z`.
const STATUSPAGE_TIMESTAMP_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}$";

const statuspageSchemas: Record<string, Schema> = {
  StatuspageTimestamp: {
    type: "string",
    format: "date-time",
    pattern: STATUSPAGE_TIMESTAMP_PATTERN,
    description: `ISO 8601 with milliseconds and the offset of the page's time zone (${PAGE_TIME_ZONE}), e.g. 2026-03-05T14:07:09.120+05:30.`,
  },
  StatuspagePage: object({
    id: string(`Always \`${STATUSPAGE_PAGE_ID}\`.`),
    name: string(),
    url: { type: "string", format: "uri", description: "The status page's address, as the request reached it." },
    time_zone: { type: "string", const: PAGE_TIME_ZONE },
    updated_at: { ...ref("StatuspageTimestamp"), description: "The last change to anything on the page." },
  }),
  StatuspageStatus: object({
    indicator: enumOf(
      STATUSPAGE_INDICATORS,
      "The worst over providers and open incidents: none, minor, major, critical, or maintenance when the worst is a window in progress.",
    ),
    description: string("The page's own sentence for the indicator."),
  }),
  StatuspageComponent: {
    ...object(
      {
        id: string("A provider's slug (`razorpay`), or `cat_` and a category's slug for a group (`cat_payments`)."),
        name: string(),
        status: enumOf(
          STATUSPAGE_COMPONENT_STATUSES,
          "Derived, never typed in: the worst of the open incidents' impact on the provider, a maintenance window in progress, and its own checks. A group has the worst of its components.",
        ),
        created_at: ref("StatuspageTimestamp"),
        updated_at: { ...ref("StatuspageTimestamp"), description: "The last time the component or its status had reason to change." },
        position: { type: "integer", minimum: 1, description: "Order among the groups, or among the components of one group, from 1." },
        description: orNull(string()),
        showcase: { type: "boolean", description: "True for providers (their 90-day uptime is shown), false for groups." },
        start_date: orNull({
          type: "string",
          format: "date",
          description: "The first India day with results for the provider: where its uptime history starts. Null for groups.",
        }),
        group_id: orNull(string("The id of the provider's category group; null for a group.")),
        page_id: string(),
        group: { type: "boolean", description: "True for a category, false for a provider." },
        only_show_if_degraded: { type: "boolean", const: false },
        components: { type: "array", items: string(), description: "Groups only: the ids of their components, in order." },
      },
      [
        "id",
        "name",
        "status",
        "created_at",
        "updated_at",
        "position",
        "description",
        "showcase",
        "start_date",
        "group_id",
        "page_id",
        "group",
        "only_show_if_degraded",
      ],
    ),
    if: { properties: { group: { const: true } } },
    then: { required: ["components"] },
    else: { not: { required: ["components"] } },
  },
  StatuspageAffectedComponent: object({
    code: string(),
    name: string(),
    old_status: enumOf(STATUSPAGE_COMPONENT_STATUSES),
    new_status: enumOf(STATUSPAGE_COMPONENT_STATUSES),
  }),
  StatuspageIncidentUpdate: object({
    id: string("`upd_` and the update's number; `mnt_<n>_announcement` for a maintenance window's announcement."),
    status: enumOf([...STATUSPAGE_INCIDENT_STATUSES, ...STATUSPAGE_MAINTENANCE_STATUSES]),
    body: string(),
    incident_id: string(),
    created_at: ref("StatuspageTimestamp"),
    updated_at: { ...ref("StatuspageTimestamp"), description: "When ops last corrected the text; the creation time otherwise." },
    display_at: ref("StatuspageTimestamp"),
    affected_components: orNull({
      type: "array",
      items: ref("StatuspageAffectedComponent"),
      description:
        "Always null here: updates do not record which component statuses they changed. See `shopiq.component_impacts` on the incident.",
    }),
  }),
  ShopiqIncidentExtension: {
    ...object({
      component_impacts: {
        type: "array",
        description: "The incident's impact on each affected provider component.",
        items: object({ component_id: string(), impact: enumOf(PROVIDER_IMPACTS) }),
      },
      cause: orNull(
        object({
          slug: enumOf(CAUSE_SLUGS),
          side: enumOf(CAUSE_SIDES, "Whose side the cause is on: the provider's, the merchant's, or not known."),
        }),
      ),
      workflows: { type: "array", items: string(), description: "Slugs of what merchants lose, e.g. `online-checkout-payments`." },
    }),
    description: "Our extension: what ShopIQ knows about an incident that Statuspage has no field for.",
  },
};

const incidentCommon: Record<string, Schema> = {
  name: string(),
  created_at: ref("StatuspageTimestamp"),
  updated_at: ref("StatuspageTimestamp"),
  monitoring_at: orNull(ref("StatuspageTimestamp")),
  resolved_at: orNull(ref("StatuspageTimestamp")),
  started_at: ref("StatuspageTimestamp"),
  page_id: string(),
  incident_updates: { type: "array", items: ref("StatuspageIncidentUpdate"), description: "Newest first." },
  components: {
    type: "array",
    items: ref("StatuspageComponent"),
    description: "The affected provider components, with their current status.",
  },
};

statuspageSchemas.StatuspageIncident = object({
  id: string("`inc_` and the incident's number: `inc_42` is /incidents/42."),
  status: enumOf(STATUSPAGE_INCIDENT_STATUSES),
  impact: enumOf(STATUSPAGE_INCIDENT_IMPACTS, "Ops' override, or the worst impact on any provider."),
  shortlink: { type: "string", format: "uri", description: "The incident's page." },
  ...incidentCommon,
  shopiq: ref("ShopiqIncidentExtension"),
});
statuspageSchemas.StatuspageMaintenance = object({
  id: string("`mnt_` and the window's number."),
  status: enumOf(
    STATUSPAGE_MAINTENANCE_STATUSES,
    "From the clock: scheduled before the window, in_progress during it, completed after. `verifying` never occurs here.",
  ),
  impact: enumOf(STATUSPAGE_MAINTENANCE_IMPACTS, "Always `maintenance`."),
  shortlink: { type: "string", format: "uri", description: "The status page, which lists the window." },
  ...incidentCommon,
  scheduled_for: ref("StatuspageTimestamp"),
  scheduled_until: ref("StatuspageTimestamp"),
});

const page = ref("StatuspagePage");
const listOf = (name: string, description: string): Schema => ({ type: "array", items: ref(name), description });
statuspageSchemas.StatuspageSummaryDocument = object({
  page,
  components: listOf("StatuspageComponent", "Each group followed by its components."),
  incidents: listOf("StatuspageIncident", "Unresolved incidents, newest first."),
  scheduled_maintenances: listOf("StatuspageMaintenance", "Windows in progress or to come, soonest first."),
  status: ref("StatuspageStatus"),
});
statuspageSchemas.StatuspageStatusDocument = object({ page, status: ref("StatuspageStatus") });
statuspageSchemas.StatuspageComponentsDocument = object({
  page,
  components: listOf("StatuspageComponent", "Each group followed by its components."),
});
statuspageSchemas.StatuspageIncidentsDocument = object({ page, incidents: listOf("StatuspageIncident", "Newest first.") });
statuspageSchemas.StatuspageMaintenancesDocument = object({
  page,
  scheduled_maintenances: listOf("StatuspageMaintenance", "See the operation for the order."),
});

const shape = ConnectionPutSchema.shape;
const utcTimestamp: Schema = { type: "string", format: "date-time" };

const ownApiSchemas: Record<string, Schema> = {
  ApiError: object({ error: string() }),
  FieldErrors: object({
    errors: {
      type: "object",
      additionalProperties: string(),
      description: "One message per field, named by its path (`billing.state`, `results`).",
    },
  }),
  IngestItem: fromZod(IngestItemSchema),
  IngestBatch: object({
    results: {
      type: "array",
      minItems: 1,
      maxItems: MAX_ITEMS_PER_BATCH,
      items: ref("IngestItem"),
      description: "Each item is checked on its own: a bad one is reported by its index and the good ones are recorded.",
    },
  }),
  IngestReport: object({
    recorded: { type: "integer", minimum: 0 },
    duplicates: { type: "integer", minimum: 0, description: "Items whose idempotency key was already recorded." },
    rejected: { type: "integer", minimum: 0 },
    items: {
      type: "array",
      items: {
        oneOf: [
          object({ index: { type: "integer", minimum: 0 }, status: enumOf(["recorded", "duplicate"]) }),
          object({
            index: { type: "integer", minimum: 0 },
            status: { type: "string", const: "rejected" },
            errors: { type: "object", additionalProperties: string() },
          }),
        ],
      },
    },
  }),
  ConnectionPut: fromZod(ConnectionPutSchema),
  Connection: object(
    {
      merchant_id: string("The merchant's id on the ShopIQ platform."),
      merchant_name: string(),
      provider: string("The provider's slug."),
      category: enumOf(CATEGORY_SLUGS),
      state: fromZod(shape.state),
      credential_expires_at: orNull(utcTimestamp),
      billing: object({ state: fromZod(shape.billing.shape.state), plan_expires_at: orNull(utcTimestamp) }),
      verification_state: fromZod(shape.verification_state),
      permissions: fromZod(shape.permissions),
      usage_limit_per_day: orNull({ type: "integer", minimum: 0 }),
      payments: fromZod(shape.payments.unwrap()),
      logistics: fromZod(shape.logistics.unwrap()),
      whatsapp: fromZod(shape.whatsapp.unwrap()),
      marketplaces: fromZod(shape.marketplaces.unwrap()),
      created_at: utcTimestamp,
      updated_at: utcTimestamp,
    },
    [
      "merchant_id",
      "merchant_name",
      "provider",
      "category",
      "state",
      "credential_expires_at",
      "billing",
      "verification_state",
      "permissions",
      "usage_limit_per_day",
      "created_at",
      "updated_at",
    ],
  ),
};

const json = (schema: Schema, description: string) => ({ description, content: { "application/json": { schema } } });
const header = (description: string) => ({ description, schema: { type: "string" } });

const cachingHeaders = {
  ETag: header("A strong tag of the body. Send it back in If-None-Match to get 304 while nothing changed."),
  "Cache-Control": header(`\`${STATUSPAGE_CACHE_CONTROL}\`.`),
  "Access-Control-Allow-Origin": header("`*`: any site may read these documents."),
};

const STATUSPAGE_OPERATIONS: Record<StatuspageEndpoint, { summary: string; description: string; schema: string }> = {
  summary: {
    summary: "Summary",
    description: "The indicator, every component, unresolved incidents, and maintenance windows in progress or to come.",
    schema: "StatuspageSummaryDocument",
  },
  status: { summary: "Status", description: "The page's indicator and its description.", schema: "StatuspageStatusDocument" },
  components: {
    summary: "Components",
    description: "Categories as groups and providers as their components, each group followed by its components.",
    schema: "StatuspageComponentsDocument",
  },
  incidents: {
    summary: "Incidents",
    description:
      "The 50 most recent public incidents, newest first, resolved or not. Detected incidents ops dismissed or merged are not public.",
    schema: "StatuspageIncidentsDocument",
  },
  "incidents/unresolved": {
    summary: "Unresolved incidents",
    description: "Public incidents that are not resolved, newest first.",
    schema: "StatuspageIncidentsDocument",
  },
  "scheduled-maintenances": {
    summary: "Scheduled maintenances",
    description: "The 50 windows with the latest start, whatever their status, latest start first. Cancelled windows are not listed.",
    schema: "StatuspageMaintenancesDocument",
  },
  "scheduled-maintenances/upcoming": {
    summary: "Upcoming scheduled maintenances",
    description: "Windows not started yet, soonest first.",
    schema: "StatuspageMaintenancesDocument",
  },
  "scheduled-maintenances/active": {
    summary: "Active scheduled maintenances",
    description: "Windows in progress, soonest start first.",
    schema: "StatuspageMaintenancesDocument",
  },
};

const preflight = {
  summary: "CORS preflight",
  tags: ["Statuspage-compatible"],
  responses: {
    "204": {
      description: "GET and HEAD are allowed from any origin.",
      headers: {
        "Access-Control-Allow-Origin": header("`*`."),
        "Access-Control-Allow-Methods": header("`GET, HEAD, OPTIONS`."),
      },
    },
  },
};

function cachedGet(operationId: string, summary: string, description: string, schema: string) {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: ["Statuspage-compatible"],
      parameters: [
        {
          name: "If-None-Match",
          in: "header",
          required: false,
          schema: { type: "string" },
          description: "An ETag this endpoint sent earlier.",
        },
      ],
      responses: {
        "200": { ...json(ref(schema), "The document."), headers: cachingHeaders },
        "304": { description: "Nothing changed since the ETag sent in If-None-Match. No body.", headers: cachingHeaders },
      },
    },
    options: preflight,
  };
}

const operationId = (endpoint: string) => endpoint.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase());

const unauthorized = json(ref("ApiError"), "No valid token of this API's scope: a missing, unknown or revoked token.");
const wrongScope = json(ref("ApiError"), "A valid token made for the other API.");

const merchantConnectionParameters = [
  {
    name: "id",
    in: "path",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: 100 },
    description: "The merchant's id on the ShopIQ platform.",
  },
  { name: "provider", in: "path", required: true, schema: { type: "string" }, description: "The provider's slug." },
];

const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "ShopIQ Integration Status API",
    version: "1",
    description:
      "Statuspage-compatible status documents under /api/v2/ (the same shapes as Atlassian Statuspage's public API, plus a `shopiq` extension on incidents), " +
      "the ingest API that pushes outcomes ShopIQ's integration layer saw, and the platform API that reports merchants' connections.",
  },
  tags: [
    { name: "Statuspage-compatible", description: "Public, no authentication, readable from any origin, cached for 30 seconds." },
    { name: "Ingest", description: "For ShopIQ's integration layer, with an ingest token (`statusctl ingest-token create NAME`)." },
    { name: "Platform", description: "For the ShopIQ platform, with a platform token (`statusctl platform-token create --name NAME`)." },
  ],
  paths: {
    ...Object.fromEntries(
      (Object.entries(STATUSPAGE_OPERATIONS) as [StatuspageEndpoint, (typeof STATUSPAGE_OPERATIONS)[StatuspageEndpoint]][]).map(
        ([endpoint, op]) => [`/api/v2/${endpoint}.json`, cachedGet(operationId(endpoint), op.summary, op.description, op.schema)],
      ),
    ),
    "/api/openapi.json": {
      get: {
        operationId: "openApiDocument",
        summary: "This document",
        tags: ["Statuspage-compatible"],
        responses: {
          "200": {
            ...json({ type: "object", required: ["openapi", "info", "paths"] }, "The OpenAPI 3.1 document."),
            headers: cachingHeaders,
          },
          "304": { description: "Nothing changed since the ETag sent in If-None-Match.", headers: cachingHeaders },
        },
      },
      options: preflight,
    },
    "/api/ingest/results": {
      post: {
        operationId: "ingestResults",
        summary: "Push outcomes",
        description:
          "Outcomes ShopIQ's integration layer saw while creating payments and shipments, classified like our own checks and recorded once per idempotency key. " +
          "Answers 200 when at least one item was good, 400 when none was.",
        tags: ["Ingest"],
        security: [{ ingestToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("IngestBatch") } } },
        responses: {
          "200": json(ref("IngestReport"), "What became of each item."),
          "400": json(
            { oneOf: [ref("IngestReport"), ref("FieldErrors")] },
            "Every item was rejected (the report), or the body is not a batch (field errors).",
          ),
          "401": unauthorized,
          "403": wrongScope,
        },
      },
    },
    "/api/v1/merchants/{id}/connections/{provider}": {
      parameters: merchantConnectionParameters,
      get: {
        operationId: "getConnection",
        summary: "Read a connection",
        tags: ["Platform"],
        security: [{ platformToken: [] }],
        responses: {
          "200": json(ref("Connection"), "The connection as last reported."),
          "401": unauthorized,
          "403": wrongScope,
          "404": json(ref("ApiError"), "No such provider, or the merchant has no connection to it."),
        },
      },
      put: {
        operationId: "putConnection",
        summary: "Report a connection",
        description:
          "Replaces what was stored. Unknown fields are refused, never dropped. A category section must be the provider's category's.",
        tags: ["Platform"],
        security: [{ platformToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("ConnectionPut") } } },
        responses: {
          "200": json(ref("Connection"), "Updated, or unchanged."),
          "201": json(ref("Connection"), "Created (and the merchant with it when new)."),
          "400": json(ref("FieldErrors"), "The body is not valid; nothing was written."),
          "401": unauthorized,
          "403": wrongScope,
          "404": json(ref("ApiError"), "No such provider."),
        },
      },
    },
  },
  components: {
    schemas: { ...statuspageSchemas, ...ownApiSchemas },
    securitySchemes: {
      ingestToken: { type: "http", scheme: "bearer", description: "An ingest token." },
      platformToken: { type: "http", scheme: "bearer", description: "A platform token." },
    },
  },
};

/** The document, with the origin the request reached us at as its server. */
export const openApiDocument = (origin: string): Schema => ({ ...DOCUMENT, servers: [{ url: origin }] });
