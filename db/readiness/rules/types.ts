// What a readiness rule sees and returns. The report gathers these facts once for the
// merchant; each rule only reads them, so rules are plain functions that tests can call
// with facts built by hand.

import type { UptimeCounts } from "../../health/uptime";
import type {
  BillingState,
  CategorySlug,
  CauseSlug,
  CheckState,
  ConnectionState,
  ProviderImpact,
  VerificationState,
} from "../../schema/enums";
import type { CauseCounts, ConnectionFacts, LocalizedText, ReadinessItemRecord } from "../../schema/types";
import { inEveryLanguage, type ItemText } from "./wording";

export interface ReadinessPeriod {
  startsOn: string;
  endsOn: string;
  expectedOrdersPerDay: number;
}

/** The period with the instants and length the rules compare against. */
export interface PeriodUnderReview extends ReadinessPeriod {
  /** The start of the first day, in India. */
  fromMs: number;
  /** The end of the last day (the start of the day after), in India. */
  toMs: number;
  days: number;
}

export interface ConnectionUnderReview {
  connectionId: number;
  provider: { id: number; slug: string; name: string };
  category: CategorySlug;
  state: ConnectionState;
  credentialExpiresAtMs: number | null;
  billingState: BillingState;
  planExpiresAtMs: number | null;
  verificationState: VerificationState;
  permissions: string[];
  usageLimitPerDay: number | null;
  facts: ConnectionFacts;
  health: {
    /** The worst confirmed state of the connection's checks; null when nothing checks it. */
    checkState: CheckState | null;
    /** Why the latest failing result failed, when it did. */
    lastCause: CauseSlug | null;
    uptime30Days: UptimeCounts;
    failureCauses30Days: CauseCounts;
  };
  /** The provider's maintenance windows that overlap the period. */
  maintenance: { title: string; fromMs: number; untilMs: number }[];
  /** The provider's open public incidents and their impact on it. */
  openIncidents: { title: string; impact: ProviderImpact }[];
}

/** The merchant guidance (recommended actions), as the rules look it up, in every language it is written in. */
export interface Guidance {
  /** The action with this slug, if the library still has it. */
  action(slug: string): LocalizedText | undefined;
  /** The first action for this cause: one narrowed to the category first, then a general one. */
  forCause(cause: CauseSlug, category: CategorySlug): LocalizedText | undefined;
  /** The cause's name as the help page writes it ("Invalid API key"). */
  causeName(cause: CauseSlug): LocalizedText;
}

export interface ReadinessContext {
  period: PeriodUnderReview;
  nowMs: number;
  connections: ConnectionUnderReview[];
  guidance: Guidance;
}

export interface ReadinessRule {
  /** Stable: saved with every item and used to match items when two snapshots are compared. */
  key: string;
  evaluate: (context: ReadinessContext) => ReadinessItemRecord[];
}

/** A rule's finding about one connection, worded once; the rule's key, the category, the provider and the languages are added for it. */
export interface Finding {
  verdict: ReadinessItemRecord["verdict"];
  title: ItemText;
  reason: ItemText;
  action?: ItemText;
}

/**
 * A rule that looks at each connection on its own. A disconnected connection's other facts
 * are stale, so only the connection rule itself looks at it.
 */
export function connectionRule(
  key: string,
  check: (connection: ConnectionUnderReview, context: ReadinessContext) => Finding | null,
  options: { includeDisconnected?: boolean } = {},
): ReadinessRule {
  return {
    key,
    evaluate: (context) =>
      context.connections
        .filter((c) => options.includeDisconnected || c.state === "connected")
        .flatMap((c) => {
          const finding = check(c, context);
          if (!finding) return [];
          const item: ReadinessItemRecord = {
            rule: key,
            verdict: finding.verdict,
            category: c.category,
            provider: { slug: c.provider.slug, name: c.provider.name },
            title: inEveryLanguage(finding.title),
            reason: inEveryLanguage(finding.reason),
          };
          if (finding.action) item.action = inEveryLanguage(finding.action);
          return [item];
        }),
  };
}
