import { connectionRule } from "./types";
import { plural } from "./wording";

const TITLE = "WhatsApp templates";

export const whatsappTemplatesRule = connectionRule("whatsapp-templates", (c, { guidance }) => {
  if (c.category !== "messaging") return null;
  const { templatesApproved: approved, templatesPending: pending = 0 } = c.facts;
  const action = guidance.action("messaging-templates-approved") ?? "Get your order message templates approved before the period starts.";
  if (approved === undefined) {
    return { verdict: "warning", title: TITLE, reason: "ShopIQ cannot see how many message templates are approved.", action };
  }
  if (approved === 0) {
    return { verdict: "fail", title: TITLE, reason: "No message template is approved, so no order message can be sent.", action };
  }
  if (pending > 0) {
    return {
      verdict: "warning",
      title: TITLE,
      reason: `${plural(approved, "template is", "templates are")} approved and ${plural(pending, "is", "are")} still waiting for approval.`,
      action,
    };
  }
  return { verdict: "pass", title: TITLE, reason: `${plural(approved, "template is", "templates are")} approved and none is waiting.` };
});
