import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("whatsappTemplates.title");

export const whatsappTemplatesRule = connectionRule("whatsapp-templates", (c, { guidance }) => {
  if (c.category !== "messaging") return null;
  const { templatesApproved: approved, templatesPending: pending = 0 } = c.facts;
  const action: ItemText = guidance.action("messaging-templates-approved") ?? ((w) => w.t("whatsappTemplates.action"));
  if (approved === undefined) return { verdict: "warning", title, reason: (w) => w.t("whatsappTemplates.unknown"), action };
  if (approved === 0) return { verdict: "fail", title, reason: (w) => w.t("whatsappTemplates.none"), action };
  const approvedText: Phrase = (w) => w.t("whatsappTemplates.approved", { count: approved, n: w.count(approved) });
  if (pending > 0) {
    return {
      verdict: "warning",
      title,
      reason: (w) => w.t("whatsappTemplates.someWaiting", { approved: approvedText(w), waiting: w.t("whatsappTemplates.waiting", { count: pending, n: w.count(pending) }) }),
      action,
    };
  }
  return { verdict: "pass", title, reason: (w) => w.t("whatsappTemplates.noneWaiting", { approved: approvedText(w) }) };
});
