// Real servers on loopback for the check kinds' tests: the checks talk to them exactly as
// they talk to providers, so nothing in the network stack is mocked.

import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type RequestListener } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer } from "node:tls";

export interface LocalServer {
  port: number;
  close: () => Promise<void>;
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(portOf(server)));
  });
}

/** Whether every connection to `server` closes within `withinMs`: a check must leave none open. */
export async function connectionsClosed(server: Server, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const count = await new Promise<number>((resolve) => server.getConnections((_error, n) => resolve(n)));
    if (count === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

export async function startHttpServer(handler: RequestListener): Promise<LocalServer & { url: string }> {
  const server = createHttpServer(handler);
  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        // Handlers that never answer would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTcpServer(): Promise<LocalServer & { server: Server }> {
  const server = createNetServer((socket) => socket.on("error", () => socket.destroy()));
  const port = await listen(server);
  return { port, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Certificate {
  certPem: string;
  keyPem: string;
}

/** A self-signed certificate for `localhost` and 127.0.0.1, valid from now for `days`. */
export function createCertificate(days: number): Certificate {
  const dir = mkdtempSync(join(tmpdir(), "shopiq-cert-"));
  try {
    const certPath = join(dir, "cert.pem");
    const keyPath = join(dir, "key.pem");
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", String(days)],
        ...["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        ...["-keyout", keyPath, "-out", certPath],
      ],
      { stdio: "ignore" }
    );
    return { certPem: readFileSync(certPath, "utf8"), keyPem: readFileSync(keyPath, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startTlsServer(certificate: Certificate): Promise<LocalServer & { server: Server }> {
  const server = createTlsServer({ cert: certificate.certPem, key: certificate.keyPem }, (socket) => {
    socket.on("error", () => socket.destroy());
  });
  // Clients that reject the certificate hang up mid-handshake; that is not the server's failure.
  server.on("tlsClientError", () => undefined);
  const port = await listen(server);
  return { port, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function startHttpsServer(
  certificate: Certificate,
  handler: RequestListener
): Promise<LocalServer & { url: string }> {
  const server = createHttpsServer({ cert: certificate.certPem, key: certificate.keyPem }, handler);
  const port = await listen(server);
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- A minimal authoritative DNS server over UDP (RFC 1035 wire format) ---

export type DnsRecord =
  | { name: string; type: "A"; address: string }
  | { name: string; type: "CNAME"; target: string }
  | { name: string; type: "MX"; priority: number; exchange: string }
  | { name: string; type: "TXT"; text: string };

const TYPE_CODES = { A: 1, CNAME: 5, MX: 15, TXT: 16 } as const;
const CLASS_IN = 1;
const TTL_SECONDS = 60;
/** A compression pointer to the question's name, which always starts right after the header. */
const POINTER_TO_QUESTION_NAME = 0xc00c;
const RCODE_NXDOMAIN = 3;

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, "").split(".");
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

function encodeRdata(record: DnsRecord): Buffer {
  switch (record.type) {
    case "A":
      return Buffer.from(record.address.split(".").map(Number));
    case "CNAME":
      return encodeName(record.target);
    case "MX": {
      const preference = Buffer.alloc(2);
      preference.writeUInt16BE(record.priority);
      return Buffer.concat([preference, encodeName(record.exchange)]);
    }
    case "TXT":
      return Buffer.concat([Buffer.from([record.text.length]), Buffer.from(record.text)]);
  }
}

/** The question's name, type and where it ends; the header is 12 bytes. */
function readQuestion(query: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (query[offset] !== 0) {
    const length = query[offset] ?? 0;
    labels.push(query.toString("ascii", offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  offset += 1;
  return { name: labels.join("."), type: query.readUInt16BE(offset), end: offset + 4 };
}

function dnsAnswer(query: Buffer, records: DnsRecord[]): Buffer {
  const question = readQuestion(query);
  const known = records.filter((record) => record.name.toLowerCase() === question.name.toLowerCase());
  const answers = known.filter((record) => TYPE_CODES[record.type] === question.type);

  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // the id, echoed
  header[2] = 0x84 | ((query[2] ?? 0) & 0x01); // response, authoritative, recursion desired as asked
  header[3] = 0x80 | (known.length === 0 ? RCODE_NXDOMAIN : 0); // recursion available; a known name with no such record is NODATA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);

  const resourceRecords = answers.map((record) => {
    const rdata = encodeRdata(record);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(POINTER_TO_QUESTION_NAME, 0);
    fixed.writeUInt16BE(TYPE_CODES[record.type], 2);
    fixed.writeUInt16BE(CLASS_IN, 4);
    fixed.writeUInt32BE(TTL_SECONDS, 6);
    fixed.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([fixed, rdata]);
  });
  return Buffer.concat([header, query.subarray(12, question.end), ...resourceRecords]);
}

/**
 * Answers from `records` (NXDOMAIN for unknown names); with `answer: false` it receives
 * queries and never replies, like a resolver behind a dead link.
 */
export async function startDnsServer(
  records: DnsRecord[],
  options: { answer?: boolean; delayMs?: number } = {}
): Promise<LocalServer & { server: string }> {
  const socket = createSocket("udp4");
  const pendingReplies = new Set<NodeJS.Timeout>();
  socket.on("message", (query, peer) => {
    if (options.answer === false) return;
    const timer = setTimeout(() => {
      pendingReplies.delete(timer);
      socket.send(dnsAnswer(query, records), peer.port, peer.address);
    }, options.delayMs ?? 0);
    pendingReplies.add(timer);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  return {
    port,
    server: `127.0.0.1:${port}`,
    close: () => {
      // A delayed reply sent after close would throw from inside dgram.
      for (const timer of pendingReplies) clearTimeout(timer);
      return new Promise((resolve) => socket.close(() => resolve()));
    },
  };
}
