import type { CauseSlug, IncidentStatus, ProviderImpact } from "../schema/enums";

// What happened in the demo's 90 days, relative to the moment the demo is seeded. Each
// outage shows in the provider's checks, in its merchants' connections and as an
// incident with a full timeline; `openForMs` marks the one still open.

export interface DemoOutage {
  provider: string;
  /** Checks of the provider that fail; all of them when omitted. */
  checks?: string[];
  daysAgo: number;
  /** Local time of day the outage starts, as hours (9.5 = 09:30). */
  startHour: number;
  durationMinutes: number;
  impact: ProviderImpact;
  cause: CauseSlug;
  workflows: string[];
  title: string;
  source: "ops" | "upstream";
  /** Bodies of the updates: investigating, identified, monitoring, resolved. */
  updates: Partial<Record<IncidentStatus, string>>;
  /** When set, the outage started this long before the seed and is still going. */
  openForMs?: number;
}

export interface DemoMaintenance {
  providers: string[];
  /** Negative for a window in the past. */
  daysFromNow: number;
  startHour: number;
  durationMinutes: number;
  title: string;
  description: string;
}

export const DEMO_OUTAGES: DemoOutage[] = [
  {
    provider: "razorpay",
    checks: ["razorpay-checkout"],
    daysAgo: 61,
    startHour: 11.3,
    durationMinutes: 95,
    impact: "partial_outage",
    cause: "provider-downtime",
    workflows: ["online-checkout-payments"],
    title: "UPI payments failing for some customers on Razorpay",
    source: "upstream",
    updates: {
      investigating: "Razorpay reports elevated failures for UPI payments. Some customers may see their payment fail or stay pending at checkout.",
      identified: "Razorpay has identified a problem with one of its UPI partner banks and is routing payments away from it.",
      monitoring: "UPI success rates are back to normal levels. We are watching checkout payments closely.",
      resolved: "UPI payments through Razorpay are working normally again. Payments that stayed pending are being settled or refunded by Razorpay automatically.",
    },
  },
  {
    provider: "shiprocket",
    daysAgo: 47,
    startHour: 14.1,
    durationMinutes: 190,
    impact: "major_outage",
    cause: "provider-downtime",
    workflows: ["shipment-creation", "pickup-scheduling"],
    title: "Shiprocket API unavailable: shipments and pickups cannot be created",
    source: "ops",
    updates: {
      investigating: "Orders are not being pushed to Shiprocket and new shipments cannot be created. We are checking with Shiprocket.",
      identified: "Shiprocket has confirmed an outage of its API. Shipment creation and pickup requests from every store are affected.",
      monitoring: "Shiprocket's API is answering again. Orders that failed are being retried automatically.",
      resolved: "Shipment creation and pickup scheduling are working normally. If an order from this period still has no AWB, create the shipment again from the order page.",
    },
  },
  {
    provider: "meta-whatsapp-cloud-api",
    daysAgo: 33,
    startHour: 19.7,
    durationMinutes: 70,
    impact: "partial_outage",
    cause: "provider-downtime",
    workflows: ["customer-order-messages", "whatsapp-campaigns"],
    title: "WhatsApp messages delayed or failing to send",
    source: "ops",
    updates: {
      investigating: "Order confirmation and shipping messages on WhatsApp are delayed for some stores.",
      identified: "Meta is seeing errors on the WhatsApp Cloud API in the Asia region. Messages are being queued.",
      monitoring: "Queued messages are being delivered. Some customers may receive their updates late.",
      resolved: "WhatsApp messages are being delivered normally.",
    },
  },
  {
    provider: "amazon-seller-central",
    daysAgo: 26,
    startHour: 9,
    durationMinutes: 300,
    impact: "degraded_performance",
    cause: "provider-api-change",
    workflows: ["marketplace-order-sync"],
    title: "Amazon orders syncing slowly after a marketplace API change",
    source: "ops",
    updates: {
      investigating: "New Amazon orders are taking longer than usual to appear in ShopIQ.",
      identified: "Amazon changed the response of its orders API. We are updating the integration to match.",
      monitoring: "The integration has been updated and the backlog of orders is syncing.",
      resolved: "Amazon orders are syncing on time again. No orders were lost.",
    },
  },
  {
    provider: "cashfree",
    daysAgo: 18,
    startHour: 21.25,
    durationMinutes: 40,
    impact: "major_outage",
    cause: "provider-downtime",
    workflows: ["online-checkout-payments", "refunds-and-settlements"],
    title: "Cashfree payments unavailable",
    source: "ops",
    updates: {
      investigating: "Payments through Cashfree are failing at checkout for all stores.",
      identified: "Cashfree has confirmed an outage on its payment API.",
      monitoring: "Payments are going through again. We are monitoring success rates.",
      resolved: "Cashfree payments are working. Check your Cashfree dashboard for payments made during the outage before you fulfil those orders.",
    },
  },
  {
    provider: "delhivery",
    daysAgo: 11,
    startHour: 8.5,
    durationMinutes: 150,
    impact: "degraded_performance",
    cause: "data-sync-delay",
    workflows: ["tracking-updates"],
    title: "Tracking updates delayed for Delhivery shipments",
    source: "ops",
    updates: {
      investigating: "Tracking status of Delhivery shipments is not updating in ShopIQ.",
      identified: "Delhivery's tracking feed is running behind. Shipments are moving; only the updates are late.",
      monitoring: "Tracking updates are catching up.",
      resolved: "Tracking updates are on time again.",
    },
  },
  {
    provider: "google-analytics-4",
    daysAgo: 6,
    startHour: 3,
    durationMinutes: 240,
    impact: "degraded_performance",
    cause: "data-sync-delay",
    workflows: ["traffic-reporting"],
    title: "Google Analytics 4 reports delayed",
    source: "ops",
    updates: {
      investigating: "Traffic reports in Google Analytics 4 are not showing today's visits.",
      identified: "Google reports a delay in data processing. Data is being collected and will appear later.",
      resolved: "Reports are up to date again. No data was lost.",
    },
  },
  {
    provider: "payu",
    daysAgo: 2,
    startHour: 13.15,
    durationMinutes: 55,
    impact: "partial_outage",
    cause: "provider-downtime",
    workflows: ["online-checkout-payments"],
    title: "Card payments failing on PayU",
    source: "ops",
    updates: {
      investigating: "Some card payments through PayU are failing at checkout.",
      identified: "PayU has identified a problem with one card network and is fixing it.",
      monitoring: "Card payments are succeeding again.",
      resolved: "Card payments through PayU are working normally.",
    },
  },
  {
    provider: "phonepe-pg",
    checks: ["phonepe-pg-checkout"],
    daysAgo: 0,
    startHour: 0,
    durationMinutes: 0,
    openForMs: 95 * 60_000,
    impact: "partial_outage",
    cause: "provider-downtime",
    workflows: ["online-checkout-payments"],
    title: "UPI payments failing or pending on PhonePe Payment Gateway",
    source: "ops",
    updates: {
      investigating: "Some customers paying by UPI through PhonePe Payment Gateway see their payment fail or stay pending. We are checking with PhonePe.",
      identified: "PhonePe has confirmed a problem on its UPI payment service and is working on a fix. Card and netbanking payments are not affected.",
    },
  },
];

export const DEMO_MAINTENANCES: DemoMaintenance[] = [
  {
    providers: ["razorpay"],
    daysFromNow: -20,
    startHour: 2,
    durationMinutes: 60,
    title: "Razorpay scheduled maintenance",
    description: "Razorpay upgraded its payment systems. Payments could fail briefly during the window.",
  },
  {
    providers: ["delhivery"],
    daysFromNow: 3,
    startHour: 1,
    durationMinutes: 120,
    title: "Delhivery shipment API maintenance",
    description: "Delhivery will upgrade its shipment APIs. New shipments and pickups cannot be created during the window; create them before or after.",
  },
  {
    providers: ["gupshup"],
    daysFromNow: 9,
    startHour: 0.5,
    durationMinutes: 60,
    title: "Gupshup messaging platform upgrade",
    description: "WhatsApp messages sent through Gupshup may be delayed by a few minutes during the window.",
  },
];
