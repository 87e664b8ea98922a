import { REQUIRED_PERMISSIONS } from "../required-permissions";
import { connectionRule } from "./types";
import type { Phrase } from "./wording";

const title: Phrase = (w) => w.t("permissions.title");

// Permission names are the provider's own scopes ("refunds:create"), shown as they are.
export const permissionsRule = connectionRule("permissions", (c, { guidance }) => {
  const missing = REQUIRED_PERMISSIONS[c.category].filter((p) => !c.permissions.includes(p));
  if (missing.length === 0) return { verdict: "pass", title, reason: (w) => w.t("permissions.pass") };
  return {
    verdict: "fail",
    title,
    reason: (w) => w.t("permissions.missing", { count: missing.length, permissions: w.list(missing) }),
    action: guidance.forCause("missing-permissions", c.category) ?? ((w) => w.t("permissions.action", { provider: c.provider.name })),
  };
});
