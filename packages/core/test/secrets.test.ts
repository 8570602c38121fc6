import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret, parseSecretKey } from "../src/server.ts";

const key = randomBytes(32);

describe("secret encryption", () => {
  it("round-trips and never stores the plain text", () => {
    const stored = encryptSecret("sk-very-secret", key);
    expect(stored).not.toContain("sk-very-secret");
    expect(stored.startsWith("v1:")).toBe(true);
    expect(decryptSecret(stored, key)).toBe("sk-very-secret");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("detects tampering and a wrong key", () => {
    const stored = encryptSecret("sk-abc", key);
    const parts = stored.split(":");
    const flipped = Buffer.from(parts[3]!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([...parts.slice(0, 3), flipped.toString("base64")].join(":"), key)).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow();
  });

  it("accepts 32-byte keys in base64 or hex only", () => {
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(key.toString("hex"))).toEqual(key);
    expect(() => parseSecretKey(undefined)).toThrow(/PRODA_SECRET_KEY/);
    expect(() => parseSecretKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });

  it("masks to the last four characters", () => {
    expect(maskSecret("abcd")).toBe("••••abcd");
    expect(maskSecret(null)).toBeNull();
  });
});
