import { LOCALES, type Locale } from "../../../db/schema/enums";
import { FieldError, type fieldProps } from "~/lib/forms";

// Each language named in itself, so a reader finds theirs whatever the page is in.
const TEXT = {
  label: "Language of the emails",
  names: { en: "English", hi: "हिन्दी (Hindi)", as: "অসমীয়া (Assamese)" } satisfies Record<Locale, string>,
} as const;

/** The emails' language; `field` carries the form's id, name and error wiring. */
export function LocaleSelect({ field, value, error }: { field: ReturnType<ReturnType<typeof fieldProps>>; value: string; error: string | undefined }) {
  return (
    <>
      <label htmlFor="locale">{TEXT.label}</label>
      <select {...field} defaultValue={value}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {TEXT.names[l]}
          </option>
        ))}
      </select>
      <FieldError id="locale-error" message={error} />
    </>
  );
}
