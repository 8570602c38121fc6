// AES-256-GCM for provider secrets at rest. The key comes from PRODA_SECRET_KEY (32 bytes, base64 or
// hex); a stored value is "v1:<iv>:<tag>:<ciphertext>" so a future key rotation can tell versions apart.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export function parseSecretKey(raw: string | undefined): Buffer {
  if (!raw) throw new Error("PRODA_SECRET_KEY is not set (32 bytes, base64 or hex)");
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("PRODA_SECRET_KEY must decode to exactly 32 bytes");
  return key;
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** What the browser may see of a secret: never more than its last four characters. */
export function maskSecret(last4: string | null | undefined): string | null {
  return last4 ? `••••${last4}` : null;
}
