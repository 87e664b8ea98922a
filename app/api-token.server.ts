// Bearer-token authentication shared by the APIs that machines call: the ingest API and
// the platform API. Each token is made for one of them (its scope).

import { json } from "@remix-run/node";
import type { Executor } from "../db/client";
import { verifyIngestToken } from "../db/ingest/tokens";
import type { ApiTokenScope } from "../db/schema/enums";

export interface ApiCaller {
  tokenId: number;
  tokenName: string;
}

const HOW_TO_GET: Record<ApiTokenScope, string> = {
  ingest: "statusctl ingest-token create NAME",
  platform: "statusctl platform-token create --name NAME",
};

/** The caller the request's bearer token names, or the response to send instead: 401 for no known token, 403 for a token of another scope. */
export function authenticateApiToken(
  db: Executor,
  request: Request,
  scope: ApiTokenScope,
  nowMs: number,
): { caller: ApiCaller } | { response: Response } {
  const token = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const verified = token ? verifyIngestToken(db, token, scope, nowMs) : ({ status: "unknown" } as const);
  switch (verified.status) {
    case "valid":
      return { caller: { tokenId: verified.id, tokenName: verified.name } };
    case "wrong-scope":
      return { response: json({ error: `this is a ${verified.scope} token; this API needs a ${scope} token (${HOW_TO_GET[scope]})` }, { status: 403 }) };
    case "unknown":
      return {
        response: json(
          { error: `a valid ${scope} token is required (Authorization: Bearer <token>)` },
          { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
        ),
      };
  }
}
