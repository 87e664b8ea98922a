// What a merchant reads about why one of their connections fails, in plain words that
// name the provider, in each language the pages speak (decision 013). No database code,
// so tests and pages can import it too (decision 009). Whose side a cause is on is an
// interface word, in app/i18n/locales (`causeSide`).

import type { CauseSlug, Locale } from "../schema/enums";
import type { LocalizedText } from "../schema/types";

/** `{provider}` stands for the provider's name, which stays as the provider writes it. */
export const CAUSE_SENTENCE_TEMPLATES = {
  "provider-downtime": {
    en: "{provider} is having problems on its side.",
    hi: "{provider} की अपनी सेवा में समस्या चल रही है।",
    as: "{provider}-ৰ নিজৰ সেৱাত সমস্যা হৈছে।",
  },
  "expired-authentication": {
    en: "Your {provider} API token or login has expired.",
    hi: "आपके {provider} API टोकन या लॉगिन की अवधि समाप्त हो गई है।",
    as: "আপোনাৰ {provider} API টোকেন বা লগইনৰ ম্যাদ উকলি গৈছে।",
  },
  "invalid-api-key": {
    en: "The {provider} API key saved in ShopIQ is not valid.",
    hi: "ShopIQ में सेव की गई {provider} API key मान्य नहीं है।",
    as: "ShopIQ-ত ছেভ কৰি ৰখা {provider} API key বৈধ নহয়।",
  },
  "changed-account-access": {
    en: "The password or access to your {provider} account has changed.",
    hi: "आपके {provider} अकाउंट का पासवर्ड या एक्सेस बदल गया है।",
    as: "আপোনাৰ {provider} একাউণ্টৰ পাছৱৰ্ড বা এক্সেছ সলনি হৈছে।",
  },
  "missing-permissions": {
    en: "ShopIQ is missing permissions it needs in your {provider} account.",
    hi: "आपके {provider} अकाउंट में ShopIQ के पास ज़रूरी अनुमतियाँ नहीं हैं।",
    as: "আপোনাৰ {provider} একাউণ্টত ShopIQ-ৰ প্ৰয়োজনীয় অনুমতি নাই।",
  },
  "provider-billing-issue": {
    en: "Your {provider} account has an unpaid bill or too low a balance.",
    hi: "आपके {provider} अकाउंट में कोई बिल बकाया है या बैलेंस बहुत कम है।",
    as: "আপোনাৰ {provider} একাউণ্টত কোনো বিল বাকী আছে বা বেলেঞ্চ অতি কম।",
  },
  "provider-plan-expiry": {
    en: "Your {provider} plan or trial has ended.",
    hi: "आपका {provider} प्लान या ट्रायल समाप्त हो गया है।",
    as: "আপোনাৰ {provider} প্লান বা ট্ৰায়েলৰ ম্যাদ শেষ হৈছে।",
  },
  "account-verification": {
    en: "Your KYC or business verification at {provider} is not complete.",
    hi: "{provider} पर आपका KYC या बिज़नेस वेरिफ़िकेशन पूरा नहीं हुआ है।",
    as: "{provider}-ত আপোনাৰ KYC বা ব্যৱসায় সত্যাপন সম্পূৰ্ণ হোৱা নাই।",
  },
  "policy-restriction": {
    en: "{provider} has restricted your account or content under one of its policies.",
    hi: "{provider} ने अपनी किसी नीति के तहत आपके अकाउंट या कंटेंट पर रोक लगाई है।",
    as: "{provider}-এ নিজৰ কোনো নীতিৰ অধীনত আপোনাৰ একাউণ্ট বা সমল সীমিত কৰিছে।",
  },
  "app-disconnected": {
    en: "The ShopIQ app is disconnected from your {provider} account.",
    hi: "ShopIQ ऐप आपके {provider} अकाउंट से डिस्कनेक्ट हो गया है।",
    as: "ShopIQ এপ আপোনাৰ {provider} একাউণ্টৰ পৰা বিচ্ছিন্ন হৈ আছে।",
  },
  "connected-app-limit": {
    en: "Your {provider} account has reached its limit of connected apps or API calls.",
    hi: "आपका {provider} अकाउंट कनेक्टेड ऐप या API कॉल की सीमा तक पहुँच गया है।",
    as: "আপোনাৰ {provider} একাউণ্টত সংযুক্ত এপ বা API কলৰ সীমা পূৰ হৈ গৈছে।",
  },
  "incorrect-configuration": {
    en: "A setting does not match between ShopIQ and your {provider} account.",
    hi: "ShopIQ और आपके {provider} अकाउंट के बीच कोई सेटिंग मेल नहीं खाती।",
    as: "ShopIQ আৰু আপোনাৰ {provider} একাউণ্টৰ মাজত কোনো ছেটিং মিল নাখায়।",
  },
  "data-sync-delay": {
    en: "Data between ShopIQ and {provider} is arriving late.",
    hi: "ShopIQ और {provider} के बीच डेटा देर से पहुँच रहा है।",
    as: "ShopIQ আৰু {provider}-ৰ মাজত ডেটা পলমকৈ আহি আছে।",
  },
  "provider-api-change": {
    en: "{provider} changed its system, and the integration needs an update.",
    hi: "{provider} ने अपना सिस्टम बदला है, और इंटीग्रेशन को अपडेट करना होगा।",
    as: "{provider}-এ নিজৰ ছিষ্টেম সলনি কৰিছে, আৰু ইণ্টিগ্ৰেচনটো আপডেট কৰিব লাগিব।",
  },
  "network-or-technical-issue": {
    en: "A network or technical fault is interrupting the connection to {provider}.",
    hi: "किसी नेटवर्क या तकनीकी खराबी से {provider} के साथ कनेक्शन में रुकावट आ रही है।",
    as: "নেটৱৰ্ক বা কাৰিকৰী বিজুতিৰ বাবে {provider}-ৰ সৈতে সংযোগত বাধা পৰিছে।",
  },
} as const satisfies Record<CauseSlug, Record<Locale, string>>;

/** The cause in plain words in every language, naming the provider. */
export function causeSentence(slug: CauseSlug, providerName: string): LocalizedText {
  const templates = CAUSE_SENTENCE_TEMPLATES[slug];
  return {
    en: templates.en.replaceAll("{provider}", providerName),
    hi: templates.hi.replaceAll("{provider}", providerName),
    as: templates.as.replaceAll("{provider}", providerName),
  };
}
