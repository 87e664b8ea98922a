// How emails leave: through the SMTP server in SMTP_URL, or, when there is none (the demo,
// a laptop), into .eml files in a folder, where a person can open them and click their
// links. Either way the worker sees the same interface.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";

/** Per connection step; together they stay well inside a delivery's claim (db/subscriptions/outbox.ts). */
const SMTP_CONNECTION_TIMEOUT_MS = 15_000;
const SMTP_GREETING_TIMEOUT_MS = 15_000;
const SMTP_SOCKET_TIMEOUT_MS = 30_000;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  /** The same for every attempt of a delivery, so a mail client can fold a rare duplicate. */
  messageId: string;
}

export interface MailSender {
  /** Where the mail goes, for the startup log. */
  description: string;
  send: (mail: OutgoingEmail) => Promise<void>;
  close: () => void;
}

/** A failed send, with the SMTP server's reply code when it gave one. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | null,
    /** The server refused the recipient for good (a 5xx reply to RCPT TO): the address is the problem, not us. */
    readonly recipientRefused: boolean,
  ) {
    super(message);
  }
}

function sendError(error: unknown): MailSendError {
  // nodemailer's errors carry the SMTP reply as extra fields.
  const details: { responseCode?: unknown; code?: unknown } = typeof error === "object" && error !== null ? error : {};
  const responseCode = typeof details.responseCode === "number" ? details.responseCode : null;
  const recipientRefused = details.code === "EENVELOPE" && responseCode !== null && responseCode >= 500;
  return new MailSendError(error instanceof Error ? error.message : String(error), responseCode, recipientRefused);
}

export function smtpMailSender(url: string, from: string): MailSender {
  const transport = createTransport({
    url,
    connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: SMTP_GREETING_TIMEOUT_MS,
    socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
  });
  return {
    // Host and port only: the URL may carry a password.
    description: `SMTP at ${new URL(url).host}`,
    send: async (mail) => {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        throw sendError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** Writes each email as `<message id>.eml` into `dir` instead of sending it. */
export function fileMailSender(dir: string, from: string): MailSender {
  const transport = createTransport({ streamTransport: true, buffer: true });
  return {
    description: `.eml files in ${dir} (SMTP_URL is not set, so nothing is sent)`,
    send: async (mail) => {
      const { message } = await transport.sendMail({ from, ...mail });
      if (!Buffer.isBuffer(message)) throw new Error("the stream transport was asked for a buffer");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${mail.messageId.replace(/[^A-Za-z0-9.@-]/g, "")}.eml`), message);
    },
    close: () => transport.close(),
  };
}
