import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handlePlatformConnection } from "~/platform/connections.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handlePlatformConnection(context.db, request, params);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return handlePlatformConnection(context.db, request, params);
}
