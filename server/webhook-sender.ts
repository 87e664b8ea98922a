// Posting a signed webhook. Anyone can register a URL on the public page, so by default a
// delivery refuses to reach loopback, private and link-local addresses: otherwise the form
// would let strangers make this server POST into the network it runs in. The check runs
// on the address actually connected to, so a name that resolves differently later
// (DNS rebinding) is caught too. Redirects are not followed.

import { createHmac } from "node:crypto";
import { lookup as dnsLookup } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: what the X-ShopIQ-Signature header carries. */
export const webhookSignature = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

const PRIVATE_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, "ipv6");
}

const isPrivateAddress = (address: string) => PRIVATE_NETWORKS.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

const refusal = (host: string) => new Error(`${host} is a loopback, private or link-local address, which webhooks may not reach`);

/** dns.lookup, refusing private answers. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) return callback(refusal(`${hostname} (${blocked.address})`), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return first ? callback(null, first.address, first.family) : callback(new Error(`${hostname} has no address`), []);
  });
};

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** For the demo and tests, whose receivers run on this machine. */
  allowPrivateTargets: boolean;
}

/** POSTs the body and resolves with the response's status; rejects when no response came in time. */
export function postWebhook(post: WebhookPost): Promise<number> {
  const url = new URL(post.url);
  // Brackets and all: an IPv6 literal is written [::1] in a URL.
  const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!post.allowPrivateTargets && isIP(literal) !== 0 && isPrivateAddress(literal)) return Promise.reject(refusal(literal));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(post.body), ...post.headers },
        lookup: post.allowPrivateTargets ? undefined : publicOnlyLookup,
        timeout: post.timeoutMs,
      },
      (response: IncomingMessage) => {
        // The answer's body is not ours to keep; reading it lets the connection close cleanly.
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    // A deadline for the whole exchange: the socket timeout alone resets with every byte a slow receiver trickles.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${post.timeoutMs} ms`)), post.timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`no answer within ${post.timeoutMs} ms`)));
    request.on("error", reject);
    request.on("close", () => clearTimeout(deadline));
    request.end(post.body);
  });
}
