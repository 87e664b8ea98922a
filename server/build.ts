import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

export const SERVER_BUILD_PATH = "build/index.js";
const SOURCES = ["app", "db", "remix.config.js", "package.json"];
const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

/** True when there is no build or a source file changed after it. */
export function buildIsStale(root = PROJECT_ROOT): boolean {
  const built = join(root, SERVER_BUILD_PATH);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtimeMs(join(root, source)) > builtAt);
}

export async function loadServerBuild(root = PROJECT_ROOT): Promise<ServerBuild> {
  const url = pathToFileURL(join(root, SERVER_BUILD_PATH));
  return (await import(url.href)) as ServerBuild;
}
