import { REQUIRED_PERMISSIONS } from "../required-permissions";
import { connectionRule } from "./types";
import { listText } from "./wording";

const TITLE = "Permissions";

export const permissionsRule = connectionRule("permissions", (c, { guidance }) => {
  const missing = REQUIRED_PERMISSIONS[c.category].filter((p) => !c.permissions.includes(p));
  if (missing.length === 0) return { verdict: "pass", title: TITLE, reason: "ShopIQ has every permission it needs." };
  return {
    verdict: "fail",
    title: TITLE,
    reason: `ShopIQ is missing ${missing.length === 1 ? "a permission" : "permissions"} it needs: ${listText(missing)}.`,
    action: guidance.forCause("missing-permissions", c.category) ?? `Reconnect ${c.provider.name} and allow every permission ShopIQ asks for.`,
  };
});
