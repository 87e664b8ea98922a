import { json, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

// Any address no other route claims. A route of our own, rather than Remix's built-in
// 404, so the root loader runs and the page is in the reader's language.

export const loader = () => json(null, { status: 404 });
// A form sent to an address that does not exist is just as much a 404 (not Remix's 405).
export const action = loader;

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("error.notFound"));

export default function NotFound() {
  const { t } = useI18n();
  return (
    <section className="error-page">
      <h1>{t("error.notFound")}</h1>
      <p>{t("error.notFoundText")}</p>
      <p>
        <Link to="/">{t("error.backToStatus")}</Link>
      </p>
    </section>
  );
}
