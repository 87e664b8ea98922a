import type { LoaderFunctionArgs } from "@remix-run/node";
import { uptimeBadgeResponse } from "~/badges/provider-badges.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return uptimeBadgeResponse(context.db, request, params.slug ?? "");
}
