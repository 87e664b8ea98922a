// The delivery worker: polls the outbox, sends what is due (a few at a time), and records
// each outcome. It also announces maintenance windows starting and ending, which happen by
// the clock with no write to record them, and prunes the outbox now and then. Stopping it
// lets the sends in flight finish and be recorded, so a restart does not send them again.

import { dirname, join } from "node:path";
import type { Env } from "../app/env.server";
import { databasePath, type Executor } from "../db/client";
import type { Keyring } from "../db/credentials/keyring";
import { scanMaintenancePhases } from "../db/subscriptions/events";
import { publicEventId, renderEmail, webhookBody } from "../db/subscriptions/messages";
import {
  cancellationReason,
  claimDueDeliveries,
  pruneOutbox,
  recordDeliveryOutcome,
  type ClaimedDelivery,
  type DeliveryOutcome,
} from "../db/subscriptions/outbox";
import { loadRecipient, type Recipient } from "../db/subscriptions/recipient";
import { HOUR_MS } from "../db/time";
import type { Log } from "./boot";
import { fileMailSender, MailSendError, smtpMailSender, type MailSender } from "./mail-sender";
import { postWebhook, WEBHOOK_TIMEOUT_MS, webhookSignature } from "./webhook-sender";

export const DELIVERY_POLL_INTERVAL_MS = 1_000;
export const DELIVERY_CONCURRENCY = 4;
export const MAINTENANCE_SCAN_INTERVAL_MS = 30_000;
export const OUTBOX_PRUNE_INTERVAL_MS = HOUR_MS;
const USER_AGENT = "ShopIQ-Integration-Status-Webhooks/1.0";

export interface DeliveryWorkerOptions {
  db: Executor;
  keyring: Keyring;
  mail: MailSender;
  /** The status page's address for links in messages, without a trailing slash. */
  publicBaseUrl: string;
  log: Log;
  /** The clock and the jitter; tests drive both. */
  now?: () => number;
  random?: () => number;
  allowPrivateWebhookTargets?: boolean;
  webhookTimeoutMs?: number;
  pollIntervalMs?: number;
  concurrency?: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DeliveryWorker {
  private readonly now: () => number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;
  private lastScanMs = Number.NEGATIVE_INFINITY;
  private lastPruneMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    this.schedule(0);
  }

  /** Finishes the round in flight (its sends end within their timeouts) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.options.log(`deliveries: a round failed: ${messageOf(error)}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollIntervalMs ?? DELIVERY_POLL_INTERVAL_MS);
        });
    }, delayMs);
  }

  /** One round: announce maintenance phases when due, then claim, send and record what is due. Returns how many were attempted. */
  async tick(): Promise<number> {
    const { db } = this.options;
    const nowMs = this.now();
    if (nowMs - this.lastScanMs >= MAINTENANCE_SCAN_INTERVAL_MS) {
      scanMaintenancePhases(db, nowMs);
      this.lastScanMs = nowMs;
    }
    if (nowMs - this.lastPruneMs >= OUTBOX_PRUNE_INTERVAL_MS) {
      pruneOutbox(db, nowMs);
      this.lastPruneMs = nowMs;
    }
    const claims = claimDueDeliveries(db, nowMs, this.options.concurrency ?? DELIVERY_CONCURRENCY);
    await Promise.all(claims.map((claim) => this.deliver(claim)));
    return claims.length;
  }

  private async deliver(claim: ClaimedDelivery): Promise<void> {
    const { db, keyring, log } = this.options;
    let outcome: DeliveryOutcome;
    try {
      const cancelled = cancellationReason(db, claim);
      const recipient = cancelled ? null : loadRecipient(db, keyring, claim.subscriberId);
      outcome = recipient
        ? recipient.kind === "webhook"
          ? await this.sendWebhook(claim, recipient)
          : await this.sendEmail(claim, recipient)
        : { ok: false, cancelled: cancelled ?? "The subscriber is gone." };
    } catch (error) {
      // Our own fault (a key missing from CREDENTIAL_KEYS, a full disk): retried, never held against the subscriber.
      outcome = { ok: false, status: null, error: messageOf(error), permanent: false, blame: "us" };
    }
    const state = recordDeliveryOutcome(db, claim, outcome, this.now(), this.random());
    if (!outcome.ok && !("cancelled" in outcome)) {
      log(`deliveries: ${claim.event.kind} to subscriber ${claim.subscriberId}, attempt ${claim.attempt}, failed (${outcome.error}); now ${state ?? "taken over"}`);
    }
  }

