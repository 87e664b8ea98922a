// Every readiness rule at its boundaries, on facts built by hand: the report's queries are
// tested on a real database in report.test.ts.

import { describe, expect, it } from "vitest";
import type { ReadinessItemRecord } from "../schema/types";
import { dayStartMs, HOUR_MS } from "../time";
import { evaluateReadiness, periodUnderReview } from "./report";
import { READINESS_RULES } from "./rules";
import type { ConnectionUnderReview, Guidance, ReadinessContext } from "./rules/types";
import { itemKey, orderItems, readinessScore, unclampedScore } from "./score";
import {
  MARKETPLACE_SYNC_FAIL_AGE_MS,
  MARKETPLACE_SYNC_WARNING_AGE_MS,
  MESSAGES_PER_ORDER,
  SHIPPING_COST_PER_SHIPMENT_INR,
} from "./thresholds";

// Diwali sales: 16 days, 29 Oct falls inside. "Now" is noon in India two weeks before.
const PERIOD = periodUnderReview({ startsOn: "2027-10-16", endsOn: "2027-10-31", expectedOrdersPerDay: 100 });
const NOW_MS = dayStartMs("2027-10-02") + 12 * HOUR_MS;

/** Recognisable texts, so a test can tell which guidance an item recommends. */
const GUIDANCE: Guidance = {
  action: (slug) => ({ en: `action:${slug}`, hi: `कदम:${slug}` }),
  forCause: (cause, category) => ({ en: `cause:${cause}:${category}` }),
  causeName: (cause) => ({ en: `name:${cause}`, hi: `नाम:${cause}` }),
};

let nextId = 1;
/** A connection with nothing wrong, in its category's terms. */
function connection(overrides: Partial<ConnectionUnderReview> = {}): ConnectionUnderReview {
  const id = nextId++;
  return {
    connectionId: id,
    provider: { id, slug: `provider-${id}`, name: `Provider ${id}` },
    category: "payments",
    state: "connected",
    credentialExpiresAtMs: null,
    billingState: "active",
    planExpiresAtMs: null,
    verificationState: "verified",
    permissions: ["payments:read", "payments:create", "refunds:create", "webhooks:manage"],
    usageLimitPerDay: null,
    facts: {},
    health: { checkState: "ok", lastCause: null, uptime30Days: { up: 1000, counted: 1000 }, failureCauses30Days: {} },
    maintenance: [],
    openIncidents: [],
    ...overrides,
  };
}

const whatsapp = (facts: ConnectionUnderReview["facts"] = {}, overrides: Partial<ConnectionUnderReview> = {}) =>
  connection({
    category: "messaging",
    permissions: ["whatsapp_business_messaging", "whatsapp_business_management"],
    facts: { phoneNumberStatus: "connected", templatesApproved: 5, templatesPending: 0, dailyMessagingLimit: 1_000, ...facts },
    ...overrides,
  });
const logistics = (facts: ConnectionUnderReview["facts"] = {}) =>
  connection({
    category: "logistics",
    verificationState: "not_required",
    permissions: ["orders:create", "shipments:create", "pickups:create", "tracking:read"],
    facts: { pickupAddressVerified: true, walletBalanceInr: 1_000_000, ...facts },
  });
const marketplace = (facts: ConnectionUnderReview["facts"] = {}) =>
  connection({ category: "marketplaces", verificationState: "not_required", permissions: ["orders:read", "inventory:write", "listings:write"], facts });

function context(connections: ConnectionUnderReview[], expectedOrdersPerDay = PERIOD.expectedOrdersPerDay): ReadinessContext {
  return { period: { ...PERIOD, expectedOrdersPerDay }, nowMs: NOW_MS, connections, guidance: GUIDANCE };
}

