// Typed keys: a `t("…")` whose key is not in the English file does not compile. The keys
// test holds Hindi and Assamese to the English file.

import "i18next";
import type en from "./locales/en.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
  }
  interface ResourceNamespaceMap {
    translation: typeof en;
  }
}
