import { connectionRule } from "./types";
import type { ItemText, Phrase } from "./wording";

const title: Phrase = (w) => w.t("whatsappNumber.title");

export const whatsappNumberRule = connectionRule("whatsapp-number", (c, { guidance }) => {
  if (c.category !== "messaging") return null;
  const status = c.facts.phoneNumberStatus;
  const action: ItemText = guidance.action("messaging-number-status") ?? ((w) => w.t("whatsappNumber.action"));
  if (status === "connected") return { verdict: "pass", title, reason: (w) => w.t("whatsappNumber.pass") };
  if (status === undefined) return { verdict: "warning", title, reason: (w) => w.t("whatsappNumber.unknown"), action };
  return { verdict: "fail", title, reason: (w) => w.t("whatsappNumber.fail", { status: w.t(`whatsappNumber.status.${status}`) }), action };
});
