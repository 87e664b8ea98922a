import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { COMMAND_LINE_ACTOR } from "../../db/audit";
import { dismissDetection, mergeDetection } from "../../db/incidents/review";
import { createIncident, postIncidentUpdate } from "../../db/incidents/write";
import { createIngestToken } from "../../db/ingest/tokens";
import { getStatusPage } from "../../db/queries/status-page";
import { maintenance, maintenanceProvider } from "../../db/schema";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../db/time";
import { addConnections, addOpsIncident, addProvider } from "../support/builders";
import { demoDatabase, guidanceDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { STATUSPAGE_ENUMS, STATUSPAGE_RESPONSES } from "./fixtures/statuspage-v2";

type Json = Record<string, unknown>;
type Endpoint = keyof typeof STATUSPAGE_RESPONSES;
const ENDPOINTS = Object.keys(STATUSPAGE_RESPONSES) as Endpoint[];
const pathOf = (endpoint: Endpoint) => `/api/v2/${endpoint}.json`;

// ---------------------------------------------------------------------------------------
// The published document, loaded into ajv: each response is validated against the schema
// the document declares for its path, method and status.

const DOCUMENT_KEY = "openapi.json";
const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

function loadDocument(document: Json): Ajv2020 {
  // Strict: a keyword ajv does not know, or a $ref that leads nowhere, fails the test. Not
  // strictRequired, which also flags a `then: { required: [...] }` naming properties declared beside `if`.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // The document's own top-level fields are OpenAPI's, not JSON Schema's.
  ajv.addVocabulary(["openapi", "info", "servers", "tags", "paths", "components"]);
  ajv.addSchema(document, DOCUMENT_KEY);
  return ajv;
}

function documentedSchema(
  ajv: Ajv2020,
  path: string,
  method: string,
  status: number,
  part: "response" | "request" = "response",
): ValidateFunction {
  const where =
    part === "response"
      ? ["paths", path, method, "responses", String(status), "content", "application/json", "schema"]
      : ["paths", path, method, "requestBody", "content", "application/json", "schema"];
  const ref = `${DOCUMENT_KEY}#/${where.map(escapePointer).join("/")}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`the document has no schema at ${where.join(" → ")}`);
  return validate;
}

function expectDocumented(
  ajv: Ajv2020,
  path: string,
  method: string,
  status: number,
  body: unknown,
  part: "response" | "request" = "response",
) {
  const validate = documentedSchema(ajv, path, method, status, part);
  const valid = validate(body);
  expect(valid, `${method.toUpperCase()} ${path} ${part} ${status}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`).toBe(true);
}

// ---------------------------------------------------------------------------------------
// Real Statuspage responses: every field they have must be here, with the same JSON type.

type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";
const typeOf = (value: unknown): JsonType => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
};

/** Every object of a document, by what it is: the document, page, component, incident, update… */
function objectsByKind(endpoint: string, document: Json): Map<string, Json[]> {
  const byKind = new Map<string, Json[]>();
  const add = (kind: string, value: unknown) => {
    const object = value as Json;
    byKind.set(kind, [...(byKind.get(kind) ?? []), object]);
    return object;
  };
  const list = (value: unknown) => (Array.isArray(value) ? (value as Json[]) : []);
  const event = (kind: "incident" | "maintenance", value: Json) => {
    add(kind, value);
    for (const update of list(value.incident_updates)) {
      add(`${kind} update`, update);
      for (const affected of list(update.affected_components)) add("affected component", affected);
    }
    for (const component of list(value.components)) add("component", component);
  };
  add(`${endpoint}.json`, document);
  if (document.page !== undefined) add("page", document.page);
  if (document.status !== undefined) add("status", document.status);
  for (const component of list(document.components)) add("component", component);
  for (const incident of list(document.incidents)) event("incident", incident);
  for (const window of list(document.scheduled_maintenances)) event("maintenance", window);
  return byKind;
}

/** For each kind: the keys every real example has, and the types they take across the examples. */
function realShapes(): Map<string, Map<string, Set<JsonType>>> {
  const examples = new Map<string, Json[]>();
  for (const [endpoint, document] of Object.entries(STATUSPAGE_RESPONSES)) {
    for (const [kind, objects] of objectsByKind(endpoint, document as Json))
      examples.set(kind, [...(examples.get(kind) ?? []), ...objects]);
  }
  const shapes = new Map<string, Map<string, Set<JsonType>>>();
  for (const [kind, objects] of examples) {
    const keys = Object.keys(objects[0]!).filter((key) => objects.every((o) => key in o));
    shapes.set(kind, new Map(keys.map((key) => [key, new Set(objects.map((o) => typeOf(o[key])))])));
  }
  return shapes;
}

/** Where ours lacks a field a real response has, or gives it another type. */
function shapeMismatches(endpoint: Endpoint, ours: Json): string[] {
  const shapes = realShapes();
  const mismatches: string[] = [];
  for (const [kind, objects] of objectsByKind(endpoint, ours)) {
    const shape = shapes.get(kind);
    if (!shape) continue;
    objects.forEach((object, index) => {
      for (const [key, types] of shape) {
        if (!(key in object)) mismatches.push(`${kind} #${index} has no "${key}"`);
        else if (!types.has(typeOf(object[key])))
          mismatches.push(`${kind} #${index} "${key}" is ${typeOf(object[key])}, Statuspage sends ${[...types].join(" or ")}`);
      }
    });
  }
  return mismatches;
}

