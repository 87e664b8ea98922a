import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOutMerchant } from "~/merchant/session.server";

export const action = ({ request, context }: ActionFunctionArgs) => signOutMerchant(request, context);

export const loader = () => redirect("/merchant");