  private links(token: string) {
    const base = this.options.publicBaseUrl;
    return {
      baseUrl: base,
      confirmUrl: `${base}/subscribe/confirm/${token}`,
      manageUrl: `${base}/subscribe/manage/${token}`,
      unsubscribeUrl: `${base}/subscribe/unsubscribe/${token}`,
    };
  }

  private async sendWebhook(claim: ClaimedDelivery, to: Extract<Recipient, { kind: "webhook" }>): Promise<DeliveryOutcome> {
    const body = webhookBody(claim.event, this.options.publicBaseUrl);
    const timestamp = String(Math.floor(this.now() / 1000));
    try {
      const status = await postWebhook({
        url: to.url,
        body,
        headers: {
          "user-agent": USER_AGENT,
          "x-shopiq-event": claim.event.kind,
          "x-shopiq-delivery": String(claim.id),
          "x-shopiq-timestamp": timestamp,
          "x-shopiq-signature": webhookSignature(to.secret, timestamp, body),
        },
        timeoutMs: this.options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS,
        allowPrivateTargets: this.options.allowPrivateWebhookTargets ?? false,
      });
      if (status >= 200 && status < 300) return { ok: true, status };
      return { ok: false, status, error: `answered HTTP ${status}`, permanent: false, blame: "subscriber" };
    } catch (error) {
      return { ok: false, status: null, error: messageOf(error), permanent: false, blame: "subscriber" };
    }
  }

  private async sendEmail(claim: ClaimedDelivery, to: Extract<Recipient, { kind: "email" }>): Promise<DeliveryOutcome> {
    const links = this.links(to.token);
    const content = renderEmail(claim.event, to, links);
    try {
      await this.options.mail.send({
        to: to.email,
        ...content,
        headers: {
          "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "X-ShopIQ-Event": claim.event.kind,
          "X-ShopIQ-Event-Id": publicEventId(claim.event.id),
          "X-ShopIQ-Delivery": String(claim.id),
        },
        messageId: `<delivery-${claim.id}@${new URL(this.options.publicBaseUrl).hostname}>`,
      });
      return { ok: true, status: null };
    } catch (error) {
      if (!(error instanceof MailSendError)) throw error;
      // Only a refused address is the subscriber's failure; our mail server being down is ours, and retried.
      const refused = error.recipientRefused;
      return { ok: false, status: error.responseCode, error: error.message, permanent: refused, blame: refused ? "subscriber" : "us" };
    }
  }
}

/** Where emails go: SMTP_URL, or .eml files beside the database. */
function mailSenderFor(env: Pick<Env, "SMTP_URL" | "SMTP_FROM" | "DATABASE_URL">): MailSender {
  if (env.SMTP_URL) return smtpMailSender(env.SMTP_URL, env.SMTP_FROM);
  const path = databasePath(env.DATABASE_URL);
  return fileMailSender(join(path === ":memory:" ? "data" : dirname(path), "mail"), env.SMTP_FROM);
}

/**
 * Starts the worker for the server. Webhooks may reach private addresses only in the demo,
 * which runs on one machine with its receivers.
 */
export function startDeliveries(options: {
  db: Executor;
  keyring: Keyring;
  env: Pick<Env, "SMTP_URL" | "SMTP_FROM" | "DATABASE_URL" | "SEED_DEMO">;
  publicBaseUrl: string;
  log: Log;
}): { stop: () => Promise<void> } {
  const mail = mailSenderFor(options.env);
  const worker = new DeliveryWorker({
    db: options.db,
    keyring: options.keyring,
    mail,
    publicBaseUrl: options.publicBaseUrl,
    log: options.log,
    allowPrivateWebhookTargets: options.env.SEED_DEMO,
  });
  worker.start();
  options.log(`deliveries started: emails go to ${mail.description}; links in them point to ${options.publicBaseUrl}`);
  return {
    stop: async () => {
      await worker.stop();
      mail.close();
    },
  };
}
