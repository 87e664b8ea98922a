import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireMerchantViewer } from "~/merchant/session.server";
import styles from "~/styles/merchant-layout.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A merchant's own data: kept by no shared cache, nor by the browser for the next person at the desk. Child routes without headers of their own inherit this. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  return json({ viewer }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction = () => [{ title: "Your integrations · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export default function MerchantLayout() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <div className="merchant-area">
      {viewer.readOnly ? (
        <p className="read-only-banner" role="status">
          You are viewing <strong>{viewer.merchantName}</strong> ({viewer.externalId}) as ops, read-only. <a href="/ops/merchants">All merchants</a>
        </p>
      ) : null}
      <div className="merchant-bar">
        <p className="merchant-bar__name">
          <span className="muted">Store</span> <strong>{viewer.merchantName}</strong>
        </p>
        <nav aria-label="Your integrations">
          <ul className="merchant-nav">
            <li>
              <NavLink to={`/merchant${viewer.viewQuery}`} end>
                My connections
              </NavLink>
            </li>
            <li>
              <NavLink to={`/merchant/readiness${viewer.viewQuery}`}>Readiness</NavLink>
            </li>
          </ul>
        </nav>
        {viewer.readOnly ? null : (
          <Form method="post" action="/merchant/sign-out">
            <button type="submit" className="link-button">
              Sign out
            </button>
          </Form>
        )}
      </div>
      <Outlet />
    </div>
  );
}
