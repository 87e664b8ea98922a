import type { AppLoadContext } from "@remix-run/node";
import { findUserForLogin } from "../../db/users/accounts";
import { accountKey, addressKey, clearAccountFailures, recordLoginFailure, throttleState } from "../../db/users/throttle";
import { verifyPassword } from "./password.server";

export type SignInOutcome = { ok: true; userId: number } | { ok: false; locked: boolean; message: string };

// One message for every wrong combination: whether the account exists, is disabled or
// has no password yet is nobody's business before they sign in.
const WRONG = "Email or password is incorrect.";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function attemptSignIn(
  context: Pick<AppLoadContext, "db">,
  attempt: { email: string; password: string; address: string },
  nowMs = Date.now(),
): Promise<SignInOutcome> {
  const keys = [accountKey(attempt.email), addressKey(attempt.address)];
  const throttle = throttleState(context.db, keys, nowMs);
  if (throttle.lockedUntilMs !== null) {
    const minutes = Math.max(1, Math.ceil((throttle.lockedUntilMs - nowMs) / 60_000));
    return { ok: false, locked: true, message: `Too many attempts. Sign-in is locked; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  const user = findUserForLogin(context.db, attempt.email);
  // The password is checked (against a decoy when there is no such user) before anything else is said, so every answer takes as long.
  const passwordMatches = await verifyPassword(attempt.password, user?.passwordHash ?? null);
  if (user && passwordMatches && user.disabledAt === null) {
    clearAccountFailures(context.db, attempt.email);
    return { ok: true, userId: user.id };
  }
  recordLoginFailure(context.db, keys, nowMs);
  await sleep(throttle.delayMs);
  return { ok: false, locked: false, message: WRONG };
}
