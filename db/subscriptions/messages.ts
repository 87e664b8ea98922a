// What subscribers receive: emails in the subscriber's language (English, Hindi or
// Assamese; what ops or a provider wrote is shown as written) and the webhook's JSON body,
// shaped like Statuspage's. Every message names its event id, so a receiver can drop the
// rare second copy (docs/decisions/012).

import type { IncidentStatus, Locale, NotificationEventKind, ProviderImpact } from "../schema/enums";
import type { MaintenanceStatus } from "../health/maintenance-status";
import { STATUSPAGE_PAGE_ID, STATUSPAGE_PAGE_NAME, statuspageIds } from "../statuspage/shapes";
import { pageZoneIsoOrNull } from "../statuspage/timestamps";
import { PAGE_TIME_ZONE } from "../time";
import type { EventPayload, IncidentSnapshot, MaintenanceSnapshot } from "./payload";

const PAGE_NAME = STATUSPAGE_PAGE_NAME;

type AnnouncedKind = Exclude<NotificationEventKind, "subscription.confirm">;

interface Strings {
  subjects: Record<AnnouncedKind, (title: string) => string>;
  confirmSubject: string;
  confirmAgainSubject: string;
  allProviders: string;
  confirmIntro: (scope: string) => string;
  confirmLink: string;
  confirmIgnore: string;
  alreadyIntro: (scope: string) => string;
  status: string;
  providers: string;
  started: string;
  window: (from: string, until: string) => string;
  when: string;
  unconfirmedDetection: string;
  details: string;
  statusPage: string;
  footer: (scope: string) => string;
  manage: string;
  unsubscribe: string;
  incidentStatuses: Record<IncidentStatus, string>;
  maintenanceStatuses: Record<MaintenanceStatus, string>;
  impacts: Record<ProviderImpact, string>;
}

