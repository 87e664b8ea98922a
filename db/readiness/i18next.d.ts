// Typed keys for the readiness wording: a `t("…")` whose key is not in the English file
// does not compile. The keys test holds Hindi and Assamese to it.

import "i18next";
import type en from "./locales/en.json";

declare module "i18next" {
  interface ResourceNamespaceMap {
    readiness: typeof en;
  }
}
