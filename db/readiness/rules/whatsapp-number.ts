import { connectionRule } from "./types";

const TITLE = "WhatsApp phone number";

export const whatsappNumberRule = connectionRule("whatsapp-number", (c, { guidance }) => {
  if (c.category !== "messaging") return null;
  const status = c.facts.phoneNumberStatus;
  const action = guidance.action("messaging-number-status") ?? "Check your WhatsApp phone number's status in WhatsApp Manager.";
  if (status === "connected") return { verdict: "pass", title: TITLE, reason: "The WhatsApp phone number is connected." };
  if (status === undefined) {
    return { verdict: "warning", title: TITLE, reason: "ShopIQ cannot see the status of the WhatsApp phone number.", action };
  }
  return { verdict: "fail", title: TITLE, reason: `The WhatsApp phone number is ${status}, not connected: messages may not be sent.`, action };
});
