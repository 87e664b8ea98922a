// Which language a request is answered in (decision 013): the reader's choice in the
// `lang` cookie, else their browser's Accept-Language, else English. The switcher's
// links carry `?lang=`; that request sets the cookie and redirects to the same page
// without the parameter, so the choice works without JavaScript and the page's address
// stays the same in every language.

import { redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import as from "./locales/as.json";
import en from "./locales/en.json";
import hi from "./locales/hi.json";
import { DEFAULT_LOCALE, LANGUAGE_PARAM, i18nFor, isEnglishOnlyPath, isLocale, type Locale, type Resources } from "./i18n";

const LANGUAGE_COOKIE = "lang";
const LANGUAGE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

const RESOURCES: Record<Locale, Resources> = { en, hi, as };

/** One language's strings: only the page's own language travels to the browser. */
export const resourcesFor = (locale: Locale): Resources => RESOURCES[locale];

/** Every response that depends on the language says so, for caches between us and the reader. */
export const VARY_ON_LANGUAGE = "Accept-Language, Cookie";

function cookieLocale(request: Request): Locale | null {
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, value] = pair.trim().split("=", 2);
    if (name === LANGUAGE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** The supported language the reader ranks highest ("hi-IN,hi;q=0.9,en;q=0.8" → hi); null when none is. */
export function acceptedLocale(header: string | null): Locale | null {
  const ranked = (header ?? "")
    .split(",")
    .map((entry, order) => {
      const [range = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: range.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((r) => r.quality > 0)
    // Equal weights keep the header's own order.
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked.map((r) => r.language).find(isLocale) ?? null;
}

/** The language to answer this request in. */
export function negotiateLocale(request: Request): Locale {
  if (isEnglishOnlyPath(new URL(request.url).pathname)) return DEFAULT_LOCALE;
  return cookieLocale(request) ?? acceptedLocale(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

/**
 * For a request from the switcher (`?lang=hi`): a redirect to the same page without the
 * parameter, setting the cookie when the language is one we speak. Null for any other request.
 */
export function languageSwitch(request: Request): Response | null {
  const url = new URL(request.url);
  if (!url.searchParams.has(LANGUAGE_PARAM)) return null;
  const chosen = url.searchParams.get(LANGUAGE_PARAM);
  url.searchParams.delete(LANGUAGE_PARAM);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (isLocale(chosen)) {
    const secure = url.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    headers.set(
      "Set-Cookie",
      `${LANGUAGE_COOKIE}=${chosen}; Path=/; Max-Age=${LANGUAGE_COOKIE_MAX_AGE_S}; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  }
  return redirect(`${url.pathname}${url.search}`, { headers });
}

/** Translations for what a loader or action writes itself: refusals it throws, file contents. */
export function translatorFor(request: Request): { locale: Locale; t: TFunction } {
  const locale = negotiateLocale(request);
  return { locale, t: i18nFor(locale, resourcesFor(locale)).t };
}

