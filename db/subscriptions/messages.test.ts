import { describe, expect, it } from "vitest";
import { LOCALES } from "../schema/enums";
import { renderEmail, webhookBody, type MessageLinks } from "./messages";
import type { EventPayload } from "./payload";

const links: MessageLinks = {
  baseUrl: "https://status.example.com",
  confirmUrl: "https://status.example.com/subscribe/confirm/TOKEN",
  manageUrl: "https://status.example.com/subscribe/manage/TOKEN",
  unsubscribeUrl: "https://status.example.com/subscribe/unsubscribe/TOKEN",
};

// 28 Nov 2026, 14:30 to 16:00 in India.
const maintenance: EventPayload = {
  type: "maintenance",
  maintenance: {
    id: 7,
    title: "Razorpay gateway upgrade",
    description: "Card payments may fail for a few minutes.",
    status: "scheduled",
    scheduledForMs: Date.UTC(2026, 10, 28, 9, 0),
    scheduledUntilMs: Date.UTC(2026, 10, 28, 10, 30),
    providers: [{ id: 1, slug: "razorpay", name: "Razorpay" }],
  },
};

describe("emails", () => {
  it("tell of a maintenance window in each language, with India times, the provider's text as written, and the links", () => {
    const en = renderEmail({ kind: "maintenance.scheduled", payload: maintenance }, { locale: "en", confirmed: true, providerNames: [] }, links);
    expect(en.subject).toBe("Scheduled maintenance: Razorpay gateway upgrade");
    expect(en.text).toContain("When: 28 Nov 2026, 2:30 pm IST to 28 Nov 2026, 4:00 pm IST");
    expect(en.text).toContain("about all providers");

    const hi = renderEmail({ kind: "maintenance.scheduled", payload: maintenance }, { locale: "hi", confirmed: true, providerNames: ["Razorpay"] }, links);
    expect(hi.subject).toBe("निर्धारित मेंटेनेंस: Razorpay gateway upgrade");
    expect(hi.text).toContain("स्थिति: निर्धारित");

    const as = renderEmail({ kind: "maintenance.scheduled", payload: maintenance }, { locale: "as", confirmed: true, providerNames: ["Razorpay"] }, links);
    expect(as.subject).toBe("নিৰ্ধাৰিত মেইণ্টেনেন্স: Razorpay gateway upgrade");
    expect(as.text).toContain("স্থিতি: নিৰ্ধাৰিত");

    for (const locale of LOCALES) {
      const email = renderEmail({ kind: "maintenance.scheduled", payload: maintenance }, { locale, confirmed: true, providerNames: [] }, links);
      expect(email.text).toContain("Card payments may fail for a few minutes.");
      expect(email.text).toContain(links.manageUrl);
      expect(email.text).toContain(links.unsubscribeUrl);
    }
  });

  it("ask an unconfirmed address to confirm, and tell a confirmed one it already is", () => {
    const ask = renderEmail({ kind: "subscription.confirm", payload: { type: "confirmation" } }, { locale: "en", confirmed: false, providerNames: ["Razorpay", "PayU"] }, links);
    expect(ask.subject).toBe("Confirm your subscription to ShopIQ Integration Status");
    expect(ask.text).toContain("about Razorpay, PayU.");
    expect(ask.text).toContain(links.confirmUrl);
    const again = renderEmail({ kind: "subscription.confirm", payload: { type: "confirmation" } }, { locale: "as", confirmed: true, providerNames: [] }, links);
    expect(again.text).toContain("সকলো প্ৰদানকাৰী");
    expect(again.text).not.toContain(links.confirmUrl);
    expect(again.text).toContain(links.unsubscribeUrl);
  });
});

describe("the webhook body", () => {
  it("describes a maintenance window as the Statuspage-compatible API does", () => {
    const body = JSON.parse(webhookBody({ id: 12, kind: "maintenance.started", createdAtMs: Date.UTC(2026, 10, 28, 9, 0), payload: maintenance }, "https://status.example.com"));
    expect(body).toEqual({
      id: "evt_12",
      type: "maintenance.started",
      created_at: "2026-11-28T14:30:00.000+05:30",
      page: { id: "shopiq-integration-status", name: "ShopIQ Integration Status", url: "https://status.example.com" },
      maintenance: {
        id: "mnt_7",
        name: "Razorpay gateway upgrade",
        status: "scheduled",
        description: "Card payments may fail for a few minutes.",
        scheduled_for: "2026-11-28T14:30:00.000+05:30",
        scheduled_until: "2026-11-28T16:00:00.000+05:30",
        shortlink: "https://status.example.com/",
        components: [{ id: "razorpay", name: "Razorpay" }],
      },
    });
  });
});
