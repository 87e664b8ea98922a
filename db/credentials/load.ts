import { demoSecret } from "../secret-file";
import { generateKeyringSpec, KeyringError, parseKeyring, type Keyring } from "./keyring";

export const GENERATED_KEYS_FILE = "credential-keys";

/** The keyring from `CREDENTIAL_KEYS`; only a demo may run without it, on a key kept beside its database. */
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
  return parseKeyring(demoSecret({ databaseUrl: options.databaseUrl, fileName: GENERATED_KEYS_FILE, generate: generateKeyringSpec, log: options.log }));
}
