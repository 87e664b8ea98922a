import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { Db } from "../../db/client";
import { demoDatabase, type TestDatabase } from "./database";
import { startServer, type RunningServer } from "./server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The machine's network is closed: without these flags Chromium keeps trying to reach
// Google's services in the background.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, headless, with a fresh profile. Fails loudly where it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** Where browser tests leave screenshots for a person to look at. */
export const ARTIFACTS_DIR = "test-artifacts";

interface DemoInChromium {
  t: TestDatabase;
  server: RunningServer;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * A copy of the seeded demo behind the real server, and Chromium to look at it; `prepare`
 * adds to the database before the server starts. What opened before a failure is closed.
 */
export async function demoInChromium(prepare?: (db: Db) => Promise<unknown>): Promise<DemoInChromium> {
  const t = demoDatabase();
  let server: RunningServer | undefined;
  try {
    await prepare?.(t.db);
    const started = await startServer(t.db);
    server = started;
    const browser = await launchChromium();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    return {
      t,
      server: started,
      browser,
      close: async () => {
        await browser.close();
        await started.close();
        t.close();
      },
    };
  } catch (error) {
    await server?.close();
    t.close();
    throw error;
  }
}
