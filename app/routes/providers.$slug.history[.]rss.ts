import type { LoaderFunctionArgs } from "@remix-run/node";
import { historyFeedResponse } from "~/feeds/history-feed.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return historyFeedResponse(context.db, request, "rss", params.slug ?? "");
}
