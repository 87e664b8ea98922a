import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { VARY_ON_LANGUAGE } from "./i18n/negotiate.server";
import { NonceContext } from "./nonce";

const ABORT_DELAY_MS = 5_000;

/**
 * React 18's streaming renderer, when a character of several bytes does not fit at the end
 * of its 2 KB buffer, writes the whole buffer, unused zero bytes included (fixed in React
 * 19, which Remix 2 cannot use). Hindi and Assamese text, three bytes a character, meets
 * this on most pages. UTF-8 never puts a zero byte inside a character and no page holds a
 * NUL of its own, so dropping zero bytes gives back exactly the page React meant.
 */
function withoutStrayZeroBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Crawlers and clients without JavaScript get the whole document at once.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutStrayZeroBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Every page is in the language its request asked for (decision 013).
          responseHeaders.append("Vary", VARY_ON_LANGUAGE);
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}
