import { useI18n } from "~/i18n/page-i18n";
import { FieldError, fieldProps } from "~/lib/forms";
import { CAMPAIGN_NAME_MAX_CHARS } from "../../../db/readiness/forms";

/** The fields in the order the form shows them, which is also the order the focus goes to the first error. */
const CAMPAIGN_FIELDS = ["name", "startsOn", "endsOn", "expectedOrdersPerDay"] as const;

type CampaignValues = Partial<Record<(typeof CAMPAIGN_FIELDS)[number], string>>;

interface Props {
  /** Prefix of the fields' ids, where the page has another form with fields of the same names. */
  idPrefix: string | null;
  errors: Record<string, string | undefined>;
  values: CampaignValues;
}

/** A campaign's name, first and last day and expected orders, for adding one and for editing it. */
export function CampaignFields({ idPrefix, errors, values }: Props) {
  const { t } = useI18n();
  const field = fieldProps(idPrefix, errors, CAMPAIGN_FIELDS);
  const errorId = (name: string) => `${idPrefix ? `${idPrefix}-` : ""}${name}-error`;
  return (
    <>
      <label htmlFor={field("name").id}>{t("readiness.campaign.name")}</label>
      <input {...field("name")} maxLength={CAMPAIGN_NAME_MAX_CHARS} required defaultValue={values.name ?? ""} />
      <FieldError id={errorId("name")} message={errors.name} />
      <div className="date-pair">
        <div>
          <label htmlFor={field("startsOn").id}>{t("readiness.campaign.firstDay")}</label>
          <input {...field("startsOn")} type="date" required defaultValue={values.startsOn ?? ""} />
          <FieldError id={errorId("startsOn")} message={errors.startsOn} />
        </div>
        <div>
          <label htmlFor={field("endsOn").id}>{t("readiness.campaign.lastDay")}</label>
          <input {...field("endsOn")} type="date" required defaultValue={values.endsOn ?? ""} />
          <FieldError id={errorId("endsOn")} message={errors.endsOn} />
        </div>
      </div>
      <label htmlFor={field("expectedOrdersPerDay").id}>{t("readiness.expectedOrders")}</label>
      <input {...field("expectedOrdersPerDay")} inputMode="numeric" autoComplete="off" required defaultValue={values.expectedOrdersPerDay ?? ""} />
      <FieldError id={errorId("expectedOrdersPerDay")} message={errors.expectedOrdersPerDay} />
    </>
  );
}
