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
import { formatIndianCount } from "~/components/readiness/numbers";
import { CampaignFormSchema, deleteCampaign, getCampaign, updateCampaign } from "~/data/readiness.server";
import { formatDay } from "~/lib/format";
import { FieldError, fieldErrorsOf, fieldProps, FormError, textFields } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantEditor, requireMerchantViewer } from "~/merchant/session.server";
import { CAMPAIGN_NAME_MAX_CHARS } from "../../db/readiness/forms";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Campaign not found";
const INTENTS = ["save", "delete"] as const;
const FIELDS = ["name", "startsOn", "endsOn", "expectedOrdersPerDay"] as const;

// Another merchant's campaign answers exactly as one that does not exist: the same status, the same words.
const notFound = () => new Response(NOT_FOUND, { status: 404, headers: PRIVATE_NO_STORE });

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.campaign.name : "Campaign"} · Readiness review` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  const campaign = getCampaign(context.db, viewer.merchantId, idParam(params, NOT_FOUND));
  if (!campaign) throw notFound();
  return json({ campaign, readOnly: viewer.readOnly, viewQuery: viewer.viewQuery }, { headers: PRIVATE_NO_STORE });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireMerchantEditor(request, context);
  const id = idParam(params, NOT_FOUND);
  const values = textFields(await request.formData());
  const intent = z.enum(INTENTS).safeParse(values.intent || "save");
  if (!intent.success) return json({ values, fieldErrors: {}, formError: "Save the campaign or delete it." }, { status: 400 });
  if (intent.data === "delete") {
    if (!deleteCampaign(context.db, viewer.merchantId, id)) throw notFound();
    return redirect("/merchant/readiness?done=campaign-deleted#campaigns");
  }
  const parsed = CampaignFormSchema.safeParse(values);
  if (!parsed.success) {
    // A refused edit of someone else's campaign must not tell them it exists.
    if (!getCampaign(context.db, viewer.merchantId, id)) throw notFound();
    return json({ values, fieldErrors: fieldErrorsOf(parsed.error), formError: null }, { status: 400 });
  }
  if (!updateCampaign(context.db, viewer.merchantId, id, parsed.data)) throw notFound();
  return redirect("/merchant/readiness?done=campaign-saved#campaigns");
}

export default function CampaignPage() {
  const { campaign, readOnly, viewQuery } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const field = fieldProps(null, errors, FIELDS);
  const values: Record<string, string | undefined> = result?.values ?? {
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    expectedOrdersPerDay: String(campaign.expectedOrdersPerDay),
  };

  return (
    <div className="readiness">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={withViewQuery("/merchant/readiness", viewQuery)}>Readiness review</Link> › <span>{campaign.name}</span>
      </nav>
      <h1>{campaign.name}</h1>
      <p className="lead">
        {formatDay(campaign.startsOn)} to {formatDay(campaign.endsOn)}, {formatIndianCount(campaign.expectedOrdersPerDay)} orders a day
        expected.
      </p>
      {readOnly ? (
        <p className="muted">Ops view is read-only: only the merchant can change or delete a campaign.</p>
      ) : (
        <>
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(result ?? null)}>
            <input type="hidden" name="intent" value="save" />
            <FormError message={result?.formError} />
            <label htmlFor="name">Name</label>
            <input {...field("name")} maxLength={CAMPAIGN_NAME_MAX_CHARS} required defaultValue={values.name} />
            <FieldError id="name-error" message={errors.name} />
            <div className="date-pair">
              <div>
                <label htmlFor="startsOn">First day</label>
                <input {...field("startsOn")} type="date" required defaultValue={values.startsOn} />
                <FieldError id="startsOn-error" message={errors.startsOn} />
              </div>
              <div>
                <label htmlFor="endsOn">Last day</label>
                <input {...field("endsOn")} type="date" required defaultValue={values.endsOn} />
                <FieldError id="endsOn-error" message={errors.endsOn} />
              </div>
            </div>
            <label htmlFor="expectedOrdersPerDay">Expected orders per day</label>
            <input {...field("expectedOrdersPerDay")} inputMode="numeric" autoComplete="off" required defaultValue={values.expectedOrdersPerDay} />
            <FieldError id="expectedOrdersPerDay-error" message={errors.expectedOrdersPerDay} />
            <button type="submit" disabled={busy}>
              Save campaign
            </button>
          </Form>
          <Form method="post" className="danger-zone">
            <input type="hidden" name="intent" value="delete" />
            <p className="muted">Deleting the campaign removes it from your calendar. Reports already generated for it are kept.</p>
            <button type="submit" className="danger" disabled={busy}>
              Delete campaign
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
