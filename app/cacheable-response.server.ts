// Responses that feed readers and README badge proxies poll again and again. An ETag
// taken from the body lets them revalidate with a 304 and no body, however the body was
// built, and stays the same for as long as what they read does.

import { createHash } from "node:crypto";

function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): a `W/` prefix does not stop a match. */
function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (header === null) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(tag));
}

/** `body` with its content type, cache policy and ETag, or a bodiless 304 when the client already holds it. */
export function cacheableResponse(request: Request, body: string, headers: { contentType: string; cacheControl: string }): Response {
  const tag = entityTag(body);
  const common = { ETag: tag, "Cache-Control": headers.cacheControl };
  if (matchesIfNoneMatch(request.headers.get("If-None-Match"), tag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { headers: { ...common, "Content-Type": headers.contentType } });
}
