import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LINK_REFUSAL_MESSAGES, signInWithLink } from "~/merchant/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const outcome = await signInWithLink(request, context);
  if ("response" in outcome) return outcome.response;
  const status = outcome.refusal === "malformed" ? 400 : 403;
  return json({ message: LINK_REFUSAL_MESSAGES[outcome.refusal] }, { status, headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction = () => [{ title: "Sign-in link · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export default function MerchantLinkRefused() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>This link cannot sign you in</h1>
      <p role="alert">{message}</p>
      <p>
        Meanwhile the <a href="/">public status page</a> shows every provider&apos;s status.
      </p>
    </section>
  );
}
