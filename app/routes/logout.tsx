import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/auth/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  return signOut(request, context);
}

/** Signing out changes data, so it is a POST; a link to it just goes home. */
export async function loader() {
  return redirect("/");
}
