import type { Cookie } from "@remix-run/node";
import type { Db } from "../db/client";

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
  }
}
