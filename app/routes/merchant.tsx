import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { requireMerchantViewer } from "~/merchant/session.server";
import styles from "~/styles/merchant-layout.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A merchant's own data: kept by no shared cache, nor by the browser for the next person at the desk. Child routes without headers of their own inherit this. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  return json({ viewer }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("merchant.nav.label"), { noindex: true });

export default function MerchantLayout() {
  const { viewer } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="merchant-area">
      {viewer.readOnly ? (
        <p className="read-only-banner" role="status">
          <Trans
            i18nKey="merchant.readOnly"
            values={{ merchant: viewer.merchantName, externalId: viewer.externalId }}
            components={{ strong: <strong />, allMerchants: <a href="/ops/merchants" /> }}
          />
        </p>
      ) : null}
      <div className="merchant-bar">
        <p className="merchant-bar__name">
          <span className="muted">{t("merchant.store")}</span> <strong>{viewer.merchantName}</strong>
        </p>
        <nav aria-label={t("merchant.nav.label")}>
          <ul className="merchant-nav">
            <li>
              <NavLink to={`/merchant${viewer.viewQuery}`} end>
                {t("merchant.connections.title")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/merchant/readiness${viewer.viewQuery}`}>{t("merchant.nav.readiness")}</NavLink>
            </li>
          </ul>
        </nav>
        {viewer.readOnly ? null : (
          <Form method="post" action="/merchant/sign-out">
            <button type="submit" className="link-button">
              {t("merchant.signOut")}
            </button>
          </Form>
        )}
      </div>
      <Outlet />
    </div>
  );
}
