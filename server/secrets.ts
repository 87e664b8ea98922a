// Secrets from the environment, comma-separated with the current one first so that they
// rotate without a gap. The demo makes its own once and keeps them beside its database.

import { EnvError, type Env } from "../app/env.server";
import { GENERATED_SESSION_SECRET_FILE, generateSessionSecret } from "../app/auth/session.server";
import { GENERATED_MERCHANT_SSO_SECRET_FILE } from "../app/merchant/session.server";
import { demoSecret } from "../db/secret-file";

type Log = (line: string) => void;

const listed = (value: string) => value.split(",").map((s) => s.trim()).filter(Boolean);

export function sessionSecrets(env: Env, log: Log): string[] {
  if (env.SESSION_SECRET) return listed(env.SESSION_SECRET);
  if (!env.SEED_DEMO) throw new EnvError("SESSION_SECRET is required when the demo is off (a long random string; put a new one first to rotate)");
  return [demoSecret({ databaseUrl: env.DATABASE_URL, fileName: GENERATED_SESSION_SECRET_FILE, generate: generateSessionSecret, log })];
}

export function merchantSsoSecrets(env: Env, log: Log): string[] {
  if (env.MERCHANT_SSO_SECRET) return listed(env.MERCHANT_SSO_SECRET);
  if (!env.SEED_DEMO) throw new EnvError("MERCHANT_SSO_SECRET is required when the demo is off (the secret the ShopIQ platform signs merchants' links with; put a new one first to rotate)");
  return [demoSecret({ databaseUrl: env.DATABASE_URL, fileName: GENERATED_MERCHANT_SSO_SECRET_FILE, generate: generateSessionSecret, log })];
}
