// Every string the pages, the readiness reports and the merchant guidance show exists in
// English, Hindi and Assamese, and says the same things with the same placeholders. A
// failure names the catalogue, the language and the key.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CAUSE_SENTENCE_TEMPLATES } from "../../db/merchants/cause-wording";
import { LOCALES, type Locale } from "../../db/schema/enums";

type Catalogue = { [key: string]: string | Catalogue };

const CATALOGUES = {
  "pages (app/i18n/locales)": "app/i18n/locales",
  "readiness reports (db/readiness/locales)": "db/readiness/locales",
} as const;

const load = (dir: string, locale: Locale) => JSON.parse(readFileSync(`${dir}/${locale}.json`, "utf8")) as Catalogue;

/** Dotted key → text. */
function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();
/** What is left to read once placeholders, tags and the names that stay in Latin script are taken out. */
const words = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\b(ShopIQ|WhatsApp|Manager|API|KYC|UPI|IST|CSV|PDF|Ctrl|Mac|ms|ops|Ops|key|ID)\b/g, " ");
const LATIN_WORD = /[A-Za-z]{3,}/;
const DEVANAGARI = /[\u0900-\u0963\u0966-\u097F]/;
const BENGALI_ASSAMESE = /[\u0980-\u09FF]/;
/** Bengali ra and va: Assamese writes ৰ and ৱ. */
const BENGALI_ONLY_LETTERS = /[\u09B0]/;

describe.each(Object.entries(CATALOGUES))("the %s catalogue", (_name, dir) => {
  const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(dir, l))])) as Record<Locale, Map<string, string>>;
  const english = flat.en;

  it.each(["hi", "as"] as const)("has every English key in %s, and no key English lacks", (locale) => {
    const theirs = flat[locale];
    expect([...english.keys()].filter((k) => !theirs.has(k)), `keys missing in ${locale} (${dir}/${locale}.json)`).toEqual([]);
    expect([...theirs.keys()].filter((k) => !english.has(k)), `keys in ${locale} that English does not have (${dir}/${locale}.json)`).toEqual([]);
  });

  it.each(LOCALES)("has no empty text in %s", (locale) => {
    expect([...flat[locale]].filter(([, text]) => text.trim() === "").map(([k]) => k), `empty in ${locale}`).toEqual([]);
  });

  it.each(["hi", "as"] as const)("uses the same placeholders and tags in %s as in English", (locale) => {
    const differing = [...english].flatMap(([key, text]) => {
      const theirs = flat[locale].get(key);
      if (theirs === undefined) return [];
      const problems = [];
      if (placeholders(theirs).join() !== placeholders(text).join()) problems.push(`${key}: placeholders ${placeholders(theirs)} in ${locale}, ${placeholders(text)} in en`);
      if (tags(theirs).join() !== tags(text).join()) problems.push(`${key}: tags ${tags(theirs)} in ${locale}, ${tags(text)} in en`);
      return problems;
    });
    expect(differing).toEqual([]);
  });

  it("is translated, not copied: Hindi in Devanagari, Assamese in its own script with ৰ and ৱ", () => {
    const untranslated = [...english].flatMap(([key, text]) => {
      if (!LATIN_WORD.test(words(text))) return [];
      const problems = [];
      const hi = flat.hi.get(key) ?? "";
      const as = flat.as.get(key) ?? "";
      if (!DEVANAGARI.test(hi)) problems.push(`hi ${key}: "${hi}"`);
      if (!BENGALI_ASSAMESE.test(as)) problems.push(`as ${key}: "${as}"`);
      return problems;
    });
    const notAssamese = [...flat.as].filter(([, text]) => BENGALI_ONLY_LETTERS.test(text) || DEVANAGARI.test(text)).map(([k, text]) => `as ${k}: "${text}"`);
    expect([...untranslated, ...notAssamese]).toEqual([]);
  });

  // Browsers without Assamese plural data (Chromium has none) choose `_other` where Node
  // chooses `_one` for 0, and the two renders would differ. Assamese counts with a
  // classifier and no plural ending ("৫টা ঘটনা"), so its two forms are the same text.
  it("has the same text for each Assamese plural form", () => {
    const differing = [...flat.as].filter(([key, text]) => key.endsWith("_one") && flat.as.get(key.replace(/_one$/, "_other")) !== text).map(([k]) => k);
    expect(differing).toEqual([]);
  });
});

describe("the guidance in the database seed", () => {
  const guidance = JSON.parse(readFileSync("db/seed/guidance.json", "utf8")) as Record<string, unknown>;

  /** Every { en, hi?, as? } in the file, with where it is. */
  function localizedTexts(value: unknown, path: string): [string, Record<string, unknown>][] {
    if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${(v as { slug?: string }).slug ?? i}]`));
    if (typeof value !== "object" || value === null) return [];
    if ("en" in value) return [[path, value as Record<string, unknown>]];
    return Object.entries(value).flatMap(([k, v]) => localizedTexts(v, `${path}.${k}`));
  }

  it("has every category, workflow, cause and action in all three languages", () => {
    const texts = localizedTexts(guidance, "guidance");
    expect(texts.length).toBeGreaterThan(150);
    const incomplete = texts.flatMap(([path, text]) => LOCALES.filter((l) => typeof text[l] !== "string" || (text[l] as string).trim() === "").map((l) => `${path} in ${l}`));
    expect(incomplete).toEqual([]);
    const wrongScript = texts.flatMap(([path, text]) => [
      ...(DEVANAGARI.test(String(text.hi)) ? [] : [`${path} hi`]),
      ...(BENGALI_ASSAMESE.test(String(text.as)) && !BENGALI_ONLY_LETTERS.test(String(text.as)) ? [] : [`${path} as`]),
    ]);
    expect(wrongScript).toEqual([]);
  });

  it("names the provider in every language's plain-words cause sentence", () => {
    const missing = Object.entries(CAUSE_SENTENCE_TEMPLATES).flatMap(([slug, templates]) =>
      LOCALES.filter((l) => !templates[l].includes("{provider}")).map((l) => `${slug} in ${l}`),
    );
    expect(missing).toEqual([]);
  });
});
