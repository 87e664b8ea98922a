import type { CauseSlug } from "./enums";

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
