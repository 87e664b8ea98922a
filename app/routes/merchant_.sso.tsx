import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { signInWithLink } from "~/merchant/session.server";
import type { LinkRefusal } from "../../db/merchants/sso";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const outcome = await signInWithLink(request, context);
  if ("response" in outcome) return outcome.response;
  const status = outcome.refusal === "malformed" ? 400 : 403;
  return json({ refusal: outcome.refusal }, { status, headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("merchant.sso.title"), { noindex: true });

export default function MerchantLinkRefused() {
  const { refusal } = useLoaderData<{ refusal: LinkRefusal }>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t("merchant.sso.heading")}</h1>
      <p role="alert">{t(`merchant.sso.refusal.${refusal}`)}</p>
      <p>
        <Trans i18nKey="merchant.sso.meanwhile" components={{ statusPage: <a href="/" /> }} />
      </p>
    </section>
  );
}
