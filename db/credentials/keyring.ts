import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Merchants' credentials are sealed with AES-256-GCM. A keyring holds the current key and
// any older ones still needed to open rows sealed before a rotation.

const KEY_BYTES = 32;
const IV_BYTES = 12;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface Keyring {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface SealedSecret {
  keyId: string;
  iv: string;
  ciphertext: string;
  authTag: string;
}

export class KeyringError extends Error {}

/**
 * Reads `CREDENTIAL_KEYS`: comma-separated `id:base64key` entries, the first being the key
 * new secrets are sealed with. Each key is 32 random bytes (`openssl rand -base64 32`).
 */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [id, encoded, ...rest] = entry.split(":");
    if (!id || !encoded || rest.length > 0 || !KEY_ID_PATTERN.test(id)) {
      throw new KeyringError('CREDENTIAL_KEYS entries must look like "id:base64key"');
    }
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES) throw new KeyringError(`CREDENTIAL_KEYS key "${id}" must be ${KEY_BYTES} bytes, base64-encoded`);
    if (keys.has(id)) throw new KeyringError(`CREDENTIAL_KEYS names key "${id}" twice`);
    keys.set(id, key);
  }
  const [currentKeyId] = keys.keys();
  if (!currentKeyId) throw new KeyringError("CREDENTIAL_KEYS holds no key");
  return { currentKeyId, keys };
}

export function generateKeyringSpec(keyId = "k1"): string {
  return `${keyId}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

export function seal(keyring: Keyring, plaintext: string): SealedSecret {
  const key = keyring.keys.get(keyring.currentKeyId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    keyId: keyring.currentKeyId,
    iv: iv.toString("base64"),
    ciphertext: ciphertext.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
  };
}

export function open(keyring: Keyring, sealed: SealedSecret): string {
  const key = keyring.keys.get(sealed.keyId);
  if (!key) throw new KeyringError(`credential sealed with key "${sealed.keyId}", which CREDENTIAL_KEYS no longer holds`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
}
