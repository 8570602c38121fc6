// Re-encrypts every stored provider key under a new PRODA_SECRET_KEY, all or nothing: the rows are
// locked and rewritten in one transaction, and a key that the old secret cannot open aborts the
// whole rotation (naming the provider, never the key), so nothing is half-rotated.
// A row that the new secret already opens is left alone: a rotation interrupted after its commit
// (the key file not yet swapped, say) can simply be run again.
import { AppError } from "@proda/core";
import { decryptSecret, encryptSecret } from "@proda/core/server";
import type { PrismaClient } from "@proda/db";

export interface TRotationResult {
  rotated: number;
  alreadyRotated: number;
}

function opens(stored: string, key: Buffer): string | null {
  try {
    return decryptSecret(stored, key);
  } catch {
    return null;
  }
}

export async function rotateProviderSecrets(prisma: PrismaClient, keys: { from: Buffer; to: Buffer }): Promise<TRotationResult> {
  if (keys.from.equals(keys.to)) throw new AppError("validation_failed", "The new secret key is the same as the current one");
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; name: string; projectId: string; secretEncrypted: string }[]>`
        SELECT id, name, "projectId", "secretEncrypted" FROM "ProviderConfig"
        WHERE "secretEncrypted" IS NOT NULL ORDER BY id FOR UPDATE`;
      const result: TRotationResult = { rotated: 0, alreadyRotated: 0 };
      for (const row of rows) {
        if (opens(row.secretEncrypted, keys.to) !== null) {
          result.alreadyRotated += 1;
          continue;
        }
        const plain = opens(row.secretEncrypted, keys.from);
        if (plain === null) {
          throw new AppError(
            "validation_failed",
            `The key of provider "${row.name}" (${row.id}, project ${row.projectId}) cannot be decrypted with the current secret key; nothing was rotated`,
          );
        }
        await tx.providerConfig.update({ where: { id: row.id }, data: { secretEncrypted: encryptSecret(plain, keys.to) } });
        result.rotated += 1;
      }
      return result;
    },
    { timeout: 120_000 },
  );
}
