import { localeFormats } from "../../app/i18n/formats.server";
import { formatWords, i18nFor, type Locale } from "../../app/i18n/i18n";
import { resourcesFor } from "../../app/i18n/negotiate.server";
import { createFormatter, type Formatter } from "../../app/lib/format";

/** Dates and numbers as the pages write them in this language, to look for them in a page's HTML. */
export function formatterIn(locale: Locale): Formatter {
  return createFormatter(localeFormats(locale), formatWords(i18nFor(locale, resourcesFor(locale)).t));
}
