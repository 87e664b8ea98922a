import { useI18n } from "~/i18n/page-i18n";
import { EMAIL_MAX_CHARS, WEBHOOK_URL_MAX_CHARS, type SubscribeErrorKey } from "../../../db/subscriptions/forms";

/** The subscription forms' error keys (db/subscriptions/forms.ts) in the reader's language, with the limits they name. */
export function useFieldErrorTexts(errors: Record<string, SubscribeErrorKey> | undefined): Record<string, string | undefined> {
  const { t, format } = useI18n();
  const limits = { emailMaxChars: format.count(EMAIL_MAX_CHARS), urlMaxChars: format.count(WEBHOOK_URL_MAX_CHARS) };
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, t(`subscribe.errors.${key}`, limits)]));
}
