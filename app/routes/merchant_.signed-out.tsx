import type { MetaFunction } from "@remix-run/node";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("merchant.signedOut.title"), { noindex: true });

export default function MerchantSignedOut() {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t("merchant.signedOut.heading")}</h1>
      <p>{t("merchant.signedOut.text")}</p>
      <p>
        <a href="/">{t("error.backToStatus")}</a>
      </p>
    </section>
  );
}
