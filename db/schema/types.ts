import type { CategorySlug, CauseSlug, ReadinessVerdict } from "./enums";

/** Text a merchant reads, in English and, where translated, Hindi and Assamese. */
export interface LocalizedText {
  en: string;
  hi?: string;
  as?: string;
}

/** Category-specific facts about a connection that decide whether it can work. */
export interface ConnectionFacts {
  enabledPaymentMethods?: string[];
  settlementAlerts?: boolean;
  pickupAddressVerified?: boolean;
  serviceablePincodes?: number;
  walletBalanceInr?: number;
  codEnabled?: boolean;
  phoneNumberStatus?: "connected" | "flagged" | "restricted" | "pending";
  templatesApproved?: number;
  templatesPending?: number;
  dailyMessagingLimit?: number;
  consentCollection?: boolean;
  lastSuccessfulSyncAt?: string;
}

export type CauseCounts = Partial<Record<CauseSlug, number>>;

/** One line of a readiness report as it was saved: what was checked, the verdict, why, and what to do, in every language. */
export interface ReadinessItemRecord {
  /** The rule's key in the readiness registry (`credentials-valid`, `whatsapp-daily-limit`…). */
  rule: string;
  verdict: ReadinessVerdict;
  category: CategorySlug;
  /** Absent for category-wide items (no payment gateway connected at all). */
  provider?: { slug: string; name: string };
  title: LocalizedText;
  reason: LocalizedText;
  action?: LocalizedText;
}

/** An item as the database may hold it: reports saved before they spoke Hindi and Assamese kept English text only. */
export type StoredReadinessItem = Omit<ReadinessItemRecord, "title" | "reason" | "action"> & {
  title: string | LocalizedText;
  reason: string | LocalizedText;
  action?: string | LocalizedText;
};
