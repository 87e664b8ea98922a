import type { Cookie } from "@remix-run/node";
import type { Db } from "../db/client";
import type { Keyring } from "../db/credentials/keyring";
import type { IngestBatchResult } from "./ingest.server";

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    db: Db;
    auth: {
      sessionCookie: Cookie;
      /** The merchant pages' session, apart from the ops console's. */
      merchantCookie: Cookie;
      /** Secrets the ShopIQ platform signs merchants' sign-in links with, current first. */
      merchantSsoSecrets: string[];
    };
    /** The nonce this response's scripts carry, allowed by its Content-Security-Policy. */
    cspNonce?: string;
    /** The client's address as the server saw it (behind a proxy on loopback: the forwarded one). */
    clientAddress?: string;
    /** Seals subscribers' link tokens and webhook secrets; absent where nobody subscribes (the bench). */
    keyring?: Keyring;
    /** Counters the server exposes on /metrics; absent where nobody scrapes them (tests, the bench). */
    metrics?: { countIngestBatch: (result: IngestBatchResult) => void };
  }
}