const STRINGS: Record<Locale, Strings> = {
  en: {
    subjects: {
      "incident.created": (t) => `Incident: ${t}`,
      "incident.updated": (t) => `Update: ${t}`,
      "incident.resolved": (t) => `Resolved: ${t}`,
      "maintenance.scheduled": (t) => `Scheduled maintenance: ${t}`,
      "maintenance.started": (t) => `Maintenance started: ${t}`,
      "maintenance.completed": (t) => `Maintenance completed: ${t}`,
    },
    confirmSubject: `Confirm your subscription to ${PAGE_NAME}`,
    confirmAgainSubject: `Your subscription to ${PAGE_NAME}`,
    allProviders: "all providers",
    confirmIntro: (scope) => `Please confirm that you want email updates from ${PAGE_NAME} about ${scope}.`,
    confirmLink: "Confirm your subscription:",
    confirmIgnore: "If you did not ask for this, ignore this email: nothing will be sent to you unless you confirm.",
    alreadyIntro: (scope) => `This address already receives updates about ${scope}. Someone asked to subscribe it again; nothing has changed.`,
    status: "Status",
    providers: "Affected providers",
    started: "Started",
    window: (from, until) => `${from} to ${until}`,
    when: "When",
    unconfirmedDetection: "Detected automatically by our monitoring; ShopIQ has not confirmed it yet.",
    details: "Details:",
    statusPage: "Status page:",
    footer: (scope) => `You receive this email because you subscribed to updates from ${PAGE_NAME} about ${scope}.`,
    manage: "Change your providers or language:",
    unsubscribe: "Unsubscribe:",
    incidentStatuses: { investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved", postmortem: "Postmortem" },
    maintenanceStatuses: { scheduled: "Scheduled", in_progress: "In progress", completed: "Completed" },
    impacts: { degraded_performance: "Degraded performance", partial_outage: "Partial outage", major_outage: "Major outage" },
  },
  hi: {
    subjects: {
      "incident.created": (t) => `घटना: ${t}`,
      "incident.updated": (t) => `अपडेट: ${t}`,
      "incident.resolved": (t) => `समाधान हो गया: ${t}`,
      "maintenance.scheduled": (t) => `निर्धारित मेंटेनेंस: ${t}`,
      "maintenance.started": (t) => `मेंटेनेंस शुरू हुआ: ${t}`,
      "maintenance.completed": (t) => `मेंटेनेंस पूरा हुआ: ${t}`,
    },
    confirmSubject: `${PAGE_NAME} की सदस्यता की पुष्टि करें`,
    confirmAgainSubject: `${PAGE_NAME} की आपकी सदस्यता`,
    allProviders: "सभी प्रोवाइडर",
    confirmIntro: (scope) => `कृपया पुष्टि करें कि आप ${scope} के बारे में ${PAGE_NAME} से ईमेल अपडेट पाना चाहते हैं।`,
    confirmLink: "अपनी सदस्यता की पुष्टि करें:",
    confirmIgnore: "अगर आपने यह अनुरोध नहीं किया है, तो इस ईमेल को अनदेखा करें: पुष्टि किए बिना आपको कुछ नहीं भेजा जाएगा।",
    alreadyIntro: (scope) => `इस पते पर पहले से ${scope} के बारे में अपडेट आते हैं। किसी ने इसे दोबारा सब्सक्राइब करने का अनुरोध किया; कुछ नहीं बदला है।`,
    status: "स्थिति",
    providers: "प्रभावित प्रोवाइडर",
    started: "शुरुआत",
    window: (from, until) => `${from} से ${until} तक`,
    when: "समय",
    unconfirmedDetection: "हमारी मॉनिटरिंग ने इसे अपने-आप पहचाना है; ShopIQ ने अभी इसकी पुष्टि नहीं की है।",
    details: "पूरी जानकारी:",
    statusPage: "स्टेटस पेज:",
    footer: (scope) => `आपको यह ईमेल इसलिए मिला है क्योंकि आपने ${scope} के बारे में ${PAGE_NAME} के अपडेट की सदस्यता ली है।`,
    manage: "अपने प्रोवाइडर या भाषा बदलें:",
    unsubscribe: "सदस्यता समाप्त करें:",
    incidentStatuses: { investigating: "जाँच जारी है", identified: "कारण पता चला", monitoring: "निगरानी जारी है", resolved: "समाधान हो गया", postmortem: "घटना की समीक्षा" },
    maintenanceStatuses: { scheduled: "निर्धारित", in_progress: "जारी है", completed: "पूरा हुआ" },
    impacts: { degraded_performance: "धीमा प्रदर्शन", partial_outage: "आंशिक आउटेज", major_outage: "बड़ा आउटेज" },
  },
  as: {
    subjects: {
      "incident.created": (t) => `ঘটনা: ${t}`,
      "incident.updated": (t) => `আপডেট: ${t}`,
      "incident.resolved": (t) => `সমাধান হ'ল: ${t}`,
      "maintenance.scheduled": (t) => `নিৰ্ধাৰিত মেইণ্টেনেন্স: ${t}`,
      "maintenance.started": (t) => `মেইণ্টেনেন্স আৰম্ভ হ'ল: ${t}`,
      "maintenance.completed": (t) => `মেইণ্টেনেন্স সম্পূৰ্ণ হ'ল: ${t}`,
    },
    confirmSubject: `${PAGE_NAME}ৰ গ্ৰাহকভুক্তি নিশ্চিত কৰক`,
    confirmAgainSubject: `${PAGE_NAME}ত আপোনাৰ গ্ৰাহকভুক্তি`,
    allProviders: "সকলো প্ৰদানকাৰী",
    confirmIntro: (scope) => `আপুনি ${scope} সম্পৰ্কে ${PAGE_NAME}ৰ পৰা ইমেইলত আপডেট পাব বিচাৰে বুলি অনুগ্ৰহ কৰি নিশ্চিত কৰক।`,
    confirmLink: "আপোনাৰ গ্ৰাহকভুক্তি নিশ্চিত কৰক:",
    confirmIgnore: "আপুনি যদি এই অনুৰোধ কৰা নাই, তেন্তে এই ইমেইলটো আওকাণ কৰক: নিশ্চিত নকৰিলে আপোনালৈ একো পঠিওৱা নহ'ব।",
    alreadyIntro: (scope) => `এই ঠিকনাই ইতিমধ্যে ${scope} সম্পৰ্কে আপডেট পায়। কোনোবাই ইয়াক পুনৰ গ্ৰাহকভুক্ত কৰিবলৈ অনুৰোধ কৰিছে; একো সলনি হোৱা নাই।`,
    status: "স্থিতি",
    providers: "প্ৰভাৱিত প্ৰদানকাৰী",
    started: "আৰম্ভ",
    window: (from, until) => `${from}ৰ পৰা ${until}লৈ`,
    when: "সময়",
    unconfirmedDetection: "আমাৰ মনিটৰিঙে ইয়াক স্বয়ংক্ৰিয়ভাৱে ধৰা পেলাইছে; ShopIQ-এ এতিয়াও ইয়াক নিশ্চিত কৰা নাই।",
    details: "সবিশেষ:",
    statusPage: "ষ্টেটাছ পৃষ্ঠা:",
    footer: (scope) => `আপুনি ${scope} সম্পৰ্কে ${PAGE_NAME}ৰ আপডেটৰ বাবে গ্ৰাহকভুক্ত হোৱা বাবে এই ইমেইল পাইছে।`,
    manage: "আপোনাৰ প্ৰদানকাৰী বা ভাষা সলনি কৰক:",
    unsubscribe: "গ্ৰাহকভুক্তি বাতিল কৰক:",
    incidentStatuses: { investigating: "অনুসন্ধান চলি আছে", identified: "কাৰণ চিনাক্ত কৰা হৈছে", monitoring: "নিৰীক্ষণ চলি আছে", resolved: "সমাধান হ'ল", postmortem: "পৰৱৰ্তী পৰ্যালোচনা" },
    maintenanceStatuses: { scheduled: "নিৰ্ধাৰিত", in_progress: "চলি আছে", completed: "সম্পূৰ্ণ হ'ল" },
    impacts: { degraded_performance: "লেহেমীয়া কাৰ্যক্ষমতা", partial_outage: "আংশিক বিভ্ৰাট", major_outage: "ডাঙৰ বিভ্ৰাট" },
  },
};

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant in India time, in the subscriber's language, with the zone named. */
function formatTime(locale: Locale, ms: number): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(`${locale}-IN`, { timeZone: PAGE_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
    dateTimeFormats.set(locale, format);
  }
  return `${format.format(ms)} IST`;
}

export interface MessageLinks {
  /** The status page's own address, without a trailing slash. */
  baseUrl: string;
  confirmUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

export interface EmailRecipient {
  locale: Locale;
  confirmed: boolean;
  /** The names of the providers chosen; empty for all providers. */
  providerNames: string[];
}

export interface EmailContent {
  subject: string;
  text: string;
}

function incidentLines(s: Strings, locale: Locale, i: IncidentSnapshot, baseUrl: string): string[] {
  return [
    `${s.status}: ${s.incidentStatuses[i.update.status]}`,
    `${s.providers}: ${i.providers.map((p) => `${p.name} (${s.impacts[p.impact]})`).join(", ")}`,
    `${s.started}: ${formatTime(locale, i.startedAtMs)}`,
    ...(i.unconfirmedDetection ? ["", s.unconfirmedDetection] : []),
    "",
    i.update.body,
    "",
    `${s.details} ${baseUrl}/incidents/${i.id}`,
  ];
}

function maintenanceLines(s: Strings, locale: Locale, m: MaintenanceSnapshot, baseUrl: string): string[] {
  return [
    `${s.status}: ${s.maintenanceStatuses[m.status]}`,
    `${s.providers}: ${m.providers.map((p) => p.name).join(", ")}`,
    `${s.when}: ${s.window(formatTime(locale, m.scheduledForMs), formatTime(locale, m.scheduledUntilMs))}`,
    ...(m.description ? ["", m.description] : []),
    "",
    `${s.statusPage} ${baseUrl}/`,
  ];
}

const subjectOf = (s: Strings, kind: NotificationEventKind, title: string) => (kind === "subscription.confirm" ? s.confirmSubject : s.subjects[kind](title));

/** The email for one event, in the recipient's language, always ending with the manage and unsubscribe links. */
export function renderEmail(event: { kind: NotificationEventKind; payload: EventPayload }, to: EmailRecipient, links: MessageLinks): EmailContent {
  const s = STRINGS[to.locale];
  const scope = to.providerNames.length === 0 ? s.allProviders : to.providerNames.join(", ");
  const footer = ["", "—", s.footer(scope), `${s.manage} ${links.manageUrl}`, `${s.unsubscribe} ${links.unsubscribeUrl}`];
  const payload = event.payload;
  switch (payload.type) {
    case "confirmation":
      return to.confirmed
        ? { subject: s.confirmAgainSubject, text: [s.alreadyIntro(scope), ...footer].join("\n") }
        : { subject: s.confirmSubject, text: [s.confirmIntro(scope), "", s.confirmLink, links.confirmUrl, "", s.confirmIgnore, ...footer].join("\n") };
    case "incident":
      return {
        subject: subjectOf(s, event.kind, payload.incident.title),
        text: [payload.incident.title, "", ...incidentLines(s, to.locale, payload.incident, links.baseUrl), ...footer].join("\n"),
      };
    case "maintenance":
      return {
        subject: subjectOf(s, event.kind, payload.maintenance.title),
        text: [payload.maintenance.title, "", ...maintenanceLines(s, to.locale, payload.maintenance, links.baseUrl), ...footer].join("\n"),
      };
  }
}

/** The id every message of an event carries, whoever receives it and however often it is retried. */
export const publicEventId = (eventId: number) => `evt_${eventId}`;

/**
 * The webhook's JSON body, with the ids and times of the Statuspage-compatible API (so a
 * receiver can look the incident up there). `id` is the event's: the same in every retry
 * and for every subscriber, which is what a receiver keys its deduplication on.
 */
export function webhookBody(event: { id: number; kind: NotificationEventKind; createdAtMs: number; payload: EventPayload }, baseUrl: string): string {
  const payload = event.payload;
  const subject =
    payload.type === "incident"
      ? {
          incident: {
            id: statuspageIds.incident(payload.incident.id),
            name: payload.incident.title,
            status: payload.incident.status,
            impact: payload.incident.impact,
            unconfirmed_detection: payload.incident.unconfirmedDetection,
            started_at: pageZoneIsoOrNull(payload.incident.startedAtMs),
            resolved_at: pageZoneIsoOrNull(payload.incident.resolvedAtMs),
            shortlink: `${baseUrl}/incidents/${payload.incident.id}`,
            components: payload.incident.providers.map((p) => ({ id: statuspageIds.provider(p.slug), name: p.name, status: p.impact })),
            incident_updates: [
              {
                id: statuspageIds.incidentUpdate(payload.incident.update.id),
                status: payload.incident.update.status,
                body: payload.incident.update.body,
                created_at: pageZoneIsoOrNull(payload.incident.update.createdAtMs),
              },
            ],
          },
        }
      : payload.type === "maintenance"
        ? {
            maintenance: {
              id: statuspageIds.maintenance(payload.maintenance.id),
              name: payload.maintenance.title,
              status: payload.maintenance.status,
              description: payload.maintenance.description,
              scheduled_for: pageZoneIsoOrNull(payload.maintenance.scheduledForMs),
              scheduled_until: pageZoneIsoOrNull(payload.maintenance.scheduledUntilMs),
              shortlink: `${baseUrl}/`,
              components: payload.maintenance.providers.map((p) => ({ id: statuspageIds.provider(p.slug), name: p.name })),
            },
          }
        : {};
  return JSON.stringify({
    id: publicEventId(event.id),
    type: event.kind,
    created_at: pageZoneIsoOrNull(event.createdAtMs),
    page: { id: STATUSPAGE_PAGE_ID, name: PAGE_NAME, url: baseUrl },
    ...subject,
  });
}
