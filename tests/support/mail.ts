// A real SMTP server on loopback that keeps what it receives, decoded as a person reads it.
// It understands what our mailer sends: one text/plain part, quoted-printable or base64,
// with RFC 2047 encoded words in the subject.

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
}

function unfoldHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** Encoded words next to each other are one run of bytes: a character may be split between them. */
function decodeEncodedWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, encoding, data]) =>
      encoding!.toUpperCase() === "B" ? Buffer.from(data!, "base64") : decodeQuotedPrintable(data!.replace(/_/g, " ")),
    );
    return `${Buffer.concat(bytes).toString("utf8")}${/\s$/.test(run) ? " " : ""}`;
  }).trim();
}

export function parseEmail(raw: string, to: string[]): ReceivedEmail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = unfoldHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const decoded = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64") : encoding === "quoted-printable" ? decodeQuotedPrintable(body) : Buffer.from(body, "utf8");
  return { to, headers, subject: decodeEncodedWords(headers.get("subject") ?? ""), text: decoded.toString("utf8").replace(/\r\n/g, "\n") };
}

export interface TestMailServer {
  url: string;
  received: ReceivedEmail[];
  /** Addresses the server refuses with a permanent 550. */
  refuse: Set<string>;
  /** Resolves with the next email to arrive (or one already waiting since the last call). */
  next: (timeoutMs?: number) => Promise<ReceivedEmail>;
  close: () => Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedEmail[] = [];
  const refuse = new Set<string>();
  let taken = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.has(address.address) ? new Error(`no mailbox ${address.address}`) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(parseEmail(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    next: (timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
          settled = true;
          reject(new Error(`no email arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const attempt = () => {
          if (settled) return;
          if (taken >= received.length) return void waiters.push(attempt);
          settled = true;
          clearTimeout(timer);
          resolve(received[taken++]!);
        };
        attempt();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(email: ReceivedEmail, prefix: string): string {
  const found = email.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`no link starting ${prefix} in:\n${email.text}`);
  return found;
}
