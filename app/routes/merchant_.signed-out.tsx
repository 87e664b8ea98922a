import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Signed out · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export default function MerchantSignedOut() {
  return (
    <section className="narrow">
      <h1>You have signed out</h1>
      <p>To see your integrations again, open them from your ShopIQ dashboard.</p>
      <p>
        <a href="/">Back to the status page</a>
      </p>
    </section>
  );
}
