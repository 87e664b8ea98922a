import { LANGUAGE_NAMES, LOCALES } from "~/i18n/i18n";
import { useI18n } from "~/i18n/page-i18n";
import { FieldError, type fieldProps } from "~/lib/forms";

/**
 * The emails' language; `field` carries the form's id, name and error wiring. Each language
 * is named in itself, so a reader finds theirs whatever the page is in, and the others also
 * in the page's language.
 */
export function LocaleSelect({ field, value, error }: { field: ReturnType<ReturnType<typeof fieldProps>>; value: string; error: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <>
      <label htmlFor="locale">{t("subscribe.language.label")}</label>
      <select {...field} defaultValue={value}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {l === locale ? LANGUAGE_NAMES[l] : `${LANGUAGE_NAMES[l]} (${t(`subscribe.language.names.${l}`)})`}
          </option>
        ))}
      </select>
      <FieldError id="locale-error" message={error} />
    </>
  );
}
