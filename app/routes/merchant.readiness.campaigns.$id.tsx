import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CampaignFormSchema, deleteCampaign, getCampaign, readinessMessage, updateCampaign } from "~/data/readiness.server";
import { negotiateLocale } from "~/i18n/negotiate.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { CampaignFields } from "~/components/readiness/CampaignFields";
import { fieldErrorsOf, FormError, textFields } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantEditor, requireMerchantViewer } from "~/merchant/session.server";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Campaign not found";
const INTENTS = ["save", "delete"] as const;

// Another merchant's campaign answers exactly as one that does not exist: the same status, the same words.
const notFound = () => new Response(NOT_FOUND, { status: 404, headers: PRIVATE_NO_STORE });

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
// The campaign's name as the merchant wrote it.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => `${data ? data.campaign.name : t("readiness.campaign.title")} · ${t("readiness.title")}`, { noindex: true });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  const campaign = getCampaign(context.db, viewer.merchantId, idParam(params, NOT_FOUND));
  if (!campaign) throw notFound();
  return json({ campaign, readOnly: viewer.readOnly, viewQuery: viewer.viewQuery }, { headers: PRIVATE_NO_STORE });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireMerchantEditor(request, context);
  const id = idParam(params, NOT_FOUND);
  const locale = negotiateLocale(request);
  const values = textFields(await request.formData());
  const intent = z.enum(INTENTS).safeParse(values.intent || "save");
  if (!intent.success) return json({ values, fieldErrors: {}, formError: readinessMessage(locale, "campaignIntentMissing") }, { status: 400 });
  if (intent.data === "delete") {
    if (!deleteCampaign(context.db, viewer.merchantId, id)) throw notFound();
    return redirect("/merchant/readiness?done=campaign-deleted#campaigns");
  }
  const parsed = CampaignFormSchema.safeParse(values);
  if (!parsed.success) {
    // A refused edit of someone else's campaign must not tell them it exists.
    if (!getCampaign(context.db, viewer.merchantId, id)) throw notFound();
    // The schema's messages are keys; the reader gets them in their language.
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([field, key]) => [field, readinessMessage(locale, key)]));
    return json({ values, fieldErrors, formError: null }, { status: 400 });
  }
  if (!updateCampaign(context.db, viewer.merchantId, id, parsed.data)) throw notFound();
  return redirect("/merchant/readiness?done=campaign-saved#campaigns");
}

export default function CampaignPage() {
  const { campaign, readOnly, viewQuery } = useLoaderData<typeof loader>();
  const { t, format } = useI18n();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const values: Record<string, string | undefined> = result?.values ?? {
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    expectedOrdersPerDay: String(campaign.expectedOrdersPerDay),
  };

  return (
    <div className="readiness">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={withViewQuery("/merchant/readiness", viewQuery)}>{t("readiness.title")}</Link> › <span>{campaign.name}</span>
      </nav>
      <h1>{campaign.name}</h1>
      <p className="lead">
        {t("readiness.campaign.lead", {
          dates: format.dayRange(campaign.startsOn, campaign.endsOn),
          count: campaign.expectedOrdersPerDay,
          orders: format.count(campaign.expectedOrdersPerDay),
        })}
      </p>
      {readOnly ? (
        <p className="muted">{t("readiness.campaign.readOnly")}</p>
      ) : (
        <>
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(result ?? null)}>
            <input type="hidden" name="intent" value="save" />
            <FormError message={result?.formError} />
            <CampaignFields idPrefix={null} errors={errors} values={values} />
            <button type="submit" disabled={busy}>
              {t("readiness.campaign.save")}
            </button>
          </Form>
          <Form method="post" className="danger-zone">
            <input type="hidden" name="intent" value="delete" />
            <p className="muted">{t("readiness.campaign.deleteNote")}</p>
            <button type="submit" className="danger" disabled={busy}>
              {t("readiness.campaign.delete")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
