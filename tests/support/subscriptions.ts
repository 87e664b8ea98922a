// Subscribers, a webhook receiver on loopback, and delivery workers on a clock the test
// moves, for the subscription tests.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { open } from "../../db/credentials/keyring";
import { subscriber } from "../../db/schema";
import type { Locale } from "../../db/schema/enums";
import { confirmSubscription, subscribe } from "../../db/subscriptions/subscribers";
import { DeliveryWorker, type DeliveryWorkerOptions } from "../../server/deliveries";
import type { MailSender, OutgoingEmail } from "../../server/mail-sender";
import { TEST_KEYRING } from "./loaders";

export const TEST_BASE_URL = "http://status.test";

/** A clock that only moves when the test says so. */
export class TestClock {
  constructor(public nowMs = Date.now()) {}
  readonly now = () => this.nowMs;
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

let clientCounter = 0;
/** A client address of its own, so one test's subscriptions do not use up another's rate limit. */
const freshClient = () => `198.51.100.${(clientCounter += 1) % 250}-${clientCounter}`;

export function webhookSubscriber(db: Db, url: string, providerIds: number[] = [], nowMs = Date.now()) {
  const outcome = subscribe(db, TEST_KEYRING, { kind: "webhook", url, locale: "en", providerIds }, { clientAddress: freshClient(), nowMs });
  if (!outcome.ok || outcome.kind !== "webhook") throw new Error("the webhook subscription was refused");
  return outcome;
}

/** An email subscriber that has confirmed (its confirmation email still queued), and its link token. */
export function confirmedEmailSubscriber(db: Db, email: string, providerIds: number[] = [], locale: Locale = "en", nowMs = Date.now()) {
  const outcome = subscribe(db, TEST_KEYRING, { kind: "email", email, locale, providerIds }, { clientAddress: freshClient(), nowMs });
  if (!outcome.ok) throw new Error("the email subscription was refused");
  const row = db.select().from(subscriber).where(eq(subscriber.email, email)).get()!;
  const token = open(TEST_KEYRING, row.sealedToken);
  confirmSubscription(db, token, nowMs);
  return { id: row.id, token };
}

/** Keeps emails in memory instead of sending them. */
export function memoryMail(): MailSender & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return { description: "memory", sent, send: async (mail) => void sent.push(mail), close: () => {} };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers in order; after the list runs out, 200. */
  statuses: number[];
  /** While set, requests wait for it before they are answered. */
  hold: Promise<void> | null;
  /** Resolves when the next request has arrived (and is waiting, if held). */
  arrival: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const arrivals: (() => void)[] = [];
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    statuses: [],
    hold: null,
    arrival: () => new Promise((resolve) => arrivals.push(resolve)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      for (const wake of arrivals.splice(0)) wake();
      const status = receiver.statuses.shift() ?? 200;
      void (receiver.hold ?? Promise.resolve()).then(() => response.writeHead(status).end(status === 200 ? "ok" : "nope"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/shopiq`;
  return receiver;
}

/** What a receiver does: recompute the signature over timestamp and body, and check the timestamp is recent. */
export function verifySignature(request: ReceivedWebhook, secret: string, nowMs: number, toleranceS = 300): boolean {
  const timestamp = String(request.headers["x-shopiq-timestamp"] ?? "");
  const signature = String(request.headers["x-shopiq-signature"] ?? "");
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")}`;
  const fresh = Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceS;
  return fresh && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

/** A worker as the server runs it, on the test's clock, allowed to reach loopback receivers. */
export function testWorker(db: Db, clock: TestClock, mail: MailSender = memoryMail(), options: Partial<DeliveryWorkerOptions> = {}) {
  return new DeliveryWorker({
    db,
    keyring: TEST_KEYRING,
    mail,
    publicBaseUrl: TEST_BASE_URL,
    log: () => {},
    now: clock.now,
    random: () => 0.5,
    allowPrivateWebhookTargets: true,
    ...options,
  });
}
