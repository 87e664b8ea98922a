import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { createSessionCookie } from "../../app/auth/session.server";
import { createMerchantCookie } from "../../app/merchant/session.server";
import type { Db } from "../../db/client";
import { generateKeyringSpec, parseKeyring } from "../../db/credentials/keyring";

export const TEST_SESSION_SECRET = "test-session-secret-not-for-production";
export const TEST_MERCHANT_SSO_SECRET = "test-merchant-sso-secret-not-for-production";
/** Seals subscribers' tokens and secrets in the test servers, and opens them in the tests' delivery workers. */
export const TEST_KEYRING = parseKeyring(generateKeyringSpec());

/** What the server hands every loader and action, around a test's database. */
export const contextFor = (db: Db): AppLoadContext => ({
  db,
  auth: {
    sessionCookie: createSessionCookie([TEST_SESSION_SECRET]),
    merchantCookie: createMerchantCookie([TEST_SESSION_SECRET]),
    merchantSsoSecrets: [TEST_MERCHANT_SSO_SECRET],
  },
  keyring: TEST_KEYRING,
});

/** Calls a route loader the way Remix does, with the database in the load context. */
export async function callLoader<T>(
  loader: (args: LoaderFunctionArgs) => Promise<{ json(): Promise<T> }>,
  db: Db,
  path: string,
  params: Record<string, string> = {},
): Promise<T> {
  const response = await loader({ request: new Request(`http://localhost${path}`), params, context: contextFor(db) });
  return response.json();
}

/** The Response a loader threw (404, 400…). */
export async function thrownResponse(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("the loader did not throw a response");
}
