// How the public JSON documents travel: readable from any origin (widgets on other sites
// fetch them), cached briefly, and answered with 304 when the client's copy is current.
// Status pages are polled by many clients at once; a 304 costs no body.

import { json } from "@remix-run/node";
import { cacheableResponse } from "../cacheable-response.server";

export const STATUSPAGE_CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=60";
const ALLOWED_METHODS = "GET, HEAD, OPTIONS";
/** How long a browser may reuse a preflight answer; these never change. */
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  // Scripts on other sites can only read the ETag, and send it back, if we say so.
  "Access-Control-Expose-Headers": "ETag",
};

function cachedJson(request: Request, data: unknown): Response {
  const response = cacheableResponse(request, JSON.stringify(data), {
    contentType: "application/json; charset=utf-8",
    cacheControl: STATUSPAGE_CACHE_CONTROL,
  });
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

function preflight(request: Request): Response {
  const requested = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      Allow: ALLOWED_METHODS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      // Public data without credentials: whatever headers a client wants to send are harmless.
      ...(requested ? { "Access-Control-Allow-Headers": requested } : {}),
      "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_SECONDS),
    },
  });
}

export const methodNotAllowed = () =>
  json({ error: `use ${ALLOWED_METHODS}` }, { status: 405, headers: { ...CORS_HEADERS, Allow: ALLOWED_METHODS } });

/** Answers a loader's request: a preflight for OPTIONS, the document `build` makes for GET and HEAD. */
export function serveJsonDocument(request: Request, build: () => unknown): Response {
  if (request.method === "OPTIONS") return preflight(request);
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed();
  return cachedJson(request, build());
}