/** The one item this rule says about this connection. */
function itemOf(rule: string, c: ConnectionUnderReview, expectedOrdersPerDay?: number): ReadinessItemRecord {
  const found = evaluateReadiness(context([c], expectedOrdersPerDay)).items.filter((i) => i.rule === rule && i.provider?.slug === c.provider.slug);
  expect(found, `${rule} on ${c.provider.slug}`).toHaveLength(1);
  return found[0]!;
}
const verdictOf = (rule: string, c: ConnectionUnderReview, expectedOrdersPerDay?: number) => itemOf(rule, c, expectedOrdersPerDay).verdict;
const rulesSaidAbout = (c: ConnectionUnderReview) =>
  evaluateReadiness(context([c])).items.filter((i) => i.provider?.slug === c.provider.slug).map((i) => i.rule);

const atIndiaTime = (day: string, hours: number) => dayStartMs(day) + hours * HOUR_MS;

describe("the rule registry", () => {
  it("has one rule per key, and each key is what its items carry", () => {
    const keys = READINESS_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const items = evaluateReadiness(context([connection(), whatsapp(), logistics(), marketplace()])).items;
    for (const item of items) expect(keys).toContain(item.rule);
  });

  it("says at most one thing per rule about each connection, so snapshots can be matched item by item", () => {
    const c = connection({
      openIncidents: [
        { title: "Card payments failing", impact: "partial_outage" },
        { title: "UPI slow", impact: "degraded_performance" },
      ],
      maintenance: [
        { title: "Gateway upgrade", fromMs: atIndiaTime("2027-10-20", 1), untilMs: atIndiaTime("2027-10-20", 3) },
        { title: "Database move", fromMs: atIndiaTime("2027-10-25", 1), untilMs: atIndiaTime("2027-10-25", 2) },
      ],
    });
    const keys = evaluateReadiness(context([c, whatsapp(), logistics()])).items.map(itemKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("connected", () => {
  it("fails a disconnected connection and says nothing else about its stale facts", () => {
    const c = connection({ state: "disconnected", credentialExpiresAtMs: NOW_MS - HOUR_MS, billingState: "past_due" });
    const item = itemOf("connected", c);
    expect(item.verdict).toBe("fail");
    expect(item.action?.en).toBe("cause:app-disconnected:payments");
    expect(rulesSaidAbout(c)).toEqual(["connected"]);
  });

  it("passes a connected one", () => {
    expect(verdictOf("connected", connection())).toBe("pass");
  });
});

describe("healthy now", () => {
  it("fails a connection whose checks are down, with the action for the cause of the failure", () => {
    const item = itemOf("healthy-now", connection({ health: { ...connection().health, checkState: "down", lastCause: "invalid-api-key" } }));
    expect(item.verdict).toBe("fail");
    expect(item.reason.en).toContain("The latest failure was classified as “name:invalid-api-key”.");
    expect(item.action?.en).toBe("cause:invalid-api-key:payments");
  });

  it("warns when degraded, and when not checked yet", () => {
    expect(verdictOf("healthy-now", connection({ health: { ...connection().health, checkState: "degraded" } }))).toBe("warning");
    const unknown = itemOf("healthy-now", connection({ health: { ...connection().health, checkState: "unknown" } }));
    expect(unknown.verdict).toBe("warning");
    expect(unknown.reason.en).toMatch(/^Not checked yet/);
    expect(verdictOf("healthy-now", connection({ health: { ...connection().health, checkState: null } }))).toBe("warning");
  });

  it("passes when the checks succeed", () => {
    expect(verdictOf("healthy-now", connection())).toBe("pass");
  });
});

describe("uptime over the last 30 days", () => {
  const withUptime = (up: number, counted: number, causes = {}) =>
    connection({ health: { checkState: "ok", lastCause: null, uptime30Days: { up, counted }, failureCauses30Days: causes } });

  it("passes at exactly 99% and warns just below", () => {
    expect(verdictOf("uptime-30-days", withUptime(990, 1000))).toBe("pass");
    expect(verdictOf("uptime-30-days", withUptime(989, 1000))).toBe("warning");
  });

  it("warns at exactly 95% and fails just below, naming the most frequent cause", () => {
    expect(verdictOf("uptime-30-days", withUptime(950, 1000))).toBe("warning");
    const item = itemOf("uptime-30-days", withUptime(949, 1000, { "network-or-technical-issue": 10, "expired-authentication": 41 }));
    expect(item.verdict).toBe("fail");
    expect(item.reason.en).toContain("94.90% of 1,000 checks");
    expect(item.reason.en).toContain("Most failures were classified as “name:expired-authentication”.");
    expect(item.action?.en).toBe("cause:expired-authentication:payments");
  });

  it("never rounds up to the threshold: 98.999% reads as 98.99% and warns", () => {
    const item = itemOf("uptime-30-days", withUptime(98_999, 100_000));
    expect(item.verdict).toBe("warning");
    expect(item.reason.en).toContain("98.99%");
  });

  it("warns when there is no data", () => {
    expect(verdictOf("uptime-30-days", withUptime(0, 0))).toBe("warning");
  });
});

describe("credentials valid through the period", () => {
  const expiring = (ms: number | null) => connection({ credentialExpiresAtMs: ms });

  it("fails credentials that expire the day before the period's last day", () => {
    const item = itemOf("credentials-valid", expiring(atIndiaTime("2027-10-30", 12)));
    expect(item.verdict).toBe("fail");
    expect(item.reason.en).toContain("expire on 30 Oct 2027, before the period ends on 31 Oct 2027");
    expect(item.action?.en).toBe("cause:expired-authentication:payments");
  });

  it("fails credentials that expire during the last day, one minute before midnight", () => {
    expect(verdictOf("credentials-valid", expiring(dayStartMs("2027-11-01") - 60_000))).toBe("fail");
  });

  it("passes credentials that expire the day after the period ends, even at its first moment", () => {
    expect(verdictOf("credentials-valid", expiring(dayStartMs("2027-11-01")))).toBe("pass");
    expect(verdictOf("credentials-valid", expiring(atIndiaTime("2027-11-01", 12)))).toBe("pass");
  });

  it("fails credentials that have already expired, and passes when no expiry is known", () => {
    expect(itemOf("credentials-valid", expiring(NOW_MS - HOUR_MS)).reason.en).toContain("expired on 2 Oct 2027");
    expect(verdictOf("credentials-valid", expiring(null))).toBe("pass");
  });
});

describe("plan and billing", () => {
  it("fails an overdue or expired account", () => {
    const pastDue = itemOf("plan-and-billing", connection({ billingState: "past_due" }));
    expect(pastDue.verdict).toBe("fail");
    expect(pastDue.action?.en).toBe("cause:provider-billing-issue:payments");
    const expired = itemOf("plan-and-billing", connection({ billingState: "expired" }));
    expect(expired.verdict).toBe("fail");
    expect(expired.action?.en).toBe("cause:provider-plan-expiry:payments");
  });

  it("treats the plan's end like credentials: the day before the last day fails, the day after passes", () => {
    expect(verdictOf("plan-and-billing", connection({ planExpiresAtMs: atIndiaTime("2027-10-30", 12) }))).toBe("fail");
    expect(verdictOf("plan-and-billing", connection({ planExpiresAtMs: atIndiaTime("2027-11-01", 12) }))).toBe("pass");
  });

  it("warns when billing is not known, or a trial has no end date", () => {
    expect(verdictOf("plan-and-billing", connection({ billingState: "unknown" }))).toBe("warning");
    expect(verdictOf("plan-and-billing", connection({ billingState: "trial" }))).toBe("warning");
    expect(verdictOf("plan-and-billing", connection({ billingState: "trial", planExpiresAtMs: atIndiaTime("2027-12-01", 0) }))).toBe("pass");
  });
});

describe("verification (KYC)", () => {
  it("fails pending KYC on a payment gateway, and only warns elsewhere", () => {
    expect(verdictOf("verification", connection({ verificationState: "pending" }))).toBe("fail");
    expect(verdictOf("verification", whatsapp({}, { verificationState: "pending" }))).toBe("warning");
  });

  it("fails a rejected account, warns when not known, passes verified or not required", () => {
    expect(verdictOf("verification", connection({ verificationState: "rejected" }))).toBe("fail");
    expect(verdictOf("verification", connection({ verificationState: "unknown" }))).toBe("warning");
    expect(verdictOf("verification", connection({ verificationState: "verified" }))).toBe("pass");
    expect(verdictOf("verification", logistics())).toBe("pass");
  });
});

describe("permissions", () => {
  it("fails and names the missing permissions", () => {
    const item = itemOf("permissions", connection({ permissions: ["payments:read", "payments:create"] }));
    expect(item.verdict).toBe("fail");
    expect(item.reason.en).toContain("refunds:create and webhooks:manage");
    expect(item.action?.en).toBe("cause:missing-permissions:payments");
  });

  it("passes with every required permission, extra ones allowed", () => {
    expect(verdictOf("permissions", connection({ permissions: [...connection().permissions, "settlements:read"] }))).toBe("pass");
  });
});

describe("WhatsApp", () => {
  const needed = PERIOD.expectedOrdersPerDay * MESSAGES_PER_ORDER;

  it("passes a daily limit exactly at the expected messages, and fails one below", () => {
    const exact = itemOf("whatsapp-daily-limit", whatsapp({ dailyMessagingLimit: needed }));
    expect(exact.verdict).toBe("pass");
    expect(exact.reason.en).toContain(`100 orders a day × ${MESSAGES_PER_ORDER} messages each = 200 messages a day`);
    const short = itemOf("whatsapp-daily-limit", whatsapp({ dailyMessagingLimit: needed - 1 }));
    expect(short.verdict).toBe("fail");
    expect(short.action?.en).toBe("action:messaging-limit-tier");
  });

  it("reads the connection's usage limit when the facts carry none, and warns when neither is known", () => {
    const { dailyMessagingLimit: _, ...withoutLimit } = whatsapp().facts;
    expect(verdictOf("whatsapp-daily-limit", whatsapp({}, { facts: withoutLimit, usageLimitPerDay: needed }))).toBe("pass");
    expect(verdictOf("whatsapp-daily-limit", whatsapp({}, { facts: withoutLimit }))).toBe("warning");
  });

  it("scales with the expected orders", () => {
    expect(verdictOf("whatsapp-daily-limit", whatsapp({ dailyMessagingLimit: 1_000 }), 500)).toBe("pass");
    expect(verdictOf("whatsapp-daily-limit", whatsapp({ dailyMessagingLimit: 1_000 }), 501)).toBe("fail");
  });

  it("fails with no approved template, warns while some wait for approval", () => {
    expect(verdictOf("whatsapp-templates", whatsapp({ templatesApproved: 0 }))).toBe("fail");
    expect(itemOf("whatsapp-templates", whatsapp({ templatesApproved: 4, templatesPending: 1 })).reason.en).toBe(
      "4 templates are approved and 1 is still waiting for approval.",
    );
    expect(verdictOf("whatsapp-templates", whatsapp({ templatesApproved: 4, templatesPending: 1 }))).toBe("warning");
    expect(verdictOf("whatsapp-templates", whatsapp({ templatesApproved: 1 }))).toBe("pass");
  });

  it("fails a phone number that is not connected", () => {
    expect(verdictOf("whatsapp-number", whatsapp({ phoneNumberStatus: "restricted" }))).toBe("fail");
    expect(verdictOf("whatsapp-number", whatsapp({ phoneNumberStatus: "pending" }))).toBe("fail");
    expect(verdictOf("whatsapp-number", whatsapp({ phoneNumberStatus: "connected" }))).toBe("pass");
  });

  it("does not ask a payment gateway about templates", () => {
    expect(rulesSaidAbout(connection())).not.toContain("whatsapp-templates");
  });
});

describe("logistics", () => {
  const perDayInr = PERIOD.expectedOrdersPerDay * SHIPPING_COST_PER_SHIPMENT_INR;
  const periodInr = perDayInr * PERIOD.days;

  it("passes a wallet with exactly enough for the period's shipments", () => {
    expect(PERIOD.days).toBe(16);
    const item = itemOf("shipping-wallet", logistics({ walletBalanceInr: periodInr }));
    expect(item.verdict).toBe("pass");
    expect(item.reason.en).toContain("100 shipments a day × 16 days × ₹60 a shipment = ₹96,000");
  });

  it("warns when the wallet covers a day or more but not the period, and fails below one day", () => {
    expect(verdictOf("shipping-wallet", logistics({ walletBalanceInr: periodInr - 1 }))).toBe("warning");
    const oneDay = itemOf("shipping-wallet", logistics({ walletBalanceInr: perDayInr }));
    expect(oneDay.verdict).toBe("warning");
    expect(oneDay.reason.en).toContain("lasts about 1 day");
    expect(verdictOf("shipping-wallet", logistics({ walletBalanceInr: perDayInr - 1 }))).toBe("fail");
    expect(verdictOf("shipping-wallet", logistics({ walletBalanceInr: undefined }))).toBe("warning");
  });

  it("fails an unverified pickup address", () => {
    expect(verdictOf("pickup-address", logistics({ pickupAddressVerified: false }))).toBe("fail");
    expect(verdictOf("pickup-address", logistics({ pickupAddressVerified: undefined }))).toBe("warning");
    expect(verdictOf("pickup-address", logistics())).toBe("pass");
  });
});

describe("marketplace sync", () => {
  const syncedAgo = (ms: number) => marketplace({ lastSuccessfulSyncAt: new Date(NOW_MS - ms).toISOString() });

  it("passes a sync exactly at the warning age and warns just after", () => {
    expect(verdictOf("marketplace-sync", syncedAgo(MARKETPLACE_SYNC_WARNING_AGE_MS))).toBe("pass");
    expect(verdictOf("marketplace-sync", syncedAgo(MARKETPLACE_SYNC_WARNING_AGE_MS + 1))).toBe("warning");
  });

  it("warns at exactly the fail age and fails just after", () => {
    expect(verdictOf("marketplace-sync", syncedAgo(MARKETPLACE_SYNC_FAIL_AGE_MS))).toBe("warning");
    const stale = itemOf("marketplace-sync", syncedAgo(MARKETPLACE_SYNC_FAIL_AGE_MS + 1));
    expect(stale.verdict).toBe("fail");
    expect(stale.reason.en).toContain("24 hours ago");
  });

  it("warns when no sync is on record", () => {
    expect(verdictOf("marketplace-sync", marketplace())).toBe("warning");
  });
});

describe("provider maintenance and incidents", () => {
  it("warns about maintenance inside the window, naming it and its times in India", () => {
    const item = itemOf(
      "provider-maintenance",
      connection({ maintenance: [{ title: "Gateway upgrade", fromMs: atIndiaTime("2027-10-20", 1), untilMs: atIndiaTime("2027-10-20", 3) }] }),
    );
    expect(item.verdict).toBe("warning");
    expect(item.reason.en).toContain("“Gateway upgrade” (20 Oct, 01:00 to 20 Oct, 03:00 IST)");
    expect(verdictOf("provider-maintenance", connection())).toBe("pass");
  });

  it("warns about an open incident and fails on a major outage", () => {
    const partial = itemOf("open-incidents", connection({ openIncidents: [{ title: "Card payments failing", impact: "partial_outage" }] }));
    expect(partial.verdict).toBe("warning");
    expect(partial.reason.en).toContain("“Card payments failing” (partial outage)");
    expect(partial.action?.en).toBe("cause:provider-downtime:payments");
    const major = connection({
      openIncidents: [
        { title: "UPI slow", impact: "degraded_performance" },
        { title: "Gateway down", impact: "major_outage" },
      ],
    });
    expect(verdictOf("open-incidents", major)).toBe("fail");
    expect(verdictOf("open-incidents", connection())).toBe("pass");
  });
});

describe("categories with no connected provider", () => {
  const coverage = (connections: ConnectionUnderReview[]) =>
    Object.fromEntries(evaluateReadiness(context(connections)).items.filter((i) => i.rule === "category-connected").map((i) => [i.category, i.verdict]));

  it("fails with no payment gateway or no logistics, and warns with no WhatsApp", () => {
    expect(coverage([])).toEqual({ payments: "fail", logistics: "fail", messaging: "warning" });
  });

  it("counts only connected providers", () => {
    expect(coverage([connection({ state: "disconnected" }), logistics(), whatsapp()])).toEqual({ payments: "fail", logistics: "pass", messaging: "pass" });
  });

  it("writes store-wide items without a provider", () => {
    const item = evaluateReadiness(context([])).items.find((i) => i.rule === "category-connected" && i.category === "payments")!;
    expect(item.provider).toBeUndefined();
    expect(item.reason.en).toMatch(/^No payment gateway is connected/);
  });
});

describe("order and score", () => {
  it("lists fails, then warnings, then passes; within a verdict by category, store-wide first, then provider name", () => {
    const items: ReadinessItemRecord[] = [
      { rule: "a", verdict: "pass", category: "payments", title: { en: "t" }, reason: { en: "r" } },
      { rule: "b", verdict: "warning", category: "logistics", provider: { slug: "z", name: "Zeta" }, title: { en: "t" }, reason: { en: "r" } },
      { rule: "c", verdict: "fail", category: "messaging", provider: { slug: "b", name: "Beta" }, title: { en: "t" }, reason: { en: "r" } },
      { rule: "d", verdict: "warning", category: "payments", provider: { slug: "y", name: "Yotta" }, title: { en: "t" }, reason: { en: "r" } },
      { rule: "e", verdict: "fail", category: "messaging", title: { en: "t" }, reason: { en: "r" } },
      { rule: "f", verdict: "fail", category: "messaging", provider: { slug: "a", name: "Alpha" }, title: { en: "t" }, reason: { en: "r" } },
    ];
    expect(orderItems(items).map((i) => i.rule)).toEqual(["e", "f", "c", "d", "b", "a"]);
  });

  it("orders a whole report by severity", () => {
    const { items } = evaluateReadiness(context([connection({ verificationState: "pending" }), whatsapp({ templatesPending: 2 })]));
    const ranks = items.map((i) => ["fail", "warning", "pass"].indexOf(i.verdict));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(items[0]!.verdict).toBe("fail");
  });

  it("starts at 100 and takes 20 for each fail and 5 for each warning, never below 0", () => {
    const of = (fail: number, warning: number, pass: number) =>
      readinessScore([
        ...Array.from({ length: fail }, () => ({ verdict: "fail" as const })),
        ...Array.from({ length: warning }, () => ({ verdict: "warning" as const })),
        ...Array.from({ length: pass }, () => ({ verdict: "pass" as const })),
      ]);
    expect(of(0, 0, 40)).toBe(100);
    expect(of(0, 1, 10)).toBe(95);
    expect(of(2, 3, 10)).toBe(45);
    expect(of(5, 0, 0)).toBe(0);
    expect(of(5, 1, 0)).toBe(0);
    expect(unclampedScore({ fail: 2, warning: 3, pass: 10 })).toBe(45);
    // The page writes the sum out as "= −5, shown as 0".
    expect(unclampedScore({ fail: 5, warning: 1, pass: 0 })).toBe(-5);
  });

  it("gives a store with everything in order 100", () => {
    const { items, score } = evaluateReadiness(
      context([connection(), logistics(), whatsapp(), marketplace({ lastSuccessfulSyncAt: new Date(NOW_MS - 60_000).toISOString() })]),
    );
    expect(items.filter((i) => i.verdict !== "pass")).toEqual([]);
    expect(score).toBe(100);
  });
});

describe("wording in every language", () => {
  /** Connections that make every rule speak, most of them about something wrong. */
  const troubled = () => [
    connection({ state: "disconnected" }),
    connection({
      credentialExpiresAtMs: NOW_MS + 2 * 24 * HOUR_MS,
      billingState: "unknown",
      verificationState: "pending",
      permissions: [],
      health: { checkState: "down", lastCause: "invalid-api-key", uptime30Days: { up: 900, counted: 1000 }, failureCauses30Days: { "invalid-api-key": 100 } },
      openIncidents: [{ title: "Card payments failing", impact: "major_outage" }],
      maintenance: [{ title: "Gateway upgrade", fromMs: atIndiaTime("2027-10-20", 1), untilMs: atIndiaTime("2027-10-20", 3) }],
    }),
    whatsapp({ phoneNumberStatus: "flagged", templatesApproved: 2, templatesPending: 3, dailyMessagingLimit: 10 }),
    logistics({ pickupAddressVerified: false, walletBalanceInr: 7_000 }),
    marketplace({ lastSuccessfulSyncAt: new Date(NOW_MS - 30 * HOUR_MS).toISOString() }),
  ];

  it("writes every item's title, reason and action in English, Hindi and Assamese, each in its own script", () => {
    const items = [...evaluateReadiness(context(troubled())).items, ...evaluateReadiness(context([])).items];
    const texts = items.flatMap((i) => [i.title, i.reason, ...(i.action ? [i.action] : [])]);
    // The guidance of these tests is English only where a real library would have all three.
    const ours = texts.filter((text) => !/^(action|cause):/.test(text.en));
    expect(ours.length).toBeGreaterThan(40);
    for (const text of ours) {
      expect(text.hi, text.en).toMatch(/[\u0900-\u097F]/);
      expect(text.as, text.en).toMatch(/[\u0980-\u09FF]/);
      expect(text.as, text.en).not.toMatch(/[\u09B0\u0900-\u0963\u0966-\u097F]/);
      for (const words of [text.en, text.hi, text.as]) expect(words, text.en).not.toMatch(/\{\{|\b[a-z]+[A-Z]\w*\.[a-z]/);
    }
  });

  it("writes dates and numbers each language's way, and passes the guidance's own translation through", () => {
    const item = itemOf("shipping-wallet", logistics({ walletBalanceInr: 7_000 }));
    expect(item.reason.hi).toContain("₹96,000");
    expect(item.reason.as).toContain("৯৬,০০০");
    const expiring = itemOf("credentials-valid", connection({ credentialExpiresAtMs: atIndiaTime("2027-10-30", 12) }));
    expect(expiring.reason.hi).toContain("30 अक्टू॰ 2027");
    expect(expiring.reason.as).toContain("৩০ অক্টো ২০২৭");
    const slow = itemOf("whatsapp-daily-limit", whatsapp({ dailyMessagingLimit: 10 }));
    expect(slow.action).toEqual({ en: "action:messaging-limit-tier", hi: "कदम:messaging-limit-tier" });
    const down = itemOf("healthy-now", connection({ health: { ...connection().health, checkState: "down", lastCause: "invalid-api-key" } }));
    expect(down.reason.hi).toContain("“नाम:invalid-api-key”");
    expect(down.reason.as).toContain("“name:invalid-api-key”");
  });
});
