import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";

/** Calls a route loader the way Remix does, with the database in the load context. */
export async function callLoader<T>(
  loader: (args: LoaderFunctionArgs) => Promise<{ json(): Promise<T> }>,
  db: Db,
  path: string,
  params: Record<string, string> = {},
): Promise<T> {
  const response = await loader({ request: new Request(`http://localhost${path}`), params, context: { db } });
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
