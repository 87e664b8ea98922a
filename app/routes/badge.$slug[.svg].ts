import type { LoaderFunctionArgs } from "@remix-run/node";
import { statusBadgeResponse } from "~/badges/provider-badges.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return statusBadgeResponse(context.db, request, params.slug ?? "");
}
