// The loaders of /api/v2/*.json and /api/openapi.json. Routes reach the read models in
// db/statuspage/ only through this module (docs/decisions/009).

import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Executor } from "../../db/client";
import {
  getStatuspageActiveMaintenances,
  getStatuspageComponents,
  getStatuspageIncidents,
  getStatuspageMaintenances,
  getStatuspageStatus,
  getStatuspageSummary,
  getStatuspageUnresolvedIncidents,
  getStatuspageUpcomingMaintenances,
} from "../../db/statuspage/documents";
import type { StatuspageContext } from "../../db/statuspage/shapes";
import { INDICATOR_LABELS } from "../lib/labels";
import { methodNotAllowed, serveJsonDocument } from "./http.server";
import { openApiDocument } from "./openapi";

/** Each endpoint by its path under /api/v2/ without `.json`. */
const DOCUMENTS = {
  summary: getStatuspageSummary,
  status: getStatuspageStatus,
  components: getStatuspageComponents,
  incidents: getStatuspageIncidents,
  "incidents/unresolved": getStatuspageUnresolvedIncidents,
  "scheduled-maintenances": getStatuspageMaintenances,
  "scheduled-maintenances/upcoming": getStatuspageUpcomingMaintenances,
  "scheduled-maintenances/active": getStatuspageActiveMaintenances,
} satisfies Record<string, (db: Executor, ctx: StatuspageContext) => unknown>;

export type StatuspageEndpoint = keyof typeof DOCUMENTS;

const originOf = (request: Request) => new URL(request.url).origin;

export function statuspageLoader(endpoint: StatuspageEndpoint) {
  return ({ request, context }: LoaderFunctionArgs) =>
    serveJsonDocument(request, () =>
      DOCUMENTS[endpoint](context.db, {
        origin: originOf(request),
        nowMs: Date.now(),
        describeIndicator: (indicator) => INDICATOR_LABELS[indicator],
      }),
    );
}

export const openApiLoader = ({ request }: LoaderFunctionArgs) => serveJsonDocument(request, () => openApiDocument(originOf(request)));

/** POST, PUT, PATCH and DELETE reach a route's action: these documents are read-only. */
export const readOnlyAction = () => methodNotAllowed();