/** Our values of each Statuspage enum, gathered from one document. */
function enumValues(endpoint: Endpoint, document: Json) {
  const kinds = objectsByKind(endpoint, document);
  const values = (kind: string, key: string) => (kinds.get(kind) ?? []).map((o) => o[key]);
  return {
    componentStatus: values("component", "status"),
    indicator: values("status", "indicator"),
    incidentStatus: [...values("incident", "status"), ...values("incident update", "status")],
    incidentImpact: values("incident", "impact"),
    maintenanceStatus: [...values("maintenance", "status"), ...values("maintenance update", "status")],
    maintenanceImpact: values("maintenance", "impact"),
  };
}

const STATUSPAGE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+05:30$/;

/** Every time field in a document, by its path. */
function timeFields(value: unknown, path = ""): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => timeFields(item, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.endsWith("_at") || key === "scheduled_for" || key === "scheduled_until"
      ? [[`${path}.${key}`, inner] as [string, unknown]]
      : []),
    ...timeFields(inner, `${path}.${key}`),
  ]);
}

// ---------------------------------------------------------------------------------------

async function get(server: RunningServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text === "" ? null : (JSON.parse(text) as Json) };
}

async function fetchAll(server: RunningServer): Promise<Record<Endpoint, Json>> {
  const entries = await Promise.all(
    ENDPOINTS.map(async (endpoint) => {
      const { status, body } = await get(server, pathOf(endpoint));
      expect(status, endpoint).toBe(200);
      return [endpoint, body!] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Endpoint, Json>;
}

async function servedDocument(server: RunningServer): Promise<Json> {
  const { status, body } = await get(server, "/api/openapi.json");
  expect(status).toBe(200);
  return body!;
}

const idsOf = (objects: unknown) => (objects as { id: string }[]).map((o) => o.id);

// ---------------------------------------------------------------------------------------
// A world built for the purpose: each kind of incident and maintenance window, at known times.

interface BuiltWorld {
  setupMs: number;
  openIncidentId: number;
  openStartedMs: number;
  monitoringMs: number;
  resolvedIncidentId: number;
  dismissedIncidentId: number;
  mergedIncidentId: number;
  oldIncidentIds: number[];
  upcomingId: number;
  activeId: number;
  completedId: number;
  cancelledId: number;
  razorpayMerchant: string;
}

function addWindow(
  db: Db,
  providerId: number,
  title: string,
  description: string,
  fromMs: number,
  untilMs: number,
  cancelledAt: Date | null,
  createdMs: number,
) {
  const row = db
    .insert(maintenance)
    .values({
      title,
      description,
      scheduledFor: new Date(fromMs),
      scheduledUntil: new Date(untilMs),
      cancelledAt,
      createdAt: new Date(createdMs),
      updatedAt: new Date(createdMs),
    })
    .returning({ id: maintenance.id })
    .get();
  db.insert(maintenanceProvider).values({ maintenanceId: row.id, providerId }).run();
  return row.id;
}

function buildWorld(db: Db): BuiltWorld {
  const setupMs = Date.now();
  const razorpay = addProvider(db, "razorpay", "payments").provider;
  const cashfree = addProvider(db, "cashfree", "payments").provider;
  const shiprocket = addProvider(db, "shiprocket", "logistics").provider;
  const interakt = addProvider(db, "interakt", "messaging").provider;
  const razorpayMerchant = addConnections(db, razorpay.id, 1)[0]!.merchant.externalId;

  const openStartedMs = setupMs - 2 * HOUR_MS;
  const openIncidentId = addOpsIncident(db, razorpay.id, "Card payments failing on Razorpay", new Date(openStartedMs));
  const monitoringMs = setupMs - 30 * MINUTE_MS;
  postIncidentUpdate(db, {
    incidentId: openIncidentId,
    status: "monitoring",
    body: "A fix is out; we are watching payments.",
    at: new Date(monitoringMs),
  });

  const resolvedStartedMs = setupMs - 5 * DAY_MS;
  const resolvedIncidentId = createIncident(db, {
    title: "Shiprocket shipment creation down",
    providers: [{ providerId: shiprocket.id, impact: "major_outage" }],
    workflowIds: [],
    causeId: null,
    source: "ops",
    startedAt: new Date(resolvedStartedMs),
    firstUpdate: { status: "investigating", body: "Shipments cannot be created." },
  });
  postIncidentUpdate(db, {
    incidentId: resolvedIncidentId,
    status: "resolved",
    body: "Shipments are created again.",
    at: new Date(resolvedStartedMs + 3 * HOUR_MS),
  });

  const detected = (providerId: number, startedMs: number) =>
    createIncident(db, {
      title: "Failures detected",
      providers: [{ providerId, impact: "partial_outage" }],
      workflowIds: [],
      causeId: null,
      source: "probe",
      reviewState: "pending",
      startedAt: new Date(startedMs),
      firstUpdate: { status: "investigating", body: "Many connections are failing at once." },
    });
  const dismissedIncidentId = detected(cashfree.id, setupMs - DAY_MS);
  dismissDetection(
    db,
    COMMAND_LINE_ACTOR,
    { incidentId: dismissedIncidentId, reason: "One merchant's keys." },
    new Date(setupMs - DAY_MS + HOUR_MS),
  );
  const mergedIncidentId = detected(razorpay.id, setupMs - HOUR_MS);
  mergeDetection(
    db,
    COMMAND_LINE_ACTOR,
    { incidentId: mergedIncidentId, targetId: openIncidentId, body: "Probes see the same failures." },
    new Date(setupMs - 20 * MINUTE_MS),
  );

  // More public incidents than incidents.json lists, all older than the ones above.
  const oldIncidentIds = Array.from({ length: 51 }, (_, i) =>
    createIncident(db, {
      title: `Interakt messages delayed (${i + 1})`,
      providers: [{ providerId: interakt.id, impact: "degraded_performance" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(setupMs - 40 * DAY_MS - i * HOUR_MS),
      firstUpdate: { status: "resolved", body: "Messages were delayed for a while." },
    }),
  );

  const announcedMs = setupMs - 7 * DAY_MS;
  return {
    setupMs,
    openIncidentId,
    openStartedMs,
    monitoringMs,
    resolvedIncidentId,
    dismissedIncidentId,
    mergedIncidentId,
    oldIncidentIds,
    upcomingId: addWindow(
      db,
      interakt.id,
      "Interakt upgrade",
      "Messages may be delayed.",
      setupMs + 2 * DAY_MS,
      setupMs + 2 * DAY_MS + 2 * HOUR_MS,
      null,
      announcedMs,
    ),
    activeId: addWindow(db, shiprocket.id, "Shiprocket API maintenance", "", setupMs - HOUR_MS, setupMs + 3 * HOUR_MS, null, announcedMs),
    completedId: addWindow(
      db,
      cashfree.id,
      "Cashfree settlement upgrade",
      "Settlements were paused.",
      setupMs - 3 * DAY_MS,
      setupMs - 3 * DAY_MS + 2 * HOUR_MS,
      null,
      announcedMs,
    ),
    cancelledId: addWindow(
      db,
      razorpay.id,
      "Razorpay maintenance",
      "Called off.",
      setupMs + DAY_MS,
      setupMs + DAY_MS + HOUR_MS,
      new Date(setupMs - DAY_MS),
      announcedMs,
    ),
    razorpayMerchant,
  };
}

// ---------------------------------------------------------------------------------------

describe("the Statuspage-compatible API on a world built for it", () => {
  let t: TestDatabase;
  let server: RunningServer;
  let world: BuiltWorld;
  let ajv: Ajv2020;
  let docs: Record<Endpoint, Json>;

  beforeAll(async () => {
    t = guidanceDatabase();
    world = buildWorld(t.db);
    server = await startServer(t.db);
    ajv = loadDocument(await servedDocument(server));
    docs = await fetchAll(server);
  });
  afterAll(async () => {
    await server.close();
    t.close();
  });

  it("answers every endpoint with a body the published OpenAPI document describes", () => {
    for (const endpoint of ENDPOINTS) expectDocumented(ajv, pathOf(endpoint), "get", 200, docs[endpoint]);
  });

  it("has every field a real Statuspage response has, with the same JSON type, and only Statuspage's enum words", () => {
    for (const endpoint of ENDPOINTS) {
      expect(shapeMismatches(endpoint, docs[endpoint]), endpoint).toEqual([]);
      const values = enumValues(endpoint, docs[endpoint]);
      for (const [name, words] of Object.entries(values)) {
        const allowed: readonly string[] = STATUSPAGE_ENUMS[name as keyof typeof STATUSPAGE_ENUMS];
        for (const word of words) expect(allowed, `${endpoint}: ${name}`).toContain(word);
      }
    }
  });

  it("publishes Statuspage's own enums, `verifying` included, and a schema for every endpoint it serves", async () => {
    const document = await servedDocument(server);
    expect(document.openapi).toMatch(/^3\.1\./);
    const schemas = (document.components as { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }).schemas;
    expect(schemas.StatuspageComponent!.properties.status!.enum).toEqual([...STATUSPAGE_ENUMS.componentStatus]);
    expect(schemas.StatuspageStatus!.properties.indicator!.enum).toEqual([...STATUSPAGE_ENUMS.indicator]);
    expect(schemas.StatuspageIncident!.properties.status!.enum).toEqual([...STATUSPAGE_ENUMS.incidentStatus]);
    expect(schemas.StatuspageIncident!.properties.impact!.enum).toEqual([...STATUSPAGE_ENUMS.incidentImpact]);
    expect(schemas.StatuspageMaintenance!.properties.status!.enum).toEqual([...STATUSPAGE_ENUMS.maintenanceStatus]);
    expect(Object.keys(document.paths as Json)).toEqual(
      expect.arrayContaining([
        ...ENDPOINTS.map(pathOf),
        "/api/openapi.json",
        "/api/ingest/results",
        "/api/v1/merchants/{id}/connections/{provider}",
      ]),
    );
  });

  it("describes the page with the request's origin and India's time zone", () => {
    for (const endpoint of ENDPOINTS) {
      expect(docs[endpoint].page).toMatchObject({
        id: "shopiq-integration-status",
        name: "ShopIQ Integration Status",
        url: server.baseUrl,
        time_zone: "Asia/Kolkata",
      });
    }
  });

  it("writes every time in India's offset for the right instant, and start dates as days", () => {
    for (const endpoint of ENDPOINTS) {
      for (const [path, value] of timeFields(docs[endpoint])) {
        if (value !== null) expect(value, `${endpoint} ${path}`).toMatch(STATUSPAGE_TIMESTAMP);
      }
    }
    const incident = (docs.incidents.incidents as Json[]).find((i) => i.id === `inc_${world.openIncidentId}`)!;
    expect(new Date(incident.started_at as string).getTime()).toBe(world.openStartedMs);
    expect(new Date(incident.monitoring_at as string).getTime()).toBe(world.monitoringMs);
    for (const component of docs.components.components as Json[]) {
      if (component.start_date !== null) expect(component.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("lists categories as groups of their providers, each provider pointing at its group", () => {
    const components = docs.components.components as Json[];
    const groups = components.filter((c) => c.group === true);
    expect(idsOf(groups)).toEqual(["cat_payments", "cat_logistics", "cat_messaging"]);
    expect(groups.find((g) => g.id === "cat_payments")!.components).toEqual(["razorpay", "cashfree"]);
    for (const group of groups) {
      expect(group.group_id).toBeNull();
      for (const id of group.components as string[]) expect(components.find((c) => c.id === id)!.group_id).toBe(group.id);
    }
    for (const component of components.filter((c) => c.group === false)) expect(component).not.toHaveProperty("components");
  });

  it("gives each provider and the page the status the status page shows", () => {
    const page = getStatusPage(t.db, Date.now());
    const components = docs.components.components as Json[];
    for (const group of page.groups) {
      for (const p of group.providers) expect(components.find((c) => c.id === p.slug)!.status, p.slug).toBe(p.status);
      expect(components.find((c) => c.id === `cat_${group.slug}`)!.status).toBe(group.status);
    }
    expect(Object.fromEntries(components.map((c) => [c.id, c.status]))).toMatchObject({
      razorpay: "partial_outage",
      shiprocket: "under_maintenance",
      cashfree: "operational",
      interakt: "operational",
      cat_payments: "partial_outage",
    });
    expect((docs.status.status as Json).indicator).toBe(page.indicator);
    expect(docs.status.status).toEqual({ indicator: "major", description: "Partial outage of some integrations" });
  });

  it("lists the 50 most recent public incidents newest first, never a dismissed or merged detection", () => {
    const incidents = docs.incidents.incidents as Json[];
    expect(incidents).toHaveLength(50);
    const starts = incidents.map((i) => new Date(i.started_at as string).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const ids = idsOf(incidents);
    expect(ids.slice(0, 2)).toEqual([`inc_${world.openIncidentId}`, `inc_${world.resolvedIncidentId}`]);
    expect(ids).not.toContain(`inc_${world.dismissedIncidentId}`);
    expect(ids).not.toContain(`inc_${world.mergedIncidentId}`);
    // 53 are public: the three oldest fall off the end.
    expect(ids).toContain(`inc_${world.oldIncidentIds[47]}`);
    expect(ids).not.toContain(`inc_${world.oldIncidentIds[48]}`);
    expect(idsOf(docs["incidents/unresolved"].incidents)).toEqual([`inc_${world.openIncidentId}`]);
  });

  it("gives an incident its updates newest first, its timeline, its components and a shortlink to its page", async () => {
    const incident = (docs.incidents.incidents as Json[])[0]!;
    expect(incident).toMatchObject({ name: "Card payments failing on Razorpay", status: "monitoring", impact: "major", resolved_at: null });
    const updates = incident.incident_updates as Json[];
    expect(updates.map((u) => [u.status, u.body])).toEqual([
      ["monitoring", "Probes see the same failures."],
      ["monitoring", "A fix is out; we are watching payments."],
      ["identified", "We know what is wrong."],
    ]);
    for (const update of updates) expect(update.incident_id).toBe(incident.id);
    expect(idsOf(incident.components)).toEqual(["razorpay"]);
    expect(incident.shopiq).toEqual({
      component_impacts: [{ component_id: "razorpay", impact: "partial_outage" }],
      cause: null,
      workflows: [],
    });
    expect(incident.shortlink).toBe(`${server.baseUrl}/incidents/${world.openIncidentId}`);
    expect((await fetch(incident.shortlink as string)).status).toBe(200);

    const resolved = (docs.incidents.incidents as Json[])[1]!;
    expect(resolved).toMatchObject({ status: "resolved", impact: "critical" });
    expect(resolved.resolved_at).toMatch(STATUSPAGE_TIMESTAMP);
  });

  it("lists maintenance windows by the clock and never a cancelled one", () => {
    const ids = (endpoint: Endpoint) => idsOf(docs[endpoint].scheduled_maintenances);
    expect(ids("scheduled-maintenances/upcoming")).toEqual([`mnt_${world.upcomingId}`]);
    expect(ids("scheduled-maintenances/active")).toEqual([`mnt_${world.activeId}`]);
    expect(ids("summary")).toEqual([`mnt_${world.activeId}`, `mnt_${world.upcomingId}`]);
    expect(ids("scheduled-maintenances")).toEqual([`mnt_${world.upcomingId}`, `mnt_${world.activeId}`, `mnt_${world.completedId}`]);
    for (const endpoint of ENDPOINTS) expect(JSON.stringify(docs[endpoint])).not.toContain(`mnt_${world.cancelledId}"`);

    const windows = docs["scheduled-maintenances"].scheduled_maintenances as Json[];
    expect(windows.map((w) => [w.status, w.impact])).toEqual([
      ["scheduled", "maintenance"],
      ["in_progress", "maintenance"],
      ["completed", "maintenance"],
    ]);
    const [upcoming, active, completed] = windows;
    expect(upcoming!.incident_updates).toEqual([
      expect.objectContaining({ status: "scheduled", body: "Messages may be delayed.", incident_id: upcoming!.id }),
    ]);
    expect(active!.incident_updates).toEqual([]);
    expect(completed!.resolved_at).toBe(completed!.scheduled_until);
    expect(idsOf(active!.components)).toEqual(["shiprocket"]);
    expect(new Date(upcoming!.scheduled_for as string).getTime()).toBe(world.setupMs + 2 * DAY_MS);
  });

  it("puts in the summary exactly what the other endpoints list", () => {
    expect(docs.summary.components).toEqual(docs.components.components);
    expect(docs.summary.incidents).toEqual(docs["incidents/unresolved"].incidents);
    expect(docs.summary.status).toEqual(docs.status.status);
  });

  it("documents the ingest and platform APIs: their requests and every answer they give", async () => {
    const ingestToken = createIngestToken(t.db, "integration layer").token;
    const platformToken = createIngestToken(t.db, "shopiq-prod", "platform").token;
    const send = async (method: string, path: string, body: unknown, token: string | null) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Json };
    };

    const ingestPath = "/api/ingest/results";
    const batch = {
      results: [
        {
          merchant: world.razorpayMerchant,
          provider: "razorpay",
          at: new Date().toISOString(),
          http_status: 200,
          idempotency_key: "statuspage-test-1",
        },
      ],
    };
    expectDocumented(ajv, ingestPath, "post", 0, batch, "request");
    const answers = [
      await send("POST", ingestPath, batch, ingestToken),
      await send("POST", ingestPath, { results: [{ merchant: "nobody" }] }, ingestToken),
      await send("POST", ingestPath, { results: [] }, ingestToken),
      await send("POST", ingestPath, batch, null),
      await send("POST", ingestPath, batch, platformToken),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 400, 400, 401, 403]);
    for (const answer of answers) expectDocumented(ajv, ingestPath, "post", answer.status, answer.body);

    const template = "/api/v1/merchants/{id}/connections/{provider}";
    const connection = `/api/v1/merchants/${world.razorpayMerchant}/connections/razorpay`;
    const put = {
      state: "connected",
      credential_expires_at: "2027-04-01T00:00:00+05:30",
      billing: { state: "active", plan_expires_at: null },
      verification_state: "verified",
      permissions: ["payments:read"],
      payments: { enabled_methods: ["upi"], settlement_alerts: true },
    };
    expectDocumented(ajv, template, "put", 0, put, "request");
    const calls = [
      ["put", await send("PUT", connection, put, platformToken)],
      ["put", await send("PUT", "/api/v1/merchants/new-one/connections/razorpay", { ...put, merchant_name: "Chai Point" }, platformToken)],
      ["put", await send("PUT", connection, { ...put, state: "sleeping" }, platformToken)],
      ["put", await send("PUT", connection, put, ingestToken)],
      ["get", await send("GET", connection, undefined, platformToken)],
      ["get", await send("GET", "/api/v1/merchants/nobody/connections/razorpay", undefined, platformToken)],
      ["get", await send("GET", connection, undefined, null)],
    ] as const;
    expect(calls.map(([, answer]) => answer.status)).toEqual([200, 201, 400, 403, 200, 404, 401]);
    for (const [method, answer] of calls) expectDocumented(ajv, template, method, answer.status, answer.body);
  });
});

describe("the Statuspage-compatible API on the demo", () => {
  let t: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    t = demoDatabase();
    server = await startServer(t.db);
  });
  afterAll(async () => {
    await server.close();
    t.close();
  });

  it("answers every endpoint with what the document describes and real Statuspage responses have", async () => {
    const ajv = loadDocument(await servedDocument(server));
    const docs = await fetchAll(server);
    for (const endpoint of ENDPOINTS) {
      expectDocumented(ajv, pathOf(endpoint), "get", 200, docs[endpoint]);
      expect(shapeMismatches(endpoint, docs[endpoint]), endpoint).toEqual([]);
    }
    expect((docs.components.components as Json[]).length).toBeGreaterThan(30);
    expect((docs.incidents.incidents as Json[]).length).toBeGreaterThan(0);
  });

  it("sends short-lived public caching, an ETag, and 304 with no body while nothing changed", async () => {
    const first = await get(server, "/api/v2/summary.json");
    expect(first.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    expect(first.headers.get("content-type")).toMatch(/^application\/json/);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, "*"]) {
      const again = await get(server, "/api/v2/summary.json", { "If-None-Match": ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.text).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect((await get(server, "/api/v2/summary.json", { "If-None-Match": '"stale"' })).status).toBe(200);

    // Something happens: the same tag no longer matches.
    const providerId = getStatusPage(t.db, Date.now()).groups[0]!.providers[0]!.id;
    addOpsIncident(t.db, providerId, "Payments failing", new Date());
    const changed = await get(server, "/api/v2/summary.json", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(idsOf(changed.body!.incidents)).toHaveLength((first.body!.incidents as Json[]).length + 1);
  });

  it("lets any site read the documents and answers preflights; nothing can be written", async () => {
    for (const endpoint of ENDPOINTS) {
      const response = await get(server, pathOf(endpoint));
      expect(response.headers.get("access-control-allow-origin"), endpoint).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toBe("ETag");
    }
    const preflight = await fetch(`${server.baseUrl}/api/v2/status.json`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://widgets.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("if-none-match");

    const head = await fetch(`${server.baseUrl}/api/v2/status.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBeTruthy();

    const post = await fetch(`${server.baseUrl}/api/v2/incidents.json`, { method: "POST", headers: { Origin: server.baseUrl } });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
