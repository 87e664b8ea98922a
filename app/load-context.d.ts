import type { Db } from "../db/client";

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    db: Db;
  }
}
