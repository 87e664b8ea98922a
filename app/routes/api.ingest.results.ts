import { json, type ActionFunctionArgs } from "@remix-run/node";
import { handleIngest } from "~/ingest.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "use POST" }, { status: 405, headers: { Allow: "POST" } });
  return handleIngest(context, request);
}

export async function loader() {
  return json({ error: "use POST" }, { status: 405, headers: { Allow: "POST" } });
}
