import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { databasePath } from "../client";
import { generateKeyringSpec, KeyringError, parseKeyring, type Keyring } from "./keyring";

export const GENERATED_KEYS_FILE = "credential-keys";

/**
 * The keyring from `CREDENTIAL_KEYS`. Only a demo may run without it: then a key is made
 * once and kept beside the database, so sealed demo credentials open again after a restart.
 */
export function loadKeyring(options: {
  spec: string | undefined;
  databaseUrl: string;
  allowGenerated: boolean;
  log: (line: string) => void;
}): Keyring {
  if (options.spec) return parseKeyring(options.spec);
  if (!options.allowGenerated) {
    throw new KeyringError("CREDENTIAL_KEYS is required when the demo is off (generate one with: openssl rand -base64 32, and set CREDENTIAL_KEYS=k1:<that>)");
  }
  const path = databasePath(options.databaseUrl);
  if (path === ":memory:") return parseKeyring(generateKeyringSpec());
  const file = join(dirname(path), GENERATED_KEYS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${generateKeyringSpec()}\n`, { mode: 0o600 });
    options.log(`CREDENTIAL_KEYS not set: generated a demo key in ${file}`);
  }
  return parseKeyring(readFileSync(file, "utf8").trim());
}
