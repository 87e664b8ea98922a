#!/usr/bin/env node
// `npm start`: build the app if it is missing or older than its sources, then run the
// server (TypeScript, through tsx) in this same process.
import { spawnSync } from "node:child_process";
import { register } from "tsx/esm/api";

// React and Remix pick their production builds from this; without it every page renders
// with development checks, several times slower.
process.env.NODE_ENV ??= "production";

register();
const { buildIsStale } = await import("../server/build.ts");
if (buildIsStale()) {
  console.log("[status] building the app (first start or sources changed)…");
  const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import("../server/main.ts");
