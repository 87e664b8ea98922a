import { and, eq, inArray } from "drizzle-orm";
import { check, provider } from "../db/schema";
import { runCheck, type CheckRun, type ProbeDeps } from "./run-check";

/** Runs every enabled check (of one provider, when given) once, a few at a time, in check order. */
export async function runEnabledChecksOnce(deps: ProbeDeps, options: { concurrency: number; providerSlug?: string }): Promise<CheckRun[]> {
  const ofProvider = options.providerSlug
    ? inArray(check.providerId, deps.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, options.providerSlug)))
    : undefined;
  const ids = deps.db.select({ id: check.id }).from(check).where(and(eq(check.enabled, true), ofProvider)).orderBy(check.id).all().map((r) => r.id);
  const runs: (CheckRun | null)[] = new Array(ids.length).fill(null);
  const never = new AbortController().signal;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      runs[index] = await runCheck(deps, ids[index]!, never);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, ids.length) }, worker));
  return runs.filter((r): r is CheckRun => r !== null);
}
